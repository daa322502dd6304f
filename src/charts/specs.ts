import type { TopLevelSpec } from 'vega-lite';
import type { Citation } from '../query/citation.js';
import { type FigureRow, isPractitionerCaseload, organisationType } from '../query/figures.js';
import type { RatingTally } from '../query/ratings.js';

const RATING_ORDER = ['outstanding', 'good', 'requires improvement', 'inadequate'];
const RATING_COLOURS = ['#1a9850', '#91cf60', '#fdae61', '#d73027'];

/** Title, a line on what is counted, then the sources of the rows charted: a chart says where it comes from. */
function chartTitle(
  text: string,
  counted: string,
  charted: Array<{ citation: Citation }>,
): { text: string; subtitle: string[]; anchor: 'start' } {
  return { text, subtitle: [...wrap(counted), ...wrap(sourceLine(charted.map((r) => r.citation)))], anchor: 'start' };
}

/** "Source: Title (Publisher, year); ..." for a chart's caption, each document once. */
export function sourceLine(citations: Citation[]): string {
  const seen = new Map<string, string>();
  for (const c of citations) {
    if (!seen.has(c.source))
      seen.set(
        c.source,
        `${c.title ?? c.source} (${[c.publisher, c.published?.slice(0, 4)].filter(Boolean).join(', ')})`,
      );
  }
  return `Source: ${[...seen.values()].join('; ')}`;
}

/** Wraps a long caption into lines a chart subtitle can hold. */
function wrap(text: string, width = 110): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, line] : lines;
}

/**
 * Stacked bars with their numbers: how many providers got each rating, per year of the judgement, one
 * panel per type of provider (CRC, NPS, PDU).
 */
export function ratingsChart(tallies: RatingTally[], aspect: string): TopLevelSpec {
  const data = tallies.map((t) => ({
    year: String(t.year),
    type: t.providerType,
    rating: t.rating,
    rank: RATING_ORDER.indexOf(t.rating),
    bodies: t.bodies,
    outOf: t.outOf,
  }));
  const stacked = { field: 'bodies', type: 'quantitative', stack: 'zero', title: 'Providers rated' } as const;
  const order = { field: 'rank', sort: 'ascending' } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: chartTitle(
      `Inspection ratings by year (${aspect})`,
      'Providers rated at each level, by the year of the judgement where the documents state it (else of publication); a count restated by several documents counts once',
      tallies.flatMap((t) => t.citations.map((citation) => ({ citation }))),
    ),
    data: { values: data },
    facet: { column: { field: 'type', type: 'nominal', title: 'Provider type' } },
    spec: {
      width: 240,
      height: 300,
      encoding: { x: { field: 'year', type: 'ordinal', title: 'Year' }, y: stacked, order },
      layer: [
        {
          mark: 'bar',
          encoding: {
            color: {
              field: 'rating',
              type: 'nominal',
              title: 'Rating',
              scale: { domain: RATING_ORDER, range: RATING_COLOURS },
              legend: { labelLimit: 240 },
            },
            tooltip: [{ field: 'type' }, { field: 'rating' }, { field: 'bodies' }, { field: 'outOf', title: 'out of' }],
          },
        },
        // Each segment's number, just inside its top, stacked as the bars are (by rating, in scale order).
        {
          mark: { type: 'text', baseline: 'top', dy: 3, fontSize: 12, fontWeight: 'bold', color: '#222' },
          encoding: { detail: { field: 'rating' }, text: { field: 'bodies' } },
        },
      ],
    },
  };
}

/** Every caseload size the documents state, by year, coloured by the type of provider. */
export function caseloadsChart(rows: Array<FigureRow & { organisation: string }>, leftOut = 0): TopLevelSpec {
  const charted = rows.filter((f) => f.year !== null && f.unit === 'cases');
  const data = charted.map((f) => ({
    year: f.year,
    cases: f.value,
    organisation: f.organisation,
    qualifier: f.qualifier ?? 'stated',
    phrase: f.phrase,
  }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: chartTitle(
      'Caseloads stated in reports, by year',
      `Cases per practitioner as each document states them${leftOut ? `; ${leftOut} other numbers of cases left out (totals, other countries, ratios)` : ''}`,
      charted,
    ),
    width: 480,
    height: 300,
    data: { values: data },
    mark: { type: 'point', filled: true, size: 80, opacity: 0.8 },
    encoding: {
      x: { field: 'year', type: 'ordinal', title: 'Year of publication' },
      y: { field: 'cases', type: 'quantitative', title: 'Cases per practitioner' },
      color: { field: 'organisation', type: 'nominal', title: 'Provider' },
      shape: { field: 'qualifier', type: 'nominal', title: 'Stated as' },
      tooltip: [{ field: 'phrase' }, { field: 'qualifier' }, { field: 'organisation' }],
    },
  };
}

/** How many rows a chart spec draws (both specs carry their rows inline). */
export function chartedRows(spec: TopLevelSpec): number {
  return 'data' in spec && spec.data && 'values' in spec.data && Array.isArray(spec.data.values)
    ? spec.data.values.length
    : 0;
}

/** Practitioners' caseloads of a type of provider, charted; how many other numbers of cases were left out. */
export function caseloadsOf(stated: FigureRow[], providerType: string | undefined): TopLevelSpec {
  const typed = stated
    .map((f) => ({ ...f, organisation: organisationType(f) }))
    .filter((f) => !providerType || f.organisation === providerType);
  const charted = typed.filter(isPractitionerCaseload);
  return caseloadsChart(charted, typed.length - charted.length);
}
