import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { Citation } from './citation.js';
import { CITATION_COLUMNS, YEAR_CONDITIONS, yearRange } from './filters.js';
import { toFtsQuery } from './fts-query.js';

export const HIGHLIGHT_START = '\uE000';
export const HIGHLIGHT_END = '\uE001';

export class SearchError extends Error {}

/** The document columns every hit carries, for its citation and the year filters. */
export interface DocumentColumns {
  source: string;
  title: string | null;
  publisher: string | null;
  type: string | null;
  published: string | null;
  page: number | null;
}

/** What is searched: a findings or passages table, its FTS index, and the filters it accepts. */
/** A WHERE condition and the bound parameter that switches it on (conditions without one always apply). */
export interface Condition {
  sql: string;
  param?: string;
}

/** What is searched: a findings or passages table, its FTS index, and the filters it accepts. */
export interface SearchTarget<Row, Hit> {
  table: string;
  /** Columns of the table to select, besides the document's. */
  columns: string[];
  /** Plain searches look only at this FTS column; --raw may name others. */
  textColumn: string;
  textColumnIndex: number;
  /** Extra WHERE conditions on the joined rows, each applied only when its parameter is given. */
  conditions: Condition[];
  /** Whether an empty query lists rows (filters alone make a useful question: "every PSO quote"). */
  listable: boolean;
  /** Order when there is no text query. */
  naturalOrder: string;
  toHit(row: Row & DocumentColumns & { snippet: string | null; score: number | null }, citation: Citation): Hit;
}

/** Filters every search takes; each kind adds its own. */
export const commonFilterShape = {
  type: z.string().min(1).optional(),
  publisher: z.string().min(1).optional(),
  ...yearRange,
  /** 0 means every hit. */
  limit: z.number().int().min(0).default(20),
  offset: z.number().int().min(0).default(0),
  /** Pass the query to FTS5 as written, for users who know its syntax. */
  raw: z.boolean().default(false),
};

const commonSchema = z.object(commonFilterShape);
export type CommonFilters = z.output<typeof commonSchema>;

/** Validates filters against a schema, with one readable line for what is wrong. */
export function parseFilters<T extends z.ZodType>(schema: T, filters: unknown): z.output<T> {
  const parsed = schema.safeParse(filters ?? {});
  if (!parsed.success) {
    throw new SearchError(`bad search filter: ${parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ')}`);
  }
  return parsed.data;
}

export interface SearchResult<Hit> {
  total: number;
  hits: Iterable<Hit>;
}

/** "%" and "_" in what a user types are literal in a LIKE. */
export function likeParam(value: string | undefined): string | null {
  return value ? value.replace(/[\\%_]/g, (c) => `\\${c}`) : null;
}

/**
 * Runs a search: the text query through toFtsQuery (or as written with --raw) in MATCH, every
 * other filter outside it on the joined rows, ranked by bm25. An empty query lists every row
 * the filters allow, in document order. All values are bound parameters.
 */
export function runSearch<Row, Hit>(
  db: Database,
  target: SearchTarget<Row, Hit>,
  query: string,
  common: CommonFilters,
  params: Record<string, unknown>,
): SearchResult<Hit> {
  const fts = common.raw ? { match: query.trim() || null } : toFtsQuery(query);
  const bound: Record<string, unknown> = {
    ...params,
    // Plain searches look at the item's own words; other indexed columns only rank (--raw can name them).
    match: fts.match === null ? null : common.raw ? fts.match : `${target.textColumn} : (${fts.match})`,
    type: common.type ?? null,
    publisher: likeParam(common.publisher),
    from: common.from ?? null,
    to: common.to ?? null,
    limit: common.limit === 0 ? -1 : common.limit,
    offset: common.offset,
  };
  const conditions: Condition[] = [
    ...target.conditions,
    { sql: 'd.type = @type', param: 'type' },
    { sql: "d.publisher LIKE '%' || @publisher || '%' ESCAPE '\\'", param: 'publisher' },
    { sql: YEAR_CONDITIONS[0]!, param: 'from' },
    { sql: YEAR_CONDITIONS[1]!, param: 'to' },
  ].filter((c) => c.param === undefined || bound[c.param] !== null);
  const filters = conditions.map((c) => c.sql);
  const fullColumns = `${target.columns.map((c) => `t.${c}`).join(', ')}, ${CITATION_COLUMNS}, d.type`;
  const joins = `JOIN ${target.table} t ON t.id = f.rowid JOIN documents d ON d.id = t.document_id`;
  const fts5 = `${target.table}_fts`;
  let count: string;
  let select: string;
  if (fts.match === null) {
    if (query.trim() || !target.listable) return { total: 0, hits: [] };
    const where = filters.length ? `WHERE ${filters.join(' AND ')}` : '';
    const from = `FROM ${target.table} t JOIN documents d ON d.id = t.document_id ${where}`;
    count = `SELECT count(*) AS total ${from}`;
    select = `SELECT ${fullColumns}, NULL AS snippet, NULL AS score ${from} ORDER BY ${target.naturalOrder} LIMIT @limit OFFSET @offset`;
  } else {
    // Rank inside the FTS index first, join the few hits after: joining every match first costs more than the search.
    // FTS5's own rank (bm25 with the table's configured weights) sorts fastest.
    const matched = filters.length
      ? `SELECT f.rowid AS id, f.rank AS score FROM ${fts5} f ${joins} WHERE ${fts5} MATCH @match AND ${filters.join(' AND ')}`
      : `SELECT rowid AS id, rank AS score FROM ${fts5} WHERE ${fts5} MATCH @match`;
    count = `SELECT count(*) AS total FROM (${matched})`;
    select = `WITH top AS (${matched} ORDER BY score LIMIT @limit OFFSET @offset)
      SELECT ${fullColumns}, snippet(${fts5}, ${target.textColumnIndex}, '${HIGHLIGHT_START}', '${HIGHLIGHT_END}', '…', 24) AS snippet, top.score AS score
      FROM top JOIN ${fts5} ON ${fts5}.rowid = top.id JOIN ${target.table} t ON t.id = top.id JOIN documents d ON d.id = t.document_id
      WHERE ${fts5} MATCH @match ORDER BY top.score, top.id`;
  }
  try {
    const { total } = db.prepare(count).get(bound) as { total: number };
    const statement = db.prepare(select);
    // Run only when iterated: an open cursor would keep the connection busy for every other query.
    const hits: Iterable<Hit> = {
      [Symbol.iterator]: () => mapRows(statement.iterate(bound) as IterableIterator<Row & DocumentColumns & { snippet: string | null; score: number | null }>, target),
    };
    return { total, hits };
  } catch (err) {
    if (common.raw) throw new SearchError(`invalid FTS5 query ${JSON.stringify(query)}: ${((err as Error)?.message ?? String(err)).replace(/^fts5: /, '')}`);
    throw err;
  }
}

/** Lazily, so an export of every hit never holds them all in memory. */
function* mapRows<Row, Hit>(rows: IterableIterator<Row & DocumentColumns & { snippet: string | null; score: number | null }>, target: SearchTarget<Row, Hit>): Generator<Hit> {
  for (const row of rows) {
    const citation: Citation = { title: row.title, publisher: row.publisher, published: row.published, page: row.page, source: row.source };
    yield target.toHit(row, citation);
  }
}
