import fs from 'node:fs';

export class IndexBusyError extends Error {}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One writer per index: a lock file beside the database holding the writer's pid. A second
 * ingest is told who holds it; a lock left by a killed process is taken over.
 */
export function acquireWriteLock(dbFile: string): () => void {
  const lockFile = `${dbFile}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(lockFile, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(fs.readFileSync(lockFile, 'utf8'));
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder)) {
        throw new IndexBusyError(`${dbFile} is being written by another report-miner (pid ${holder}); run again when it has finished`);
      }
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new IndexBusyError(`${dbFile}: could not take the write lock ${lockFile}`);
}
