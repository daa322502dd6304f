import { openDatabase } from '../index/open.js';
import type { Database } from 'better-sqlite3';
import { FINDING_KINDS } from '../index/findings-tables.js';
import { listDocuments } from '../query/documents.js';
import { DEFAULT_MIN_CONFIDENCE, listFindings } from '../query/findings.js';
import { listMessages } from '../query/messages.js';
import { rowWriter, UsageError } from './output.js';

/** Each kind the export contract names, and where its rows come from. */
const EXPORTERS: Record<string, (db: Database, minConfidence: number) => Iterable<unknown>> = {
  documents: listDocuments,
  ...Object.fromEntries(
    FINDING_KINDS.map((kind) => [kind, (db: Database, minConfidence: number) => listFindings(db, kind, minConfidence)]),
  ),
  messages: listMessages,
};

export const EXPORT_KINDS = Object.keys(EXPORTERS);

export interface ExportOptions {
  db: string;
  format: string;
  minConfidence?: number;
}

export async function runExport(kind: string, opts: ExportOptions): Promise<number> {
  // The contract's JSON array by default; the same rows as NDJSON or CSV.
  const writer = rowWriter(opts.format)!;
  const exporter = Object.hasOwn(EXPORTERS, kind) ? EXPORTERS[kind] : undefined;
  if (!exporter) throw new UsageError(`unknown kind ${JSON.stringify(kind)}; one of: ${EXPORT_KINDS.join(', ')}`);
  const db = openDatabase(opts.db, { readonly: true });
  try {
    await writer(process.stdout, exporter(db, opts.minConfidence ?? DEFAULT_MIN_CONFIDENCE) as Iterable<object>);
  } finally {
    db.close();
  }
  return 0;
}
