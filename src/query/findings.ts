import type { Database } from 'better-sqlite3';
import type { Findings } from '../findings.js';
import { FACT_TABLES } from '../index/duplicates.js';
import { FINDING_COLUMNS } from '../index/findings-tables.js';

/**
 * The confidence below which a finding is left out of exports unless asked for. From both
 * development sets' precision/recall curves (README, "How sure a finding is"): precision is
 * 1.00 at every threshold there and recall falls from 0.7 up, so the default keeps every
 * rule's findings and drops only what several doubts have pushed below half.
 */
export const DEFAULT_MIN_CONFIDENCE = 0.5;

/**
 * Every finding of a kind with the source it came from, in document and reading order (the export contract's
 * shape); a copy of a fact printed elsewhere first is kept, its `duplicate_of` naming the original's `id`.
 */
export function* listFindings(
  db: Database,
  kind: keyof Findings,
  minConfidence = DEFAULT_MIN_CONFIDENCE,
): Generator<Record<string, unknown>> {
  const links = (FACT_TABLES as readonly string[]).includes(kind) ? ['id', 'duplicate_of'] : [];
  const columns = [...links, ...FINDING_COLUMNS[kind]].map((c) => `f.${c}`).join(', ');
  yield* db
    .prepare(
      `SELECT d.source, ${columns} FROM ${kind} f JOIN documents d ON d.id = f.document_id WHERE coalesce(f.confidence, 1) >= ? ORDER BY d.source, f.ordinal`,
    )
    .iterate(minConfidence) as IterableIterator<Record<string, unknown>>;
}
