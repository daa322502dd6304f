import type { FactTable } from '../index/duplicates.js';
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

/**
 * The document columns a citation needs, from a joined `documents d` and a finding `t`; `ocr` is
 * the OCR confidence of the cited page where it was read by OCR (else null).
 */
export const CITATION_COLUMNS =
  'd.source, d.title, d.publisher, d.published, t.page, d.url, d.excerpt, (SELECT max(p.ocr_confidence) FROM passages p WHERE p.document_id = d.id AND p.page = t.page AND p.ocr_confidence IS NOT NULL) AS ocr';

export function yearOf(published: string | null): number | null {
  return published ? Number(published.slice(0, 4)) : null;
}

/** Oldest first, undated documents last, then reading order. */
export const CHRONOLOGICAL = 'd.published IS NULL, d.published, d.source, t.ordinal';

/** Only the original statement of a fact (see markDuplicates): every listing and search shows each fact once. */
export const ORIGINALS_ONLY = 't.duplicate_of IS NULL';

/** Where else the fact in row `t` of `table` is printed: the URL (or file) of each other document with a copy, as a JSON array. */
export function copiesColumn(table: FactTable): string {
  return `(SELECT json_group_array(DISTINCT coalesce(cd.url, cd.source)) FROM ${table} c JOIN documents cd ON cd.id = c.document_id WHERE c.duplicate_of = t.id AND c.document_id <> t.document_id) AS also_in`;
}

/** The copies' places from copiesColumn's JSON. */
export function copiesOf(alsoIn: string | null): string[] {
  return alsoIn ? (JSON.parse(alsoIn) as string[]) : [];
}
