import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { type Citation, formatCitation } from './citation.js';
import { commonFilterShape, likeParam, parseFilters, runSearch, type SearchResult, type SearchTarget } from './search-core.js';

export const recommendationFiltersSchema = z
  .object({ ...commonFilterShape, addressee: z.string().min(1).optional() })
  .strict();
export type RecommendationFilters = z.input<typeof recommendationFiltersSchema>;

export interface RecommendationHit {
  recommendationId: number;
  number: string | null;
  text: string;
  snippet: string;
  addressee: string | null;
  paragraph: string | null;
  score: number;
  citation: Citation;
  cited: string;
}

interface RecommendationRow {
  id: number;
  number: string | null;
  text: string;
  addressee: string | null;
  paragraph: string | null;
}

const RECOMMENDATIONS: SearchTarget<RecommendationRow, RecommendationHit> = {
  table: 'recommendations',
  columns: ['id', 'number', 'text', 'addressee', 'paragraph'],
  textColumn: 'text',
  textColumnIndex: 0,
  conditions: ["(@addressee IS NULL OR t.addressee LIKE '%' || @addressee || '%' ESCAPE '\\')"],
  listable: true,
  naturalOrder: 'd.source, t.ordinal',
  toHit: (row, citation) => ({
    recommendationId: row.id,
    number: row.number,
    text: row.text,
    snippet: row.snippet ?? row.text,
    addressee: row.addressee,
    paragraph: row.paragraph,
    score: row.score ?? 0,
    citation,
    cited: `${row.number ? `Recommendation ${row.number}` : 'Recommendation'}${row.addressee ? ` (to ${row.addressee})` : ''}: ${formatCitation(citation)}`,
  }),
};

/** Recommendations matching a query (or every one the filters allow), each with its addressee and citation. */
export function searchRecommendations(db: Database, query: string, filters: RecommendationFilters = {}): SearchResult<RecommendationHit> {
  const f = parseFilters(recommendationFiltersSchema, filters);
  return runSearch(db, RECOMMENDATIONS, query, f, { addressee: likeParam(f.addressee) });
}
