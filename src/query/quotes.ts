import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { Quote, QuoteKind } from '../findings.js';
import { type Citation, formatCitation, whoSaid } from './citation.js';
import { copiesColumn, copiesOf, nameFilter, ORIGINALS_ONLY } from './filters.js';
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

export const quoteFiltersSchema = z
  .object({
    ...commonFilterShape,
    speaker: nameFilter,
    role: nameFilter,
    organisation: nameFilter,
    kind: z.enum(['testimony', 'statement', 'evidence']).optional(),
  })
  .strict();
export type QuoteFilters = z.input<typeof quoteFiltersSchema>;

export interface QuoteHit {
  quoteId: number;
  text: string;
  snippet: string;
  speaker: string | null;
  role: string | null;
  organisation: string | null;
  kind: QuoteKind;
  question: string | null;
  score: number;
  citation: Citation;
  /** Ready to paste: “words” — who. Title. Publisher, date, p. N. source */
  cited: string;
  /** Where else the same words are printed (a blog that copies the report): URL or file of each. */
  alsoIn: string[];
}

type QuoteRow = Pick<Quote, 'text' | 'speaker' | 'role' | 'organisation' | 'kind' | 'question'> & {
  id: number;
  also_in: string | null;
};

/** “I am just constantly working ...” — PSO, CRC. Title. Publisher, March 2021, p. 10. source */
export function citeQuote(
  quote: Pick<QuoteRow, 'text' | 'speaker' | 'role' | 'organisation' | 'question'>,
  citation: Citation,
): string {
  const who = whoSaid(quote);
  // A transcript's turn is placed by its question number, where a PDF's words are by the page.
  const where = formatCitation(citation, citation.page === null ? quote.question : null);
  return `“${quote.text}”${who ? ` — ${who}` : ''}. ${where}`;
}

const QUOTES: SearchTarget<QuoteRow, QuoteHit> = {
  table: 'quotes',
  columns: ['id', 'text', 'speaker', 'role', 'organisation', 'kind', 'question'],
  expressions: [copiesColumn('quotes')],
  textColumn: 'text',
  // "Ian Lawrence" finds what he said, as --speaker Lawrence does; "PSO stress" a PSO's words on stress.
  matchColumns: ['text', 'speaker', 'role', 'organisation'],
  textColumnIndex: 0,
  conditions: [
    { sql: ORIGINALS_ONLY },
    { sql: "t.speaker LIKE '%' || @speaker || '%' ESCAPE '\\'", param: 'speaker' },
    { sql: 't.role = @role COLLATE NOCASE', param: 'role' },
    {
      sql: "(t.organisation = @organisation COLLATE NOCASE OR t.organisation LIKE '%' || @organisation || '%' ESCAPE '\\')",
      param: 'organisation',
    },
    { sql: 't.kind = @kind', param: 'kind' },
  ],
  listable: true,
  naturalOrder: 'd.source, t.ordinal',
  facets: { role: 't.role', organisation: 't.organisation', kind: 't.kind' },
  toHit: (row, citation) => ({
    quoteId: row.id,
    text: row.text,
    snippet: row.snippet ?? row.text,
    speaker: row.speaker,
    role: row.role,
    organisation: row.organisation,
    kind: row.kind,
    question: row.question,
    score: row.score ?? 0,
    citation,
    cited: citeQuote(row, citation),
    alsoIn: copiesOf(row.also_in),
  }),
};

/** Quotes matching a query (or, with an empty query, every quote the filters allow), each citable. */
export function searchQuotes(db: Database, query: string, filters: QuoteFilters = {}): SearchResult<QuoteHit> {
  const f = parseFilters(quoteFiltersSchema, filters);
  return runSearch(db, QUOTES, query, f, quoteParams(f));
}

function quoteParams(f: z.output<typeof quoteFiltersSchema>) {
  return {
    speaker: likeParam(f.speaker),
    role: f.role ?? null,
    organisation: f.organisation ?? null,
    kind: f.kind ?? null,
  };
}

/** The commonest publishers, types, years, roles, organisations and kinds of the quotes a search finds, counted. */
export function quoteFacets(db: Database, query: string, filters: QuoteFilters = {}): Record<string, FacetValue[]> {
  const f = parseFilters(quoteFiltersSchema, filters);
  return facetCounts(db, QUOTES, query, f, quoteParams(f));
}
