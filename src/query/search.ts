import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { type Citation, formatCitation } from './citation.js';
import { commonFilterShape, parseFilters, runSearch, type SearchResult, type SearchTarget } from './search-core.js';

export const passageFiltersSchema = z.object(commonFilterShape).strict();
export type SearchFilters = z.input<typeof passageFiltersSchema>;

export interface PassageHit {
  passageId: number;
  kind: string;
  heading: string | null;
  text: string;
  /** The matching words between HIGHLIGHT_START and HIGHLIGHT_END. */
  snippet: string;
  score: number;
  type: string | null;
  citation: Citation;
  cited: string;
}

interface PassageRow {
  id: number;
  kind: string;
  heading: string | null;
  text: string;
}

const PASSAGES: SearchTarget<PassageRow, PassageHit> = {
  table: 'passages',
  columns: ['id', 'kind', 'heading', 'text'],
  textColumn: 'text',
  textColumnIndex: 0,
  weights: '1.0, 0.2',
  // Headings are not in the FTS index (see the schema); a listing without a query has none to show.
  conditions: [],
  listable: false,
  naturalOrder: 't.id',
  toHit: (row, citation) => ({
    passageId: row.id,
    kind: row.kind,
    heading: row.heading,
    text: row.text,
    snippet: row.snippet ?? row.text,
    score: row.score ?? 0,
    type: row.type,
    citation,
    cited: formatCitation(citation),
  }),
};

/** Passages matching a query, best first (bm25), each with a highlighted snippet and a citation. */
export function searchPassages(db: Database, query: string, filters: SearchFilters = {}): SearchResult<PassageHit> {
  const f = parseFilters(passageFiltersSchema, filters);
  return runSearch(db, PASSAGES, query, f, {});
}
