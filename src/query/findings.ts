import type { Database } from 'better-sqlite3';
import type { Findings } from '../findings.js';
import { FINDING_COLUMNS } from '../index/findings-tables.js';

/** Every finding of a kind with the source it came from, in document and reading order (the export contract's shape). */
export function* listFindings(db: Database, kind: keyof Findings): Generator<Record<string, unknown>> {
  const columns = FINDING_COLUMNS[kind].map((c) => `f.${c}`).join(', ');
  yield* db
    .prepare(`SELECT d.source, ${columns} FROM ${kind} f JOIN documents d ON d.id = f.document_id ORDER BY d.source, f.ordinal`)
    .iterate() as IterableIterator<Record<string, unknown>>;
}
