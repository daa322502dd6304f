/** The public API of report-miner: what the CLI, the web page and users' scripts call. */
import type { Database } from 'better-sqlite3';
import { openDatabase } from '../index/open.js';

/** Opens an index for querying; read-only unless asked, so queries can run while an ingest writes. */
export function openIndex(file: string, { readonly = true }: { readonly?: boolean } = {}): Database {
  return openDatabase(file, { readonly });
}

export { IndexNotFoundError } from '../index/open.js';
export { searchPassages, type PassageHit, type SearchFilters } from './search.js';
export { searchQuotes, citeQuote, type QuoteHit, type QuoteFilters } from './quotes.js';
export { searchRecommendations, type RecommendationHit, type RecommendationFilters } from './recommendations.js';
export { SearchError, HIGHLIGHT_START, HIGHLIGHT_END, type SearchResult } from './search-core.js';
export { listFindings } from './findings.js';
export { listDocuments, type ExportedDocument } from './documents.js';
export { formatCitation, formatDate, type Citation } from './citation.js';
export { toFtsQuery, type FtsQuery } from './fts-query.js';
