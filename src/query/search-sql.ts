/**
 * The SQL of a search, built from its parts; every value stays a bound parameter (@match,
 * @limit, @offset and the filters'). Shaped by measurement (BENCHMARKS.md):
 *
 * - bm25() in ORDER BY … LIMIT keeps only the best rows as it goes; FTS5's "ORDER BY rank"
 *   sorts every match first, which took 1.6 times as long;
 * - with filters, each match must be joined to its document, which costs more than the
 *   search: the filtered matches are gathered once, and both counted and ranked from there;
 * - snippets need an FTS cursor on the hits: either one per hit, or one walking the rowid range
 *   the hits span. A cursor per hit costs most for prefix queries (each merges the doclists of
 *   every matching term again) and phrases; the walk costs with the matches it passes.
 */

import { inTimeCondition } from './time-limit.js';

/** Below this many matches, one cursor over the hits' range costs less than a cursor per hit (measured on 100,000 passages). */
export const RANGE_SNIPPETS_BELOW = 5000;

export interface SearchSqlParts {
  /** The searched table (aliased t) and its FTS index (aliased f). */
  table: string;
  fts5: string;
  /** Result columns from t and the joined documents d. */
  columns: string;
  /** bm25 over the FTS table, with its weights. */
  ranking: string;
  /** WHERE conditions on t and d; none means no join before ranking. */
  filters: string[];
  snippet: string;
  /** Snippets from one cursor over the hits' rowid range rather than one cursor per hit. */
  snippetsByRange: boolean;
}

export interface SearchSql {
  /** Counts every match; when `select` also carries a `total` column, needed only if it returns no row. */
  count: string;
  /** The hits, best first, each with snippet and score. */
  select: string;
  /** Whether each row of `select` carries the count of every match as `total`. */
  totalInRows: boolean;
}

/** FROM and WHERE of the matches: the FTS index alone, or joined to the rows and documents the filters read. */
function matchingSql({ table, fts5, filters }: Pick<SearchSqlParts, 'table' | 'fts5' | 'filters'>): string {
  // The time limit's check runs on every match, after the filters.
  return filters.length
    ? `FROM ${fts5} f JOIN ${table} t ON t.id = f.rowid JOIN documents d ON d.id = t.document_id WHERE ${fts5} MATCH @match AND ${filters.join(' AND ')} AND ${inTimeCondition('f.rowid')}`
    : `FROM ${fts5} f WHERE ${fts5} MATCH @match AND ${inTimeCondition('f.rowid')}`;
}

/** Counts every match; selects no score, so computes none. */
export function matchCountSql(parts: Pick<SearchSqlParts, 'table' | 'fts5' | 'filters'>): string {
  return `SELECT count(*) AS total ${matchingSql(parts)}`;
}

export function textSearchSql(parts: SearchSqlParts): SearchSql {
  const { table, fts5, columns, ranking, filters, snippet, snippetsByRange } = parts;
  const matching = matchingSql(parts);
  const count = matchCountSql(parts);
  // Ties go by rowid, so that pages of hits neither repeat nor skip one.
  const ranked = filters.length
    ? `matched AS MATERIALIZED (SELECT f.rowid AS id, ${ranking} AS score ${matching}),
       top AS MATERIALIZED (SELECT id, score FROM matched ORDER BY score, id LIMIT @limit OFFSET @offset)`
    : `top AS MATERIALIZED (SELECT f.rowid AS id, ${ranking} AS score ${matching} ORDER BY score, f.rowid LIMIT @limit OFFSET @offset)`;
  const total = filters.length ? ', (SELECT count(*) FROM matched) AS total' : '';
  const documents = `JOIN ${table} t ON t.id = top.id JOIN documents d ON d.id = t.document_id`;
  // CROSS JOIN fixes the join order: without it SQLite may plan the snippet's MATCH as a scan of every match.
  const select = snippetsByRange
    ? `WITH ${ranked},
       snippets AS MATERIALIZED (SELECT rowid AS id, ${snippet} AS snippet FROM ${fts5}
         WHERE ${fts5} MATCH @match AND rowid BETWEEN (SELECT min(id) FROM top) AND (SELECT max(id) FROM top) AND +rowid IN (SELECT id FROM top))
       SELECT ${columns}, snippets.snippet AS snippet, top.score AS score${total}
       FROM top CROSS JOIN snippets ON snippets.id = top.id ${documents} ORDER BY top.score, top.id`
    : `WITH ${ranked}
       SELECT ${columns}, ${snippet} AS snippet, top.score AS score${total}
       FROM top CROSS JOIN ${fts5} ON ${fts5}.rowid = top.id ${documents} WHERE ${fts5} MATCH @match ORDER BY top.score, top.id`;
  return { count, select, totalInRows: filters.length > 0 };
}

/** Where the rows of a facet count come from: the matches joined to their rows and documents, or (no query) every row. */
function joinedRowsSql({ table, fts5, filters }: Pick<SearchSqlParts, 'table' | 'fts5' | 'filters'>, match: boolean) {
  const where = [...(match ? [`${fts5} MATCH @match`] : []), ...filters, inTimeCondition('t.id')].join(' AND ');
  return match
    ? `FROM ${fts5} f JOIN ${table} t ON t.id = f.rowid JOIN documents d ON d.id = t.document_id WHERE ${where}`
    : `FROM ${table} t JOIN documents d ON d.id = t.document_id WHERE ${where}`;
}

/**
 * Counts of each facet's values over every row a search (or, with no query, a listing) finds:
 * the rows are gathered once, then grouped by each facet (rows `facet`, `value`, `count`).
 */
export function facetCountSql(
  parts: Pick<SearchSqlParts, 'table' | 'fts5' | 'filters'>,
  match: boolean,
  facets: string[],
): string {
  const columns = facets.map((sql, i) => `${sql} AS f${i}`).join(', ');
  const groups = facets.map(
    (_, i) =>
      `SELECT ${i} AS facet, f${i} AS value, count(*) AS count FROM found WHERE f${i} IS NOT NULL GROUP BY f${i}`,
  );
  return `WITH found AS MATERIALIZED (SELECT ${columns} ${joinedRowsSql(parts, match)}) ${groups.join(' UNION ALL ')}`;
}
