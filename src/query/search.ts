import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { type Citation, formatCitation } from './citation.js';
import { nameFilter } from './filters.js';
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

export const passageFiltersSchema = z
  .object({
    ...commonFilterShape,
    /** Passages in the voice of a person whose name, or office, contains this (a signed foreword, a speech). */
    speaker: nameFilter,
    role: nameFilter,
  })
  .strict();
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
  /** Whose words the passage is, where the document says (a foreword's signatory, a speech's speaker); else null. */
  speaker: string | null;
  role: string | null;
  organisation: string | null;
  citation: Citation;
  cited: string;
}

interface PassageRow {
  id: number;
  kind: string;
  heading: string | null;
  text: string;
  voice: string | null;
}

/** The voices a passage `t` stands in. */
const VOICES_OF_PASSAGE =
  'FROM voices v WHERE v.document_id = t.document_id AND t.ordinal BETWEEN v.opening AND v.closing';

function voiceOf(json: string | null): Pick<PassageHit, 'speaker' | 'role' | 'organisation'> {
  const voice = json ? (JSON.parse(json) as Pick<PassageHit, 'speaker' | 'role' | 'organisation'>) : null;
  return { speaker: voice?.speaker ?? null, role: voice?.role ?? null, organisation: voice?.organisation ?? null };
}

const PASSAGES: SearchTarget<PassageRow, PassageHit> = {
  table: 'passages',
  columns: ['id', 'kind', 'heading', 'text'],
  expressions: [
    `(SELECT json_object('speaker', v.speaker, 'role', v.role, 'organisation', v.organisation) ${VOICES_OF_PASSAGE} ORDER BY v.opening DESC LIMIT 1) AS voice`,
  ],
  textColumn: 'text',
  textColumnIndex: 0,
  weights: '1.0, 0.2',
  // Headings are not in the FTS index (see the schema); a listing without a query has none to show.
  conditions: [
    {
      sql: `EXISTS (SELECT 1 ${VOICES_OF_PASSAGE} AND v.speaker LIKE '%' || @speaker || '%' ESCAPE '\\')`,
      param: 'speaker',
    },
    { sql: `EXISTS (SELECT 1 ${VOICES_OF_PASSAGE} AND v.role LIKE '%' || @role || '%' ESCAPE '\\')`, param: 'role' },
  ],
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
    ...voiceOf(row.voice),
    citation,
    cited: formatCitation(citation),
  }),
};

/** Passages matching a query, best first (bm25), each with a highlighted snippet and a citation. */
export function searchPassages(db: Database, query: string, filters: SearchFilters = {}): SearchResult<PassageHit> {
  const f = parseFilters(passageFiltersSchema, filters);
  return runSearch(db, PASSAGES, query, f, passageParams(f));
}

const passageParams = (f: z.output<typeof passageFiltersSchema>) => ({
  speaker: likeParam(f.speaker),
  role: likeParam(f.role),
});

/** The commonest publishers, types and years of the passages a search finds, counted. */
export function passageFacets(db: Database, query: string, filters: SearchFilters = {}): Record<string, FacetValue[]> {
  const f = parseFilters(passageFiltersSchema, filters);
  return facetCounts(db, PASSAGES, query, f, passageParams(f));
}
