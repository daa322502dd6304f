import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { migrate, SCHEMA_VERSION } from './schema.js';

export interface OpenOptions {
  /** Read-only handles never write and may run while an ingest writes (WAL). */
  readonly?: boolean;
}

/** The index named cannot be used: absent, not an index, or of another version. Printed as one line. */
export class IndexNotFoundError extends Error {}

const sqliteCode = (err: unknown) => (err as { code?: string }).code ?? '';

/** What went wrong opening an index, in words. */
function unusable(file: string, err: unknown): IndexNotFoundError | null {
  switch (sqliteCode(err)) {
    case 'SQLITE_NOTADB':
      return new IndexNotFoundError(`${file}: not an SQLite database, so not a report-miner index`);
    case 'SQLITE_CANTOPEN':
      return new IndexNotFoundError(`${file}: cannot be opened (a folder that cannot be written, or read-only media?)`);
    case 'SQLITE_CORRUPT':
      return new IndexNotFoundError(
        `${file}: the database is damaged; build the index again with "report-miner ingest"`,
      );
    case 'SQLITE_FULL':
      return new IndexNotFoundError(`${file}: the disk is full`);
    default:
      return null;
  }
}

/** Opens (and for writers, creates and migrates) the SQLite index. */
export function openDatabase(file: string, { readonly = false }: OpenOptions = {}): Database {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (file === '') throw new IndexNotFoundError('--db "": no index file named');
  if (readonly && stat?.isFile() && stat.size === 0) {
    throw new IndexNotFoundError(
      `${file}: an empty file, not an index; build one with "report-miner ingest <paths> --db ${file}"`,
    );
  }
  if (stat?.isDirectory()) throw new IndexNotFoundError(`${file}: a folder, not an index file; name a file with --db`);
  if (readonly && !stat) {
    throw new IndexNotFoundError(`${file}: no index there; build one with "report-miner ingest <paths> --db ${file}"`);
  }
  if (!readonly) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  let db: Database | null = null;
  try {
    db = new BetterSqlite3(file, { readonly, fileMustExist: readonly });
    db.pragma('busy_timeout = 10000');
    db.pragma('foreign_keys = ON');
    if (readonly) {
      checkVersion(db, file);
      return db;
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    checkVersion(db, file, { newerOnly: true });
    migrate(db);
    return db;
  } catch (err) {
    db?.close();
    throw unusable(file, err) ?? err;
  }
}

/**
 * Closes a writer's connection, leaving the file in rollback-journal mode: WAL lets searches run while
 * an ingest writes, but a WAL database cannot be opened at all where its -shm file cannot be made (a
 * USB stick, a read-only share). With readers still connected it stays in WAL, and is left so.
 */
export function closeWriter(db: Database): void {
  try {
    // Not worth waiting for: a reader still connected keeps it in WAL.
    db.pragma('busy_timeout = 0');
    db.pragma('journal_mode = DELETE');
  } catch (err) {
    // Another connection holds the WAL open; the next writer's close switches it.
    if (!['SQLITE_BUSY', 'SQLITE_LOCKED'].includes(sqliteCode(err))) throw err;
  } finally {
    db.close();
  }
}

/** A reader needs the schema this report-miner writes; no one may write an index a newer report-miner made. */
function checkVersion(db: Database, file: string, { newerOnly = false } = {}): void {
  const row = db.prepare("SELECT name FROM sqlite_master WHERE name = 'schema_version'").get();
  const version = row
    ? ((db.prepare('SELECT version FROM schema_version').get() as { version: number } | undefined)?.version ?? 0)
    : 0;
  if (version > SCHEMA_VERSION) {
    throw new IndexNotFoundError(
      `${file}: made by a newer report-miner (index schema ${version}; this one knows ${SCHEMA_VERSION}); upgrade report-miner to use it`,
    );
  }
  if (!newerOnly && version < SCHEMA_VERSION) {
    throw new IndexNotFoundError(
      `${file}: index schema ${version}, expected ${SCHEMA_VERSION}; re-run "report-miner ingest" to migrate it`,
    );
  }
}
