import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireWriteLock, IndexBusyError } from '../src/index/lock.js';
import { ROOT, tempDir } from './helpers.js';

const LOCK_MODULE = path.join(ROOT, 'dist', 'index', 'lock.js');

/** A process that tries to take the lock, says whether it got it, and holds it for `holdMs`. */
function contender(db: string, holdMs: number): Promise<string> {
  const script = `
    import(${JSON.stringify(LOCK_MODULE)}).then(({ acquireWriteLock }) => {
      let release;
      try { release = acquireWriteLock(${JSON.stringify(db)}); } catch (err) { console.log(err.constructor.name); return; }
      console.log('holder');
      setTimeout(release, ${holdMs});
    });`;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', () => {
      resolve(out.trim());
    });
  });
}

describe('the write lock', () => {
  it('has one holder when twelve writers start at the same instant', async () => {
    for (let round = 0; round < 3; round++) {
      const db = path.join(tempDir(), 'index.db');
      const results = await Promise.all(Array.from({ length: 12 }, () => contender(db, 2500)));
      expect(results.filter((r) => r === 'holder')).toHaveLength(1);
      expect(results.filter((r) => r === 'IndexBusyError')).toHaveLength(11);
    }
  });

  it('is free again the moment its holder is killed', async () => {
    const db = path.join(tempDir(), 'index.db');
    const script = `import(${JSON.stringify(LOCK_MODULE)}).then(({ acquireWriteLock }) => { acquireWriteLock(${JSON.stringify(db)}); console.log('holder'); setInterval(() => {}, 1000); });`;
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) =>
      child.stdout.once('data', () => {
        resolve();
      }),
    );
    expect(() => acquireWriteLock(db)).toThrow(IndexBusyError);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('close', resolve));
    // The holder's pid file is left behind, naming a dead (or reused) pid: it decides nothing.
    expect(fs.existsSync(`${db}.lock-holder`)).toBe(true);
    const release = acquireWriteLock(db);
    release();
  });

  it('is not blocked by a pid file of an older report-miner naming a live process', () => {
    const db = path.join(tempDir(), 'index.db');
    fs.writeFileSync(`${db}.lock`, '1');
    fs.writeFileSync(`${db}.lock-holder`, String(process.ppid));
    const release = acquireWriteLock(db);
    expect(() => acquireWriteLock(db)).toThrow(
      /is being written by another report-miner \(pid \d+\); run again when it has finished/,
    );
    release();
    acquireWriteLock(db)();
  });
});
