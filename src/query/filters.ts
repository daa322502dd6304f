import { z } from 'zod';

/** Year filters shared by every listing; zod gives a readable error for "20l9" or a bad range. */
export const yearRange = {
  from: z.number().int().min(1000).max(9999).optional(),
  to: z.number().int().min(1000).max(9999).optional(),
};

/** The longest text a name filter (--subject, --speaker, --addressee, ...) may be: no name is longer, and SQLite refuses LIKE patterns past 50,000 characters. */
export const MAX_FILTER_LENGTH = 500;

/** A name filter as the user typed it: non-empty and of a length a name can have. */
export const nameFilter = z
  .string()
  .min(1)
  .max(MAX_FILTER_LENGTH, `at most ${MAX_FILTER_LENGTH} characters`)
  .optional();

/** SQL for the year filters on a joined `documents d`, bound as @from and @to. */
export const YEAR_CONDITIONS = [
  '(@from IS NULL OR CAST(substr(d.published, 1, 4) AS INTEGER) >= @from)',
  '(@to IS NULL OR CAST(substr(d.published, 1, 4) AS INTEGER) <= @to)',
];

/** The document columns a citation needs, from a joined `documents d` and a finding `t`. */
export const CITATION_COLUMNS = 'd.source, d.title, d.publisher, d.published, t.page, d.url, d.excerpt';

export function yearOf(published: string | null): number | null {
  return published ? Number(published.slice(0, 4)) : null;
}

/** Oldest first, undated documents last, then reading order. */
export const CHRONOLOGICAL = 'd.published IS NULL, d.published, d.source, t.ordinal';

/**
 * One row per fact: the same sentence quoted in a blog and printed in a report is one finding,
 * kept from the dated document that states it first (rows must come in CHRONOLOGICAL order).
 * Two findings alike in one document are two facts ("two thirds of NPS officers … two thirds of
 * whom [CRC staff]"): the n-th of a document matches only the n-th of another.
 */
export function firstStatements<T extends { source: string }>(rows: T[], key: (row: T) => string): T[] {
  const seen = new Set<string>();
  const inDocument = new Map<string, number>();
  return rows.filter((row) => {
    const own = JSON.stringify([row.source, key(row)]);
    const nth = inDocument.get(own) ?? 0;
    inDocument.set(own, nth + 1);
    const k = JSON.stringify([key(row), nth]);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
