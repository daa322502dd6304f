/**
 * Results as flat rows, the shape CSV, JSON and tables hold: what `--format csv|json` prints and
 * what the web page downloads, built in one place so the two never differ.
 */
import { type Citation, formatCitation } from './citation.js';
import type { FigureRow } from './figures.js';
import type { QuoteHit } from './quotes.js';
import type { RatingRow } from './ratings.js';
import { HIGHLIGHT_END, HIGHLIGHT_START } from './search-core.js';

/** A flat row: what tables and CSV can hold. */
export type FlatRow = Record<string, string | number | null>;

/** The document a row comes from, and where else the fact is printed, flattened for tables and CSV. */
export function citedCells(citation: Citation, text: string, alsoIn: string[] = []): FlatRow {
  return {
    title: citation.title,
    publisher: citation.publisher,
    published: citation.published,
    page: citation.page,
    source: citation.source,
    url: citation.url,
    citation: text,
    also_in: alsoIn.join('; ') || null,
    // The document alone, for a table's last column (a quote's `citation` repeats its words).
    reference: formatCitation(citation),
  };
}

/** The columns `citedCells` gives. */
export const CITED = ['title', 'publisher', 'published', 'page', 'source', 'url', 'citation', 'also_in', 'reference'];

/** A snippet's highlight markers as `on` … `off` ("**" for text, <mark> for a page). */
export function highlighted(snippet: string, on: string, off: string): string {
  return snippet.replaceAll(HIGHLIGHT_START, on).replaceAll(HIGHLIGHT_END, off);
}

/** A search hit as a row: its own fields with the snippet's highlight in **, then its citation's fields, the citation formatted. */
export function searchHitRow<Hit extends { snippet: string; citation: Citation; cited: string }>(hit: Hit) {
  return { ...hit, snippet: highlighted(hit.snippet, '**', '**'), ...hit.citation, citation: hit.cited };
}

export const QUOTE_COLUMNS = ['text', 'speaker', 'role', 'organisation', 'kind', 'question', ...CITED];

export function quoteRow(q: QuoteHit): FlatRow {
  return {
    text: q.text,
    speaker: q.speaker,
    role: q.role,
    organisation: q.organisation,
    kind: q.kind,
    question: q.question,
    ...citedCells(q.citation, q.cited, q.alsoIn),
  };
}

export const RATING_COLUMNS = ['subject', 'aspect', 'year', 'rating', 'count', 'total', ...CITED];

export function ratingRow(r: RatingRow): FlatRow {
  return {
    subject: r.subject,
    aspect: r.aspect,
    year: r.year,
    rating: r.rating,
    count: r.count,
    total: r.total,
    ...citedCells(r.citation, r.cited, r.alsoIn),
  };
}

export const FIGURE_COLUMNS = [
  'value',
  'unit',
  'qualifier',
  'topic',
  'subject',
  'phrase',
  'sentence',
  'year',
  ...CITED,
];

export function figureRow(f: FigureRow): FlatRow {
  return {
    value: f.value,
    unit: f.unit,
    qualifier: f.qualifier,
    topic: f.topic,
    subject: f.subject,
    phrase: f.phrase,
    sentence: f.sentence,
    year: f.year,
    ...citedCells(f.citation, f.cited, f.alsoIn),
  };
}
