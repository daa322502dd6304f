import type { Database, Statement } from 'better-sqlite3';
import { z } from 'zod';
import { type Citation, type CitationRow, citationOf } from './citation.js';
import { CITATION_COLUMNS, YEAR_CONDITIONS, yearRange, nameFilter } from './filters.js';
import { toFtsQuery } from './fts-query.js';
import {
  facetCountSql,
  matchCountSql,
  RANGE_SNIPPETS_BELOW,
  type SearchSql,
  type SearchSqlParts,
  textSearchSql,
} from './search-sql.js';
import { SearchError } from './search-error.js';
import { DEFAULT_TIME_LIMIT_SECONDS, inTime, inTimeCondition, registerTimeLimit } from './time-limit.js';
import { messageOf } from '../error-message.js';

export const HIGHLIGHT_START = '\uE000';
export const HIGHLIGHT_END = '\uE001';

export { SearchError };

/** The longest search a person types, and the most words in it; past these FTS5 spends minutes on one query. */
export const MAX_QUERY_LENGTH = 1000;
export const MAX_QUERY_TERMS = 64;
export const MIN_PREFIX_LETTERS = 2;
const SHORT_PREFIX = /(?<![\p{L}\p{N}])[\p{L}\p{N}]\*/u;

function checkQuerySize(query: string): void {
  if (query.length > MAX_QUERY_LENGTH)
    throw new SearchError(
      `the search is ${query.length.toLocaleString('en-GB')} characters long; at most ${MAX_QUERY_LENGTH} are searched`,
    );
  const terms = query.split(/\s+/).filter(Boolean).length;
  if (terms > MAX_QUERY_TERMS)
    throw new SearchError(`the search has ${terms} words; at most ${MAX_QUERY_TERMS} are searched`);
  // FTS5 merges every matching word's list before the time limit can stop it: "t*" reads most of the index.
  const short = SHORT_PREFIX.exec(query)?.[0];
  if (short)
    throw new SearchError(
      `the prefix "${short}" is too short: give at least ${MIN_PREFIX_LETTERS} letters before the *`,
    );
}

/** The document columns every hit carries, for its citation and the type filter. */
export interface DocumentColumns extends CitationRow {
  type: string | null;
}

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
  /** Computed columns: SQL expressions on the joined rows, each with its alias. */
  expressions?: string[];
  /** The FTS column of the item's own words, which snippets show. */
  textColumn: string;
  /** The FTS columns a plain search looks at (by default the text column alone); --raw may name others. */
  matchColumns?: string[];
  textColumnIndex: number;
  /** bm25's column weights, as the schema configures the FTS table's rank; unset, every column weighs 1. */
  weights?: string;
  /** Extra WHERE conditions on the joined rows, each applied only when its parameter is given. */
  conditions: Condition[];
  /** Whether an empty query lists rows (filters alone make a useful question: "every PSO quote"). */
  listable: boolean;
  /** Order when there is no text query. */
  naturalOrder: string;
  /** What the rows may be narrowed by besides the document's publisher, type and year: facet name → SQL on `t`. */
  facets?: Record<string, string>;
  toHit(row: Row & DocumentColumns & { snippet: string | null; score: number | null }, citation: Citation): Hit;
}

/** Filters every search takes; each kind adds its own. */
export const commonFilterShape = {
  type: z.string().min(1).optional(),
  publisher: nameFilter,
  ...yearRange,
  /** 0 means every hit. */
  limit: z.number().int().min(0).default(20),
  offset: z.number().int().min(0).default(0),
  /** Pass the query to FTS5 as written, for users who know its syntax. */
  raw: z.boolean().default(false),
  /** Seconds the search may run before it is stopped with a message. */
  timeLimit: z.number().positive().max(86_400).default(DEFAULT_TIME_LIMIT_SECONDS),
};

export type CommonFilters = z.output<z.ZodObject<typeof commonFilterShape>>;

/** Validates filters against a schema, with one readable line for what is wrong. */
export function parseFilters<T extends z.ZodType>(schema: T, filters: unknown): z.output<T> {
  const parsed = schema.safeParse(filters ?? {});
  if (!parsed.success) {
    throw new SearchError(
      `bad search filter: ${parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ')}`,
    );
  }
  const { from, to } = parsed.data as { from?: unknown; to?: unknown };
  if (typeof from === 'number' && typeof to === 'number' && from > to) {
    throw new SearchError(`bad search filter: from ${from} is after to ${to}`);
  }
  return parsed.data;
}

/** A type filter naming no type the index holds is a slip ("inspections"), not a search that found nothing. */
function checkDocumentType(db: Database, type: string | undefined): void {
  if (type === undefined) return;
  const types = db
    .prepare('SELECT DISTINCT type FROM documents WHERE type IS NOT NULL ORDER BY type')
    .pluck()
    .all() as string[];
  if (!types.includes(type)) {
    throw new SearchError(
      `no document of type ${JSON.stringify(type)} in the index; its types are: ${types.join(', ')}`,
    );
  }
}

export interface SearchResult<Hit> {
  total: number;
  /** The hits, as an array (read from the index when first asked for; JSON.stringify and .length work). */
  readonly hits: Hit[];
  /** The same hits one at a time, never all in memory: for --limit 0 over a large index. */
  stream(): Iterable<Hit>;
}

/** A result whose hits are read when first asked for, as an array or as a stream. */
export function resultOf<Hit>(total: number, stream: () => Iterable<Hit>): SearchResult<Hit> {
  let hits: Hit[] | null = null;
  return {
    total,
    get hits() {
      return (hits ??= [...stream()]);
    },
    stream,
  };
}

/** "%" and "_" in what a user types are literal in a LIKE. */
export function likeParam(value: string | undefined): string | null {
  return value ? value.replace(/[\\%_]/g, (c) => `\\${c}`) : null;
}

/** Statements by SQL, per connection: a search's SQL depends only on its target and which filters are set. */
const statements = new WeakMap<Database, Map<string, Statement>>();

/** The connection's statement for this SQL, prepared once; a fresh one while it is being iterated elsewhere. */
function prepared(db: Database, sql: string): Statement {
  let bySql = statements.get(db);
  if (!bySql) statements.set(db, (bySql = new Map<string, Statement>()));
  const cached = bySql.get(sql);
  if (cached && !cached.busy) return cached;
  const statement = db.prepare(sql);
  if (!cached) bySql.set(sql, statement);
  return statement;
}

/** What a search binds and filters on: its MATCH expression, parameters and WHERE conditions, checked. */
function searchParts<Row, Hit>(
  db: Database,
  target: SearchTarget<Row, Hit>,
  query: string,
  common: CommonFilters,
  params: Record<string, unknown>,
): { fts: { match: string | null }; bound: Record<string, unknown>; filters: string[] } {
  checkQuerySize(query);
  checkDocumentType(db, common.type);
  registerTimeLimit(db);
  const fts = common.raw ? { match: query.trim() || null } : toFtsQuery(query);
  const bound: Record<string, unknown> = {
    ...params,
    // Plain searches look at the item's own words; other indexed columns only rank (--raw can name them).
    match:
      fts.match === null
        ? null
        : common.raw
          ? fts.match
          : `{${(target.matchColumns ?? [target.textColumn]).join(' ')}} : (${fts.match})`,
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
  return { fts, bound, filters: conditions.map((c) => c.sql) };
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
  const { fts, bound, filters } = searchParts(db, target, query, common, params);
  const limit = common.timeLimit;
  const fullColumns = [
    ...target.columns.map((c) => `t.${c}`),
    ...(target.expressions ?? []),
    CITATION_COLUMNS,
    'd.type',
  ].join(', ');
  const fts5 = `${target.table}_fts`;
  try {
    if (fts.match === null) {
      if (query.trim() || !target.listable) return resultOf(0, () => []);
      const from = `FROM ${target.table} t JOIN documents d ON d.id = t.document_id WHERE ${[...filters, inTimeCondition('t.id')].join(' AND ')}`;
      const select = `SELECT ${fullColumns}, NULL AS snippet, NULL AS score ${from} ORDER BY ${target.naturalOrder} LIMIT @limit OFFSET @offset`;
      return lazily(db, select, bound, target, limit, countOf(db, `SELECT count(*) AS total ${from}`, bound, limit));
    }
    const prefix = String(bound.match).includes('*');
    const parts: SearchSqlParts = {
      table: target.table,
      fts5,
      columns: fullColumns,
      ranking: `bm25(${fts5}${target.weights ? `, ${target.weights}` : ''})`,
      filters,
      snippet: `snippet(${fts5}, ${target.textColumnIndex}, '${HIGHLIGHT_START}', '${HIGHLIGHT_END}', '…', 24)`,
      snippetsByRange: prefix,
    };
    if (filters.length) return pageAndCount(db, textSearchSql(parts), bound, common, target);
    // Unfiltered, counting is cheap (no score, no join), and the count decides how snippets are made.
    const total = countOf(db, matchCountSql(parts), bound, limit);
    return lazily(
      db,
      textSearchSql({ ...parts, snippetsByRange: prefix || total < RANGE_SNIPPETS_BELOW }).select,
      bound,
      target,
      limit,
      total,
    );
  } catch (err) {
    throw searchFailure(err, query, common);
  }
}

/** What a search that failed throws: a query written in FTS5's own syntax (--raw) may be wrong, which is the user's to mend. */
function searchFailure(err: unknown, query: string, common: CommonFilters): unknown {
  if (err instanceof SearchError || !common.raw) return err;
  return new SearchError(`invalid FTS5 query ${JSON.stringify(query)}: ${messageOf(err).replace(/^fts5: /, '')}`);
}

type ResultRow<Row> = Row & DocumentColumns & { snippet: string | null; score: number | null; total?: number };

function countOf(db: Database, sql: string, bound: Record<string, unknown>, limit: number): number {
  return inTime(limit, () => (prepared(db, sql).get(bound) as { total: number }).total);
}

/** Hits read only when iterated, so an export of every hit never holds them all in memory. */
function lazily<Row, Hit>(
  db: Database,
  select: string,
  bound: Record<string, unknown>,
  target: SearchTarget<Row, Hit>,
  limit: number,
  total: number,
): SearchResult<Hit> {
  // Prepared (checking the SQL) now, run only when iterated: an open cursor would keep the connection busy
  // for every other query; taken again then, since another search may be iterating the same statement.
  prepared(db, select);
  return resultOf(total, () => ({
    [Symbol.iterator]: () =>
      mapRows(timed(prepared(db, select).iterate(bound) as IterableIterator<ResultRow<Row>>, limit), target),
  }));
}

/** Rows read one at a time, each under the time limit: ranking happens before the first, so that is the one that waits. */
function* timed<Row>(rows: IterableIterator<Row>, limit: number): Generator<Row> {
  try {
    for (;;) {
      const next = inTime(limit, () => rows.next());
      if (next.done) return;
      yield next.value;
    }
  } finally {
    rows.return?.();
  }
}

/** Filtered searches: one pass gives a page of hits and the count of all, holding at most `limit` rows. */
function pageAndCount<Row, Hit>(
  db: Database,
  sql: SearchSql,
  bound: Record<string, unknown>,
  common: CommonFilters,
  target: SearchTarget<Row, Hit>,
): SearchResult<Hit> {
  const limit = common.timeLimit;
  if (common.limit === 0) return lazily(db, sql.select, bound, target, limit, countOf(db, sql.count, bound, limit));
  const rows = inTime(limit, () => prepared(db, sql.select).all(bound) as Array<ResultRow<Row>>);
  const total = rows[0]?.total ?? (common.offset === 0 ? 0 : countOf(db, sql.count, bound, limit));
  return resultOf(total, () => ({ [Symbol.iterator]: () => mapRows(rows.values(), target) }));
}

/** Rows to hits, one at a time as they are read. */
function* mapRows<Row, Hit>(rows: IterableIterator<ResultRow<Row>>, target: SearchTarget<Row, Hit>): Generator<Hit> {
  for (const row of rows) {
    yield target.toHit(row, citationOf(row));
  }
}

/** The document facets every kind of finding has: SQL on the joined `documents d`. */
const DOCUMENT_FACETS: Record<string, string> = {
  publisher: 'd.publisher',
  type: 'd.type',
  year: 'substr(d.published, 1, 4)',
};

/** One value of a facet and how many of the found rows have it. */
export interface FacetValue {
  value: string;
  count: number;
}

/** How many values of each facet a count lists, most frequent first. */
export const FACET_VALUES_SHOWN = 12;

/**
 * For each facet (the document's publisher, type and year, and the target's own), its commonest
 * values among everything the same search finds, with counts: what a facet list shows beside the
 * hits. Under the same time limit as the search.
 */
export function facetCounts<Row, Hit>(
  db: Database,
  target: SearchTarget<Row, Hit>,
  query: string,
  common: CommonFilters,
  params: Record<string, unknown>,
): Record<string, FacetValue[]> {
  const { fts, bound, filters } = searchParts(db, target, query, common, params);
  const facets = { ...DOCUMENT_FACETS, ...target.facets };
  const names = Object.keys(facets);
  const counts: Record<string, FacetValue[]> = Object.fromEntries(names.map((n) => [n, []]));
  if (fts.match === null && (query.trim() || !target.listable)) return counts;
  const sql = facetCountSql(
    { table: target.table, fts5: `${target.table}_fts`, filters },
    fts.match !== null,
    Object.values(facets),
  );
  let rows: { facet: number; value: string | number; count: number }[];
  try {
    rows = inTime(common.timeLimit, () => prepared(db, sql).all(bound) as typeof rows);
  } catch (err) {
    throw searchFailure(err, query, common);
  }
  for (const row of rows) counts[names[row.facet]!]!.push({ value: String(row.value), count: row.count });
  for (const values of Object.values(counts))
    values.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)).splice(FACET_VALUES_SHOWN);
  return counts;
}
