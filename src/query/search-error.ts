/** A search the index cannot run as asked: bad syntax, a filter out of range, too long, too slow. */
export class SearchError extends Error {}
