import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { migrate, SCHEMA_VERSION } from './schema.js';

export interface OpenOptions {
  /** Read-only handles never write and may run while an ingest writes (WAL). */
  readonly?: boolean;
}

export class IndexNotFoundError extends Error {}

/** Opens (and for writers, creates and migrates) the SQLite index. */
export function openDatabase(file: string, { readonly = false }: OpenOptions = {}): Database {
  if (readonly && !fs.existsSync(file)) {
    throw new IndexNotFoundError(`${file}: no index there; build one with "report-miner ingest <paths> --db ${file}"`);
  }
  if (!readonly) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new BetterSqlite3(file, { readonly, fileMustExist: readonly });
  db.pragma('busy_timeout = 10000');
  db.pragma('foreign_keys = ON');
  if (readonly) {
    const row = db.prepare("SELECT name FROM sqlite_master WHERE name = 'schema_version'").get();
    const version = row ? (db.prepare('SELECT version FROM schema_version').get() as { version: number }).version : 0;
    if (version !== SCHEMA_VERSION) {
      db.close();
      throw new IndexNotFoundError(`${file}: index schema ${version}, expected ${SCHEMA_VERSION}; re-run "report-miner ingest" to migrate it`);
    }
    return db;
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  migrate(db);
  return db;
}
