import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { type Citation, type CitationRow, cite } from './citation.js';
import { CHRONOLOGICAL, CITATION_COLUMNS, ORIGINALS_ONLY, yearOf } from './filters.js';
import { parseFilters, SearchError } from './search-core.js';
import { cosine, tfidfVectors } from './similarity.js';

/**
 * Cosine (stemmed TF-IDF) from which two recommendations count as the same one made again.
 * Measured on the embedded corpus: copies of one recommendation in two documents score 0.89
 * to 1.00; the 248 pairs of different recommendations score at most 0.33. 0.5 sits between,
 * leaving room for a recommendation reworded when it is made again.
 */
export const SIMILARITY_THRESHOLD = 0.5;

export interface TrackedRecommendation {
  id: number;
  number: string | null;
  text: string;
  addressee: string | null;
  year: number | null;
  citation: Citation;
  cited: string;
}

export interface SimilarRecommendation extends TrackedRecommendation {
  similarity: number;
}

export interface RecurringGroup {
  /** Distinct years the recommendation was made in, oldest first. */
  years: number[];
  /** Every time it was made, oldest first. */
  recommendations: TrackedRecommendation[];
}

const similarOptions = z.object({ threshold: z.number().min(0).max(1).default(SIMILARITY_THRESHOLD) }).strict();
const recurringOptions = z
  .object({
    minYears: z.number().int().min(1).default(2),
    threshold: z.number().min(0).max(1).default(SIMILARITY_THRESHOLD),
  })
  .strict();

interface Row extends CitationRow {
  id: number;
  document_id: number;
  number: string | null;
  text: string;
  addressee: string | null;
}

function allRecommendations(db: Database): {
  rows: Row[];
  tracked: TrackedRecommendation[];
  vectors: ReturnType<typeof tfidfVectors>;
} {
  const rows = db
    .prepare(
      `SELECT t.id, t.document_id, t.number, t.text, t.addressee, ${CITATION_COLUMNS}
       FROM recommendations t JOIN documents d ON d.id = t.document_id WHERE ${ORIGINALS_ONLY} ORDER BY ${CHRONOLOGICAL}`,
    )
    .all() as Row[];
  const tracked = rows.map((r) => ({
    id: r.id,
    number: r.number,
    text: r.text,
    addressee: r.addressee,
    year: yearOf(r.published),
    ...cite(r),
  }));
  return { rows, tracked, vectors: tfidfVectors(rows.map((r) => r.text)) };
}

/** The same recommendation made in other documents, most similar first. */
export function similarRecommendations(
  db: Database,
  id: number,
  options: z.input<typeof similarOptions> = {},
): SimilarRecommendation[] {
  const { threshold } = parseFilters(similarOptions, options);
  const { rows, tracked, vectors } = allRecommendations(db);
  const at = rows.findIndex((r) => r.id === id);
  if (at < 0) throw new SearchError(`no recommendation with id ${id}`);
  return tracked
    .map((r, i) => ({ ...r, similarity: Math.round(cosine(vectors[at]!, vectors[i]!) * 1000) / 1000 }))
    .filter((r, i) => rows[i]!.document_id !== rows[at]!.document_id && r.similarity >= threshold)
    .sort((a, b) => b.similarity - a.similarity);
}

/**
 * Recommendations made again and again: groups of mutually similar recommendations (linked
 * through any similar pair in different documents) that span at least `minYears` years.
 */
export function recurringRecommendations(
  db: Database,
  options: z.input<typeof recurringOptions> = {},
): RecurringGroup[] {
  const { minYears, threshold } = parseFilters(recurringOptions, options);
  const { rows, tracked, vectors } = allRecommendations(db);
  const parent = rows.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  for (let i = 0; i < rows.length; i++) {
    for (let j = i + 1; j < rows.length; j++) {
      if (rows[i]!.document_id !== rows[j]!.document_id && cosine(vectors[i]!, vectors[j]!) >= threshold)
        parent[root(i)] = root(j);
    }
  }
  const groups = new Map<number, TrackedRecommendation[]>();
  rows.forEach((_, i) => groups.set(root(i), [...(groups.get(root(i)) ?? []), tracked[i]!]));
  return [...groups.values()]
    .map((members) => ({
      years: [...new Set(members.map((m) => m.year).filter((y): y is number => y !== null))].sort(),
      recommendations: members,
    }))
    .filter((g) => g.years.length >= minYears)
    .sort((a, b) => a.years[0]! - b.years[0]!);
}
