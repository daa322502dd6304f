import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CORPUS = path.join(ROOT, 'corpus');
export const FIXTURES = path.join(CORPUS, 'fixtures');
export const CLI = path.join(ROOT, 'dist', 'cli.js');

/** PDFs encrypted once with qpdf and committed (test/fixtures/encrypted/README.md). */
export function encryptedFixture(name: string): string {
  return path.join(ROOT, 'test', 'fixtures', 'encrypted', name);
}

export function fixture(name: string): string {
  return path.join(FIXTURES, name);
}

export function tempDir(prefix = 'report-miner-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Runs the compiled CLI, as a user would (npm test builds it first). */
export function runCli(args: string[], cwd = ROOT, env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
}

/** Builds an index of the given paths in a fresh temporary folder and returns its file. */
export function buildIndex(paths: string[]): string {
  const db = path.join(tempDir(), 'index.db');
  const result = runCli(['ingest', ...paths, '--db', db, '--quiet']);
  if (result.status !== 0) throw new Error(`ingest failed (${result.status}): ${result.stderr}`);
  return db;
}

export function exportKind<T = Record<string, unknown>>(kind: string, db: string, options: string[] = []): T[] {
  const result = runCli(['export', kind, '--db', db, '--format', 'json', ...options]);
  if (result.status !== 0) throw new Error(`export ${kind} failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as T[];
}

/** Runs the CLI without blocking this process, for tests that serve it from here (a loopback server). */
export function runCliAsync(
  args: string[],
  cwd = ROOT,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (status) => {
      resolve({ status, stdout, stderr });
    });
  });
}
