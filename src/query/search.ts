import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { type Citation, formatCitation } from './citation.js';
import { toFtsQuery } from './fts-query.js';

export const HIGHLIGHT_START = '\uE000';
export const HIGHLIGHT_END = '\uE001';

export const searchFiltersSchema = z
  .object({
    type: z.string().min(1).optional(),
    publisher: z.string().min(1).optional(),
    from: z.number().int().min(1000).max(9999).optional(),
    to: z.number().int().min(1000).max(9999).optional(),
    /** 0 means every hit. */
    limit: z.number().int().min(0).default(20),
    offset: z.number().int().min(0).default(0),
    /** Pass the query to FTS5 as written, for users who know its syntax. */
    raw: z.boolean().default(false),
  })
  .strict();

export type SearchFilters = z.input<typeof searchFiltersSchema>;

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

export interface SearchResult {
  total: number;
  hits: Iterable<PassageHit>;
}

export class SearchError extends Error {}

interface Row {
  passage_id: number;
  page: number | null;
  kind: string;
  heading: string | null;
  text: string;
  snippet: string;
  score: number;
  source: string;
  title: string | null;
  publisher: string | null;
  type: string | null;
  published: string | null;
}

const FROM_MATCH = `
  FROM passages_fts
  JOIN passages p ON p.id = passages_fts.rowid
  JOIN documents d ON d.id = p.document_id
  WHERE passages_fts MATCH @match
    AND p.kind <> 'heading'
    AND (@type IS NULL OR d.type = @type)
    AND (@publisher IS NULL OR d.publisher LIKE '%' || @publisher || '%' ESCAPE '\\')
    AND (@from IS NULL OR CAST(substr(d.published, 1, 4) AS INTEGER) >= @from)
    AND (@to IS NULL OR CAST(substr(d.published, 1, 4) AS INTEGER) <= @to)`;

const SELECT_HITS = `
  SELECT p.id AS passage_id, p.page, p.kind, p.heading, p.text,
         snippet(passages_fts, 0, '${HIGHLIGHT_START}', '${HIGHLIGHT_END}', '…', 24) AS snippet,
         bm25(passages_fts, 1.0, 0.2) AS score,
         d.source, d.title, d.publisher, d.type, d.published
  ${FROM_MATCH}
  ORDER BY score, p.id
  LIMIT @limit OFFSET @offset`;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function toHit(row: Row): PassageHit {
  const citation: Citation = { title: row.title, publisher: row.publisher, published: row.published, page: row.page, source: row.source };
  return {
    passageId: row.passage_id,
    kind: row.kind,
    heading: row.heading,
    text: row.text,
    snippet: row.snippet,
    score: row.score,
    type: row.type,
    citation,
    cited: formatCitation(citation),
  };
}

/** Lazily, so an export of every hit never holds them all in memory. */
function* mapRows(rows: IterableIterator<Row>): Generator<PassageHit> {
  for (const row of rows) yield toHit(row);
}

function describeFtsError(err: unknown): string {
  const message = (err as Error)?.message ?? String(err);
  return message.replace(/^fts5: /, '');
}

/** Passages matching a query, best first (bm25), each with a highlighted snippet and a citation. */
export function searchPassages(db: Database, query: string, filters: SearchFilters = {}): SearchResult {
  const parsed = searchFiltersSchema.safeParse(filters);
  if (!parsed.success) throw new SearchError(`bad search filter: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const f = parsed.data;
  const fts = f.raw ? { match: query.trim() || null, reason: 'nothing to search for' } : toFtsQuery(query);
  if (fts.match === null) return { total: 0, hits: [] };
  const params = {
    // Plain searches look at a passage's own words; its section heading only ranks (--raw can name columns).
    match: f.raw ? fts.match : `text : (${fts.match})`,
    type: f.type ?? null,
    publisher: f.publisher ? escapeLike(f.publisher) : null,
    from: f.from ?? null,
    to: f.to ?? null,
  };
  try {
    const { total } = db.prepare(`SELECT count(*) AS total ${FROM_MATCH}`).get(params) as { total: number };
    const rows = db.prepare(SELECT_HITS).iterate({ ...params, limit: f.limit === 0 ? -1 : f.limit, offset: f.offset }) as IterableIterator<Row>;
    return { total, hits: mapRows(rows) };
  } catch (err) {
    if (f.raw) throw new SearchError(`invalid FTS5 query ${JSON.stringify(query)}: ${describeFtsError(err)}`);
    throw err;
  }
}
