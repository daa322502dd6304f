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
export interface SearchTarget<Row, Hit> {
  table: string;
  /** Columns of the table to select, besides the document's. */
  columns: string[];
  /** Plain searches look only at this FTS column; --raw may name others. */
  textColumn: string;
  textColumnIndex: number;
  /** Extra WHERE conditions, each with named parameters bound from the filters. */
  conditions: string[];
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
  const type = '(@type IS NULL OR d.type = @type)';
  const publisher = "(@publisher IS NULL OR d.publisher LIKE '%' || @publisher || '%' ESCAPE '\\')";
  const where = [...target.conditions, type, publisher, ...YEAR_CONDITIONS];
  const columns = target.columns.map((c) => `t.${c}`).join(', ');
  const documentColumns = `${CITATION_COLUMNS}, d.type`;
  let from: string;
  let ranking: string;
  if (fts.match === null) {
    if (query.trim() || !target.listable) return { total: 0, hits: [] };
    from = `FROM ${target.table} t JOIN documents d ON d.id = t.document_id`;
    ranking = `NULL AS snippet, NULL AS score`;
  } else {
    from = `FROM ${target.table}_fts f JOIN ${target.table} t ON t.id = f.rowid JOIN documents d ON d.id = t.document_id`;
    where.unshift(`${target.table}_fts MATCH @match`);
    ranking = `snippet(${target.table}_fts, ${target.textColumnIndex}, '${HIGHLIGHT_START}', '${HIGHLIGHT_END}', '…', 24) AS snippet, bm25(${target.table}_fts) AS score`;
  }
  const bound = {
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
  const whereSql = `WHERE ${where.join(' AND ')}`;
  const order = fts.match === null ? target.naturalOrder : 'score, t.id';
  try {
    const { total } = db.prepare(`SELECT count(*) AS total ${from} ${whereSql}`).get(bound) as { total: number };
    const statement = db.prepare(`SELECT ${columns}, ${documentColumns}, ${ranking} ${from} ${whereSql} ORDER BY ${order} LIMIT @limit OFFSET @offset`);
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
