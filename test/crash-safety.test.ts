import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, FIXTURES, runCli, tempDir } from './helpers.js';

/** Per document: how many passages and findings of each kind the index holds. */
function contents(db: string): Map<string, string> {
  const conn = new BetterSqlite3(db, { readonly: true });
  try {
    // Killed before its schema was committed (in one transaction): an empty index.
    if (!conn.prepare("SELECT 1 FROM sqlite_master WHERE name = 'documents'").get()) return new Map();
    const rows = conn
      .prepare(
        `SELECT d.source, d.status,
           (SELECT count(*) FROM passages WHERE document_id = d.id) AS passages,
           (SELECT count(*) FROM quotes WHERE document_id = d.id) AS quotes,
           (SELECT count(*) FROM ratings WHERE document_id = d.id) AS ratings,
           (SELECT count(*) FROM figures WHERE document_id = d.id) AS figures,
           (SELECT count(*) FROM recommendations WHERE document_id = d.id) AS recommendations
         FROM documents d ORDER BY d.source`,
      )
      .all() as Array<Record<string, unknown>>;
    return new Map(rows.map((r) => [String(r.source), JSON.stringify(r)]));
  } finally {
    conn.close();
  }
}

function integrity(db: string): string {
  const conn = new BetterSqlite3(db, { readonly: true });
  try {
    return conn.pragma('integrity_check', { simple: true }) as string;
  } finally {
    conn.close();
  }
}

/** Starts an ingest and SIGKILLs it after `ms`; resolves once it is dead. */
function ingestKilledAfter(corpus: string, db: string, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'ingest', corpus, '--db', db, '--quiet'], { stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

const KILL_POINTS = 20;
let corpus: string;
let clean: Map<string, string>;
let cleanMs: number;

beforeAll(() => {
  corpus = path.join(tempDir(), 'docs');
  fs.cpSync(FIXTURES, corpus, { recursive: true });
  const db = path.join(tempDir(), 'clean.db');
  const started = performance.now();
  const run = runCli(['ingest', corpus, '--db', db, '--quiet']);
  cleanMs = performance.now() - started;
  expect(run.status).toBe(0);
  clean = contents(db);
});

describe('an ingest killed with SIGKILL', () => {
  it(`loses and duplicates nothing, killed at ${KILL_POINTS} moments spread over a run`, async () => {
    let killedPartWay = 0;
    for (let i = 0; i < KILL_POINTS; i++) {
      const db = path.join(tempDir(), 'index.db');
      await ingestKilledAfter(corpus, db, Math.round((cleanMs * (i + 0.5)) / KILL_POINTS));
      if (fs.existsSync(db)) {
        expect(integrity(db), `kill point ${i}`).toBe('ok');
        // Whatever a killed run left is whole: every document in it has all its rows.
        const partial = contents(db);
        if (partial.size < clean.size) killedPartWay++;
        for (const [source, row] of partial) expect(row, `kill point ${i}: ${source}`).toBe(clean.get(source));
      }
      const rerun = spawnSync(process.execPath, [CLI, 'ingest', corpus, '--db', db, '--quiet'], { encoding: 'utf8' });
      expect(rerun.status, rerun.stderr).toBe(0);
      expect(integrity(db)).toBe('ok');
      expect(contents(db)).toEqual(clean);
    }
    // The kills really landed mid-run, not only before or after.
    expect(killedPartWay).toBeGreaterThan(KILL_POINTS / 4);
  }, 600_000);
});
