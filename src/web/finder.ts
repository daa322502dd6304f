/**
 * What a search page shows, found by the query module: a page of hits of one kind, how many
 * there are, and the facet counts beside them; and every row, for a download.
 */
import type { Database } from 'better-sqlite3';
import type { Citation } from '../query/citation.js';
import { figures, type FigureRow } from '../query/figures.js';
import { quoteFacets, searchQuotes, type QuoteHit } from '../query/quotes.js';
import { ratings, type RatingRow } from '../query/ratings.js';
import { recommendationFacets, searchRecommendations, type RecommendationHit } from '../query/recommendations.js';
import { FIGURE_COLUMNS, figureRow, RATING_COLUMNS, ratingRow, searchHitRow } from '../query/rows.js';
import type { FacetValue } from '../query/search-core.js';
import { SearchTimeout } from '../query/time-limit.js';
import { passageFacets, searchPassages, type PassageHit } from '../query/search.js';
import { type FacetName, PAGE_SIZE, type SearchState } from './search-state.js';

export type Found =
  | { kind: 'passages'; hits: PassageHit[] }
  | { kind: 'quotes'; hits: QuoteHit[] }
  | { kind: 'recommendations'; hits: RecommendationHit[] }
  | { kind: 'figures'; hits: FigureRow[] }
  | { kind: 'ratings'; hits: RatingRow[] };

export interface SearchPage {
  found: Found;
  total: number;
  /** Null when counting them took longer than the facets' time limit (a search matching most of a large index). */
  facets: Partial<Record<FacetName, FacetValue[]>> | null;
}

export interface FinderOptions {
  /** Seconds a search may run (the query module's time limit). */
  timeLimit: number;
  /** Seconds the facet counts may take beside it; past that the page shows the hits without them, as Datasette does. */
  facetTimeLimit: number;
}

/** Facet counts, or null when they cannot be counted within their time limit. */
function facetsInTime<T>(count: () => T): T | null {
  try {
    return count();
  } catch (err) {
    if (err instanceof SearchTimeout) return null;
    throw err;
  }
}

/** The filters the query module takes, from the page's state; a year facet is a range of one year. */
function commonFilters(state: SearchState, options: FinderOptions, all: boolean) {
  const year = state.year === undefined ? undefined : Number(state.year);
  return {
    type: state.type,
    publisher: state.publisher,
    from: year,
    to: year,
    limit: all ? 0 : PAGE_SIZE,
    offset: all ? 0 : (state.page - 1) * PAGE_SIZE,
    timeLimit: options.timeLimit,
  };
}

type CommonFilters = ReturnType<typeof commonFilters>;

const quoteFilters = (state: SearchState, common: CommonFilters) => ({
  ...common,
  role: state.role,
  organisation: state.organisation,
  kind: state.quote_kind,
});

const recommendationFilters = (state: SearchState, common: CommonFilters) => ({
  ...common,
  addressee: state.addressee,
});

/** Counts of a listing's values, commonest first, as the query module counts a search's facets. */
function countBy<T>(rows: T[], value: (row: T) => string | number | null): FacetValue[] {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const v = value(row);
    if (v !== null) counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
  }
  return [...counts]
    .map(([v, count]) => ({ value: v, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
    .slice(0, 12);
}

function figureRows(db: Database, state: SearchState): FigureRow[] {
  const year = state.year === undefined ? undefined : Number(state.year);
  return figures(db, { topic: state.topic, subject: state.subject, from: year, to: year });
}

function ratingRows(db: Database, state: SearchState): RatingRow[] {
  const year = state.year === undefined ? undefined : Number(state.year);
  return ratings(db, { subject: state.provider, aspect: state.aspect, from: year, to: year }).filter(
    (r) => state.rating === undefined || r.rating === state.rating,
  );
}

const pageOf = <T>(rows: T[], state: SearchState) => rows.slice((state.page - 1) * PAGE_SIZE, state.page * PAGE_SIZE);

/** A page of the search `state` describes, with its facets. */
export function findPage(db: Database, state: SearchState, options: FinderOptions): SearchPage {
  const common = commonFilters(state, options, false);
  const facetFilters = { ...common, timeLimit: options.facetTimeLimit };
  const q = state.q;
  switch (state.kind) {
    case 'passages': {
      const result = searchPassages(db, q, common);
      return {
        found: { kind: 'passages', hits: result.hits },
        total: result.total,
        facets: facetsInTime(() => passageFacets(db, q, facetFilters)),
      };
    }
    case 'quotes': {
      const filters = quoteFilters(state, common);
      const result = searchQuotes(db, q, filters);
      const counts = facetsInTime(() => quoteFacets(db, q, { ...filters, timeLimit: options.facetTimeLimit }));
      // The query module's facet "kind" is the page's "quote_kind" (its "kind" is the tab).
      const { kind: quoteKind = [], ...facets } = counts ?? {};
      return {
        found: { kind: 'quotes', hits: result.hits },
        total: result.total,
        facets: counts && { ...facets, quote_kind: quoteKind },
      };
    }
    case 'recommendations': {
      const filters = recommendationFilters(state, common);
      const result = searchRecommendations(db, q, filters);
      return {
        found: { kind: 'recommendations', hits: result.hits },
        total: result.total,
        facets: facetsInTime(() => recommendationFacets(db, q, { ...filters, timeLimit: options.facetTimeLimit })),
      };
    }
    case 'figures': {
      const rows = figureRows(db, state);
      return {
        found: { kind: 'figures', hits: pageOf(rows, state) },
        total: rows.length,
        facets: {
          topic: countBy(rows, (r) => r.topic),
          subject: countBy(rows, (r) => r.subject),
          year: countBy(rows, (r) => r.year),
        },
      };
    }
    case 'ratings': {
      const rows = ratingRows(db, state);
      return {
        found: { kind: 'ratings', hits: pageOf(rows, state) },
        total: rows.length,
        facets: {
          provider: countBy(rows, (r) => r.subject),
          aspect: countBy(rows, (r) => r.aspect),
          rating: countBy(rows, (r) => r.rating),
          year: countBy(rows, (r) => r.year),
        },
      };
    }
  }
}

/** A search's hits as the CLI's rows. */
function* hitRows(hits: Iterable<{ snippet: string; citation: Citation; cited: string }>): Generator<object> {
  for (const hit of hits) yield searchHitRow(hit);
}

/** Every row of the search, no cap, as the CLI's `--format csv|json` prints them; `header` for CSV where the rows are few. */
export function allRows(
  db: Database,
  state: SearchState,
  options: FinderOptions,
): { rows: Iterable<object>; header?: string[] } {
  const common = commonFilters(state, options, true);
  switch (state.kind) {
    case 'passages':
      return { rows: hitRows(searchPassages(db, state.q, common).stream()) };
    case 'quotes':
      return { rows: hitRows(searchQuotes(db, state.q, quoteFilters(state, common)).stream()) };
    case 'recommendations':
      return { rows: hitRows(searchRecommendations(db, state.q, recommendationFilters(state, common)).stream()) };
    case 'figures':
      return { rows: figureRows(db, state).map(figureRow), header: FIGURE_COLUMNS };
    case 'ratings':
      return { rows: ratingRows(db, state).map(ratingRow), header: RATING_COLUMNS };
  }
}
