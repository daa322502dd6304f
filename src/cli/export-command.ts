import { openDatabase } from '../index/open.js';
import { listDocuments } from '../query/documents.js';
import { UsageError, writeJsonArray } from './output.js';

/** Each kind the export contract names, and where its rows come from. */
const EXPORTERS = {
  documents: listDocuments,
} as const;

export const EXPORT_KINDS = Object.keys(EXPORTERS);

export async function runExport(kind: string, opts: { db: string; format: string }): Promise<number> {
  if (opts.format !== 'json') throw new UsageError(`unknown --format ${JSON.stringify(opts.format)}; use json`);
  const exporter = EXPORTERS[kind as keyof typeof EXPORTERS];
  if (!exporter) throw new UsageError(`unknown kind ${JSON.stringify(kind)}; one of: ${EXPORT_KINDS.join(', ')}`);
  const db = openDatabase(opts.db, { readonly: true });
  try {
    await writeJsonArray(process.stdout, exporter(db));
  } finally {
    db.close();
  }
  return 0;
}
