import type { Database } from 'better-sqlite3';
import { openDatabase } from '../index/open.js';
import { listDocuments } from './documents.js';
import { caseloadSummary, figures, type FigureFilters } from './figures.js';
import { searchQuotes, type QuoteFilters } from './quotes.js';
import { ratings, ratingsTimeline, ratingTallies, type RatingFilters, type TallyFilters } from './ratings.js';
import {
  recommendations,
  searchRecommendations,
  type RecommendationFilters,
  type RecommendationListFilters,
} from './recommendations.js';
import { searchPassages, type SearchFilters } from './search.js';
import { recurringRecommendations, similarRecommendations } from './tracking.js';

/**
 * An open index and every question it answers, one call each. Read-only unless asked:
 * many readers can query while an ingest writes (WAL).
 */
export class ReportIndex {
  constructor(readonly db: Database) {}

  searchPassages(query: string, filters?: SearchFilters) {
    return searchPassages(this.db, query, filters);
  }

  searchQuotes(query: string, filters?: QuoteFilters) {
    return searchQuotes(this.db, query, filters);
  }

  searchRecommendations(query: string, filters?: RecommendationFilters) {
    return searchRecommendations(this.db, query, filters);
  }

  documents() {
    return [...listDocuments(this.db)];
  }

  ratings(filters?: RatingFilters) {
    return ratings(this.db, filters);
  }

  ratingsTimeline(subject: string) {
    return ratingsTimeline(this.db, subject);
  }

  ratingTallies(filters?: TallyFilters) {
    return ratingTallies(this.db, filters);
  }

  figures(filters?: FigureFilters) {
    return figures(this.db, filters);
  }

  caseloadSummary(filters?: Pick<FigureFilters, 'from' | 'to'>) {
    return caseloadSummary(this.db, filters);
  }

  recommendations(filters?: RecommendationListFilters) {
    return recommendations(this.db, filters);
  }

  similarRecommendations(id: number, options?: { threshold?: number }) {
    return similarRecommendations(this.db, id, options);
  }

  recurringRecommendations(options?: { minYears?: number; threshold?: number }) {
    return recurringRecommendations(this.db, options);
  }

  close(): void {
    this.db.close();
  }
}

/** Opens an index for querying; read-only unless `{ readonly: false }`. */
export function openIndex(file: string, { readonly = true }: { readonly?: boolean } = {}): ReportIndex {
  return new ReportIndex(openDatabase(file, { readonly }));
}
