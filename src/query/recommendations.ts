import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { type Citation, type CitationRow, cite, formatCitation } from './citation.js';
import {
  CHRONOLOGICAL,
  CITATION_COLUMNS,
  copiesColumn,
  copiesOf,
  ORIGINALS_ONLY,
  YEAR_CONDITIONS,
  yearOf,
  yearRange,
  nameFilter,
} from './filters.js';
import { linkResponses, type LinkedResponse } from './responses.js';
import {
  commonFilterShape,
  facetCounts,
  type FacetValue,
  likeParam,
  parseFilters,
  runSearch,
  type SearchResult,
  type SearchTarget,
} from './search-core.js';

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
  /** Where else the same recommendation is printed: URL or file of each copy. */
  alsoIn: string[];
}

type RecommendationColumns = Pick<RecommendationRow, 'id' | 'number' | 'text' | 'addressee' | 'paragraph'> & {
  also_in: string | null;
};

/** Recommendation 3 (to the Ministry of Justice): Title. Publisher, date, p. N. URL */
function citeRecommendation(row: Pick<RecommendationColumns, 'number' | 'addressee'>, citation: Citation): string {
  return `${row.number ? `Recommendation ${row.number}` : 'Recommendation'}${row.addressee ? ` (to ${row.addressee})` : ''}: ${formatCitation(citation)}`;
}

const RECOMMENDATIONS: SearchTarget<RecommendationColumns, RecommendationHit> = {
  table: 'recommendations',
  columns: ['id', 'number', 'text', 'addressee', 'paragraph'],
  expressions: [copiesColumn('recommendations')],
  textColumn: 'text',
  textColumnIndex: 0,
  conditions: [
    { sql: ORIGINALS_ONLY },
    { sql: "t.addressee LIKE '%' || @addressee || '%' ESCAPE '\\'", param: 'addressee' },
  ],
  listable: true,
  naturalOrder: 'd.source, t.ordinal',
  facets: { addressee: 't.addressee' },
  toHit: (row, citation) => ({
    recommendationId: row.id,
    number: row.number,
    text: row.text,
    snippet: row.snippet ?? row.text,
    addressee: row.addressee,
    paragraph: row.paragraph,
    score: row.score ?? 0,
    citation,
    cited: citeRecommendation(row, citation),
    alsoIn: copiesOf(row.also_in),
  }),
};

/** Recommendations matching a query (or every one the filters allow), each with its addressee and citation. */
export function searchRecommendations(
  db: Database,
  query: string,
  filters: RecommendationFilters = {},
): SearchResult<RecommendationHit> {
  const f = parseFilters(recommendationFiltersSchema, filters);
  return runSearch(db, RECOMMENDATIONS, query, f, recommendationParams(f));
}

/** The commonest publishers, types, years and addressees of the recommendations a search finds, counted. */
export function recommendationFacets(
  db: Database,
  query: string,
  filters: RecommendationFilters = {},
): Record<string, FacetValue[]> {
  const f = parseFilters(recommendationFiltersSchema, filters);
  return facetCounts(db, RECOMMENDATIONS, query, f, recommendationParams(f));
}

const recommendationParams = (f: z.output<typeof recommendationFiltersSchema>) => ({
  addressee: likeParam(f.addressee),
});

export const recommendationListSchema = z
  .object({
    addressee: nameFilter,
    status: z.enum(['accepted', 'partially accepted', 'not accepted', 'implemented', 'unanswered']).optional(),
    ...yearRange,
  })
  .strict();
export type RecommendationListFilters = z.input<typeof recommendationListSchema>;

export interface RecommendationRow {
  id: number;
  number: string | null;
  text: string;
  addressee: string | null;
  paragraph: string | null;
  year: number | null;
  citation: Citation;
  cited: string;
  alsoIn: string[];
  /** The government's answer, where a response in the index answers it. */
  response: LinkedResponse | null;
}

type ListedRow = RecommendationColumns & CitationRow;

/** Recommendations, oldest first, each with the answer it got; `status` asks "what was promised and what was refused". */
export function recommendations(db: Database, filters: RecommendationListFilters = {}): RecommendationRow[] {
  const f = parseFilters(recommendationListSchema, filters);
  const rows = db
    .prepare(
      `SELECT t.id, t.number, t.text, t.addressee, t.paragraph, ${copiesColumn('recommendations')}, ${CITATION_COLUMNS}
       FROM recommendations t JOIN documents d ON d.id = t.document_id
       WHERE ${ORIGINALS_ONLY} AND (@addressee IS NULL OR t.addressee LIKE '%' || @addressee || '%' ESCAPE '\\')
         AND ${YEAR_CONDITIONS.join(' AND ')}
       ORDER BY ${CHRONOLOGICAL}`,
    )
    .all({ addressee: likeParam(f.addressee), from: f.from ?? null, to: f.to ?? null }) as ListedRow[];
  const responses = linkResponses(db);
  return rows
    .map(({ source, title, publisher, published, page, url, excerpt, also_in, ...rec }) => ({
      ...rec,
      alsoIn: copiesOf(also_in),
      year: yearOf(published),
      ...cite({ source, title, publisher, published, page, url, excerpt }),
      response: responses.get(rec.id) ?? null,
    }))
    .filter((r) => !f.status || (f.status === 'unanswered' ? r.response === null : r.response?.status === f.status));
}
