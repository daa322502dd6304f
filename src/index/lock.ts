import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export class IndexBusyError extends Error {}
/** The index's folder cannot be written (read-only media, no permission): nothing can be indexed there. */
export class IndexNotWritableError extends Error {}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const isBusy = (err: unknown) =>
  (err as { code?: string }).code === 'SQLITE_BUSY' || (err as { code?: string }).code === 'SQLITE_LOCKED';
const notADatabase = (err: unknown) => (err as { code?: string }).code === 'SQLITE_NOTADB';
const cannotWrite = (err: unknown) =>
  ['EROFS', 'EACCES', 'EPERM', 'SQLITE_CANTOPEN', 'SQLITE_READONLY'].includes((err as { code?: string }).code ?? '');

/** Opens the lock database and takes its exclusive lock, or says why it cannot. */
function takeLock(lockFile: string): Database.Database | 'busy' {
  const lock = new Database(lockFile, { timeout: 0 });
  try {
    lock.pragma('journal_mode = DELETE');
    lock.exec('BEGIN EXCLUSIVE');
    return lock;
  } catch (err) {
    lock.close();
    if (isBusy(err)) return 'busy';
    throw err;
  }
}

/**
 * One writer per index, with a lock the kernel releases: the writer holds an exclusive SQLite
 * transaction (a byte-range lock) on `<db>.lock` for as long as it writes. A writer that dies
 * — killed, crashed, left a zombie — holds nothing, whatever its pid now names, so the next run
 * takes the lock at once; two writers starting at the same instant cannot both win. The holder's
 * pid is written beside it (`<db>.lock-holder`) only to name it in the message to a second writer.
 * The lock file itself is never deleted: a process that opened it before the deletion would lock
 * a file nobody else sees.
 */
export function acquireWriteLock(dbFile: string): () => void {
  const lockFile = `${dbFile}.lock`;
  const holderFile = `${lockFile}-holder`;
  let lock: Database.Database | 'busy';
  try {
    try {
      lock = takeLock(lockFile);
    } catch (err) {
      // A pid file left by an older report-miner, or any other junk, is no lock.
      if (!notADatabase(err)) throw err;
      fs.rmSync(lockFile, { force: true });
      lock = takeLock(lockFile);
    }
  } catch (err) {
    if (cannotWrite(err)) {
      throw new IndexNotWritableError(
        `${dbFile}: cannot write in ${path.dirname(path.resolve(dbFile))} (${(err as { code?: string }).code}: read-only or not permitted); index into a writable folder with --db`,
      );
    }
    throw err;
  }
  if (lock === 'busy') {
    const holder = Number(fs.existsSync(holderFile) ? fs.readFileSync(holderFile, 'utf8') : NaN);
    const who = Number.isInteger(holder) && holder > 0 && alive(holder) ? ` (pid ${holder})` : '';
    throw new IndexBusyError(
      `${dbFile} is being written by another report-miner${who}; run again when it has finished`,
    );
  }
  fs.writeFileSync(holderFile, String(process.pid));
  const held = lock;
  return () => {
    fs.rmSync(holderFile, { force: true });
    held.close();
  };
}
