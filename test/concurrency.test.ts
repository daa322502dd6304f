import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openIndex } from '../src/query/index.js';
import { buildIndex, CLI, CORPUS, ROOT, runCli } from './helpers.js';

const HOSTILE = path.join(ROOT, 'test', 'fixtures', 'hostile');

function ingestInBackground(paths: string[], db: string): { done: Promise<{ code: number | null; stderr: string }> } {
  const child = spawn(process.execPath, [CLI, 'ingest', ...paths, '--db', db, '--quiet']);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return {
    done: new Promise((resolve) =>
      child.on('exit', (code) => {
        resolve({ code, stderr });
      }),
    ),
  };
}

describe('readers and writers at once', () => {
  it('queries keep answering, without SQLITE_BUSY, while an ingest writes', async () => {
    const db = buildIndex([path.join(CORPUS, 'fixtures')]);
    const writer = ingestInBackground([path.join(CORPUS, 'seeds'), HOSTILE], db);
    // An object, not a let: the compiler cannot see the callback set it.
    const progress = { finished: false };
    void writer.done.then(() => (progress.finished = true));
    const index = openIndex(db);
    let queries = 0;
    let lastCount = 0;
    try {
      while (!progress.finished) {
        const hits = [...index.searchPassages('caseload*', { limit: 0 }).hits];
        expect(hits.length).toBeGreaterThanOrEqual(lastCount);
        lastCount = hits.length;
        expect(index.searchQuotes('', { role: 'PSO', limit: 5 }).total).toBeGreaterThan(0);
        queries++;
        await new Promise((r) => setTimeout(r, 20));
      }
    } finally {
      index.close();
    }
    expect((await writer.done).code).toBe(0);
    expect(queries).toBeGreaterThan(10);
  });

  it('a second ingest on the same index is told another one is writing, and neither harms it', async () => {
    const dir = fs.mkdtempSync(path.join(path.dirname(buildIndex([path.join(CORPUS, 'seeds')])), 'two-'));
    const db = path.join(dir, 'index.db');
    const first = ingestInBackground([CORPUS, HOSTILE], db);
    // Wait until the first has taken the lock.
    while (!fs.existsSync(`${db}.lock-holder`)) await new Promise((r) => setTimeout(r, 10));
    const second = runCli(['ingest', CORPUS, '--db', db, '--quiet']);
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(
      new RegExp(
        `^report-miner: ${db.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is being written by another report-miner \\(pid \\d+\\); run again when it has finished\\n$`,
      ),
    );
    expect((await first.done).code).toBe(0);
    const conn = new BetterSqlite3(db, { readonly: true });
    expect(conn.pragma('integrity_check', { simple: true })).toBe('ok');
    conn.close();
    expect(fs.existsSync(`${db}.lock-holder`)).toBe(false);
  });
});
