import type { Database } from 'better-sqlite3';
import { SearchError } from './search-error.js';

/** How long one search may run, unless asked otherwise: a person waiting at a terminal or a web page. */
export const DEFAULT_TIME_LIMIT_SECONDS = 10;

/** SQLite function a search calls on its matching rows; past the deadline it stops the statement. */
const IN_TIME = 'search_in_time';
/**
 * The condition a search's WHERE clause carries, on the rowid of the rows it yields. Calling into
 * JavaScript on every row cost a fifth of the benchmark's 30 queries' time; on one row in 64,
 * chosen by rowid in SQL, the whole condition costs about 18 ns a row (6 % of those queries).
 */
export const inTimeCondition = (rowid: string) => `((${rowid} & 63) <> 0 OR ${IN_TIME}())`;

export class SearchTimeout extends SearchError {}

let deadline = Infinity;
let seconds = DEFAULT_TIME_LIMIT_SECONDS;
const registered = new WeakSet<Database>();

/**
 * better-sqlite3 offers no progress handler or interrupt, so the time limit rides on a function in
 * the WHERE clause: SQLite calls it on the rows the MATCH yields, and an exception it throws ends
 * the statement at once, leaving the connection usable.
 */
export function registerTimeLimit(db: Database): void {
  if (registered.has(db)) return;
  db.function(IN_TIME, { deterministic: false, varargs: false }, () => {
    if (performance.now() > deadline) {
      throw new SearchTimeout(
        `the search ran longer than ${seconds} s and was stopped; narrow it (fewer prefix* or OR terms, a filter) or allow more time (--time-limit)`,
      );
    }
    return 1;
  });
  registered.add(db);
}

/** Runs one step of a search (a count, a page, the next hit of a stream) under the time limit. */
export function inTime<T>(limitSeconds: number, step: () => T): T {
  const outer = { deadline, seconds };
  deadline = performance.now() + limitSeconds * 1000;
  seconds = limitSeconds;
  try {
    return step();
  } finally {
    ({ deadline, seconds } = outer);
  }
}
