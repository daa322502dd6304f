/** The public API of report-miner: what the CLI, the web page and users' scripts call. */
export { openIndex, ReportIndex } from './report-index.js';
export { IndexNotFoundError } from '../index/open.js';
export { searchPassages, passageFacets, type PassageHit, type SearchFilters } from './search.js';
export { searchQuotes, quoteFacets, citeQuote, type QuoteHit, type QuoteFilters } from './quotes.js';
export {
  searchRecommendations,
  recommendationFacets,
  recommendations,
  type RecommendationHit,
  type RecommendationFilters,
  type RecommendationRow,
  type RecommendationListFilters,
} from './recommendations.js';
export { ratings, ratingsTimeline, type RatingRow, type TimelineEntry, type RatingFilters } from './ratings.js';
export { figures, caseloadSummary, type FigureRow, type FigureFilters, type CaseloadSummaryRow } from './figures.js';
export {
  similarRecommendations,
  recurringRecommendations,
  SIMILARITY_THRESHOLD,
  type RecurringGroup,
  type SimilarRecommendation,
} from './tracking.js';
export { SearchError, HIGHLIGHT_START, HIGHLIGHT_END, type SearchResult, type FacetValue } from './search-core.js';
export { SearchTimeout, DEFAULT_TIME_LIMIT_SECONDS } from './time-limit.js';
export { listDocuments, type ExportedDocument } from './documents.js';
export { documentDetail, type DocumentDetail, type DocumentPassage } from './document-detail.js';
export { listFindings } from './findings.js';
export { formatCitation, formatDate, type Citation } from './citation.js';
export { toFtsQuery, type FtsQuery } from './fts-query.js';
