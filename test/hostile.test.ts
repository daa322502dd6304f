import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportKind, ROOT, runCli, tempDir } from './helpers.js';

const HOSTILE = path.join(ROOT, 'test', 'fixtures', 'hostile');

describe('ingest of broken PDFs from the PDF.js test corpus', () => {
  it('survives every one: each is indexed or named on stderr with a reason', () => {
    const files = fs.readdirSync(HOSTILE).filter((f) => f.endsWith('.pdf'));
    expect(files.length).toBeGreaterThan(90);
    const db = path.join(tempDir(), 'index.db');
    const result = runCli(['ingest', HOSTILE, '--db', db, '--quiet', '--timeout', '60']);
    expect(result.status).toBe(0);
    expect(result.signal).toBeNull();
    const exported = new Set(exportKind<{ source: string }>('documents', db).map((d) => path.basename(d.source)));
    const reported = new Map(
      result.stderr
        .trim()
        .split('\n')
        .map((line) => /^report-miner: (.*?\.pdf): (.+)$/.exec(line))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => [path.basename(m[1]!), m[2]!]),
    );
    for (const file of files) {
      expect(exported.has(file) || reported.has(file), `${file} neither indexed nor reported`).toBe(true);
    }
    for (const reason of reported.values()) expect(reason.length).toBeGreaterThan(5);
    expect(result.stdout).toMatch(/documents indexed/);
  });
});
