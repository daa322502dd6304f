import type { TopLevelSpec } from 'vega-lite';
import type { Citation } from '../query/citation.js';
import type { FigureRow } from '../query/figures.js';
import type { RatingRow } from '../query/ratings.js';

const RATING_ORDER = ['outstanding', 'good', 'requires improvement', 'inadequate'];
const RATING_COLOURS = ['#1a9850', '#91cf60', '#fdae61', '#d73027'];

/** Title, a line on what is counted, then the sources of the rows charted: a chart says where it comes from. */
function chartTitle(
  text: string,
  counted: string,
  charted: Array<{ citation: Citation }>,
): { text: string; subtitle: string[]; anchor: 'start' } {
  return { text, subtitle: [counted, ...wrap(sourceLine(charted.map((r) => r.citation)))], anchor: 'start' };
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

/** Stacked bars: how many bodies got each rating, per year (a provider's own rating counts one). */
export function ratingsChart(rows: RatingRow[]): TopLevelSpec {
  // Counts of quality standards rate standards, not bodies.
  const charted = rows.filter((r) => r.year !== null && !/standards$/i.test(r.subject));
  const data = charted.map((r) => ({
    year: String(r.year),
    rating: r.rating,
    rank: RATING_ORDER.indexOf(r.rating),
    bodies: r.count ?? 1,
    subject: r.subject,
    aspect: r.aspect,
  }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: chartTitle(
      'Inspection ratings by year',
      'Bodies rated at each level, as the documents state them (a provider’s own rating counts one)',
      charted,
    ),
    width: 480,
    height: 300,
    data: { values: data },
    mark: 'bar',
    encoding: {
      x: {
        field: 'year',
        type: 'ordinal',
        title: 'Year of the judgement (where the document says; else of publication)',
      },
      y: { aggregate: 'sum', field: 'bodies', type: 'quantitative', title: 'Bodies rated' },
      color: {
        field: 'rating',
        type: 'nominal',
        title: 'Rating',
        scale: { domain: RATING_ORDER, range: RATING_COLOURS },
        legend: { labelLimit: 240 },
      },
      order: { field: 'rank', sort: 'ascending' },
      tooltip: [{ field: 'subject' }, { field: 'aspect' }, { field: 'rating' }, { field: 'bodies' }],
    },
  };
}

/** Every caseload size the documents state, by year, coloured by the type of provider. */
export function caseloadsChart(rows: Array<FigureRow & { organisation: string }>): TopLevelSpec {
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
      'Cases per practitioner as each document states them',
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
