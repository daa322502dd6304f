import { openDatabase } from '../index/open.js';
import type { Citation } from '../query/citation.js';
import { caseloadSummary, figures } from '../query/figures.js';
import { searchQuotes } from '../query/quotes.js';
import { ratings, ratingsTimeline } from '../query/ratings.js';
import { recommendations } from '../query/recommendations.js';
import { recurringRecommendations, similarRecommendations } from '../query/tracking.js';
import {
  CITED,
  citedCells,
  FIGURE_COLUMNS,
  figureRow,
  type FlatRow,
  QUOTE_COLUMNS,
  quoteRow,
  RATING_COLUMNS,
  ratingRow,
} from '../query/rows.js';
import { parseFormat, printRows } from './formats.js';
import { pageNote } from './output.js';

interface Listing {
  rows: FlatRow[];
  /** Every column of a row, in order: the CSV header, printed even when there are no rows. */
  header: string[];
  tableColumns: string[];
}

/** What every listing takes: where the index is, how to print, and which page of the rows. */
interface ListingOptions {
  db: string;
  format: string;
  /** 0 for every row. */
  limit: number;
  offset: number;
}

/** Opens the index read-only, runs one listing, prints a page of it in the chosen format; stderr says what was held back. */
async function list(o: ListingOptions, build: (db: ReturnType<typeof openDatabase>) => Listing): Promise<number> {
  const chosen = parseFormat(o.format);
  const conn = openDatabase(o.db, { readonly: true });
  try {
    const { rows: all, header, tableColumns } = build(conn);
    const rows = all.slice(o.offset, o.limit === 0 ? undefined : o.offset + o.limit);
    await printRows(rows, chosen, header, tableColumns);
    if (o.offset + rows.length < all.length) process.stderr.write(pageNote(rows.length, all.length, o.offset, 'row'));
    return 0;
  } finally {
    conn.close();
  }
}

export interface QuotesOptions extends ListingOptions {
  speaker?: string;
  role?: string;
  organisation?: string;
  quoteKind?: string;
  type?: string;
  publisher?: string;
  from?: number;
  to?: number;
  timeLimit?: number;
}

export function runQuotes(query: string | undefined, o: QuotesOptions): Promise<number> {
  return list(o, (db) => {
    const { hits } = searchQuotes(db, query ?? '', {
      speaker: o.speaker,
      role: o.role,
      organisation: o.organisation,
      kind: o.quoteKind as 'testimony' | undefined,
      type: o.type,
      publisher: o.publisher,
      from: o.from,
      to: o.to,
      timeLimit: o.timeLimit,
      limit: 0,
    });
    return {
      rows: hits.map(quoteRow),
      header: QUOTE_COLUMNS,
      tableColumns: ['text', 'speaker', 'role', 'organisation', 'reference'],
    };
  });
}

export interface RatingsOptions extends ListingOptions {
  subject?: string;
  aspect?: string;
  from?: number;
  to?: number;
  timeline?: boolean;
}

export function runRatings(o: RatingsOptions): Promise<number> {
  return list(o, (db) => {
    if (o.timeline) {
      const rows = ratingsTimeline(db, o.subject ?? '').map((r) => ({
        subject: r.subject,
        aspect: r.aspect,
        year: r.year,
        previous: r.previous,
        rating: r.rating,
        change: r.change,
        ...citedCells(r.citation, r.cited, r.alsoIn),
      }));
      return {
        rows,
        header: ['subject', 'aspect', 'year', 'previous', 'rating', 'change', ...CITED],
        tableColumns: ['subject', 'aspect', 'year', 'previous', 'rating', 'change', 'reference'],
      };
    }
    return {
      rows: ratings(db, { subject: o.subject, aspect: o.aspect, from: o.from, to: o.to }).map(ratingRow),
      header: RATING_COLUMNS,
      tableColumns: ['subject', 'aspect', 'year', 'rating', 'count', 'total', 'reference'],
    };
  });
}

export interface FiguresOptions extends ListingOptions {
  topic?: string;
  subject?: string;
  unit?: string;
  from?: number;
  to?: number;
  caseloadSummary?: boolean;
}

export function runFigures(o: FiguresOptions): Promise<number> {
  return list(o, (db) => {
    if (o.caseloadSummary) {
      const rows = caseloadSummary(db, { from: o.from, to: o.to }).map((g) => ({
        year: g.year,
        organisation: g.organisation,
        figures: g.figures,
        cases: g.cases.join('; '),
        shares: g.shares.join('; '),
      }));
      const columns = ['year', 'organisation', 'figures', 'cases', 'shares'];
      return { rows, header: columns, tableColumns: columns };
    }
    const rows = figures(db, {
      topic: o.topic as 'caseload' | undefined,
      subject: o.subject,
      unit: o.unit,
      from: o.from,
      to: o.to,
    }).map(figureRow);
    return {
      rows,
      header: FIGURE_COLUMNS,
      tableColumns: ['phrase', 'value', 'unit', 'qualifier', 'topic', 'subject', 'year', 'reference'],
    };
  });
}

export interface RecommendationsOptions extends ListingOptions {
  addressee?: string;
  status?: string;
  from?: number;
  to?: number;
  recurring?: boolean;
  minYears: number;
  similar?: number;
}

/** The columns of recommendationCells. */
const RECOMMENDATION_CELLS = ['id', 'number', 'year', 'addressee', 'text', ...CITED];

/** The cells every recommendation row has, whichever listing it is in. */
function recommendationCells(r: {
  id: number;
  number: string | null;
  year: number | null;
  addressee: string | null;
  text: string;
  citation: Citation;
  cited: string;
}): FlatRow {
  return {
    id: r.id,
    number: r.number,
    year: r.year,
    addressee: r.addressee,
    text: r.text,
    ...citedCells(r.citation, r.cited),
  };
}

export function runRecommendations(o: RecommendationsOptions): Promise<number> {
  return list(o, (db) => {
    if (o.recurring) {
      const rows = recurringRecommendations(db, { minYears: o.minYears }).flatMap((group, g) =>
        group.recommendations.map((r) => ({ group: g + 1, years: group.years.join('; '), ...recommendationCells(r) })),
      );
      return {
        rows,
        header: ['group', 'years', ...RECOMMENDATION_CELLS],
        tableColumns: ['group', 'years', 'year', 'number', 'addressee', 'text', 'reference'],
      };
    }
    if (o.similar !== undefined) {
      const rows = similarRecommendations(db, o.similar).map((r) => ({
        similarity: r.similarity,
        ...recommendationCells(r),
      }));
      return {
        rows,
        header: ['similarity', ...RECOMMENDATION_CELLS],
        tableColumns: ['similarity', 'id', 'year', 'number', 'addressee', 'text', 'reference'],
      };
    }
    const rows = recommendations(db, {
      addressee: o.addressee,
      status: o.status as 'accepted' | undefined,
      from: o.from,
      to: o.to,
    }).map((r) => ({
      id: r.id,
      number: r.number,
      year: r.year,
      addressee: r.addressee,
      paragraph: r.paragraph,
      text: r.text,
      status: r.response?.status ?? null,
      response: r.response?.text ?? null,
      response_citation: r.response?.cited ?? null,
      ...citedCells(r.citation, r.cited, r.alsoIn),
    }));
    return {
      rows,
      header: [
        'id',
        'number',
        'year',
        'addressee',
        'paragraph',
        'text',
        'status',
        'response',
        'response_citation',
        ...CITED,
      ],
      tableColumns: ['id', 'year', 'number', 'addressee', 'status', 'text', 'reference'],
    };
  });
}
