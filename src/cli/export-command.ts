import type { Writable } from 'node:stream';
import { openDatabase } from '../index/open.js';
import type { Database } from 'better-sqlite3';
import { FINDING_KINDS } from '../index/findings-tables.js';
import { listDocuments } from '../query/documents.js';
import { DEFAULT_MIN_CONFIDENCE, listFindings } from '../query/findings.js';
import { listMessages } from '../query/messages.js';
import { UsageError, writeCsv, writeJsonArray, writeNdjson } from './output.js';

/** Each kind the export contract names, and where its rows come from. */
const EXPORTERS: Record<string, (db: Database, minConfidence: number) => Iterable<unknown>> = {
  documents: listDocuments,
  ...Object.fromEntries(
    FINDING_KINDS.map((kind) => [kind, (db: Database, minConfidence: number) => listFindings(db, kind, minConfidence)]),
  ),
  messages: listMessages,
};

export const EXPORT_KINDS = Object.keys(EXPORTERS);

/** The contract's JSON array, or the same rows one JSON object a line, or as CSV. */
const WRITERS: Record<string, (out: Writable, rows: Iterable<object>) => Promise<number>> = {
  json: writeJsonArray,
  ndjson: writeNdjson,
  csv: writeCsv,
};

export interface ExportOptions {
  db: string;
  format: string;
  minConfidence?: number;
}

export async function runExport(kind: string, opts: ExportOptions): Promise<number> {
  const writer = Object.hasOwn(WRITERS, opts.format) ? WRITERS[opts.format] : undefined;
  if (!writer)
    throw new UsageError(`unknown --format ${JSON.stringify(opts.format)}; one of: ${Object.keys(WRITERS).join(', ')}`);
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
