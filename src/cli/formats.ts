import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';
import type { FlatRow } from '../query/rows.js';
import { write } from '../output/row-writers.js';
import { printable, rowWriter, UsageError } from './output.js';

export const FORMATS = ['table', 'markdown', 'json', 'ndjson', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

export function parseFormat(value: string): Format {
  if (!(FORMATS as readonly string[]).includes(value))
    throw new UsageError(`unknown --format ${JSON.stringify(value)}; one of: ${FORMATS.join(', ')}`);
  return value as Format;
}

/** Columns of prose, which wrap onto more lines when a table is wider than the terminal; others keep their width. */
const PROSE_COLUMNS = new Set(['text', 'sentence', 'reference', 'response', 'title', 'evidence', 'years', 'cases']);

/** Narrowest a prose column is squeezed to: below it a quote becomes a column of single words. */
const MIN_PROSE_WIDTH = 20;

/** A table's width where the terminal does not say (a pipe, a file): what most terminals show. */
const DEFAULT_WIDTH = 120;

/** The terminal's width; `COLUMNS` for a pipe, as the shells set it. */
export function outputWidth(): number {
  if (process.stdout.isTTY) return process.stdout.columns;
  const columns = Number(process.env.COLUMNS);
  return Number.isInteger(columns) && columns > 0 ? columns : DEFAULT_WIDTH;
}

function cellText(value: string | number | null): string {
  return value === null ? '' : printable(String(value).replace(/\s+/g, ' ').trim());
}

/** Column widths that fit `width`: the widest prose column gives a character at a time, none below MIN_PROSE_WIDTH. */
function fitWidths(columns: string[], natural: number[], width: number): number[] {
  const widths = [...natural];
  const gaps = 2 * (columns.length - 1);
  let excess = widths.reduce((a, b) => a + b, 0) + gaps - width;
  while (excess > 0) {
    let widest = -1;
    columns.forEach((c, i) => {
      if (
        PROSE_COLUMNS.has(c) &&
        widths[i]! > Math.max(MIN_PROSE_WIDTH, stringWidth(c)) &&
        (widest < 0 || widths[i]! > widths[widest]!)
      )
        widest = i;
    });
    if (widest < 0) break;
    widths[widest]!--;
    excess--;
  }
  return widths;
}

/** An aligned table whose long cells wrap onto further lines, whole (never cut), within `width`. */
export function table(rows: FlatRow[], columns: string[], width: number): string {
  const cells = rows.map((row) => columns.map((c) => cellText(row[c] ?? null)));
  const natural = columns.map((c, i) => Math.max(stringWidth(c), ...cells.map((r) => stringWidth(r[i]!))));
  const widths = fitWidths(columns, natural, width);
  const pad = (text: string, i: number) => text + ' '.repeat(Math.max(0, widths[i]! - stringWidth(text)));
  const line = (values: string[]) => values.map(pad).join('  ').trimEnd();
  const wrapped = cells.map((row) =>
    row.map((text, i) => wrapAnsi(text, widths[i]!, { hard: true, trim: true }).split('\n')),
  );
  // Where rows take several lines, a blank line between them shows where each ends.
  const between = wrapped.some((row) => row.some((lines) => lines.length > 1)) ? [''] : [];
  const body = wrapped.map((row) => {
    const height = Math.max(...row.map((lines) => lines.length));
    return Array.from({ length: height }, (_, k) => line(row.map((lines) => lines[k] ?? '')));
  });
  return (
    [
      line(columns),
      line(widths.map((w) => '─'.repeat(w))),
      ...body.flatMap((b, i) => (i ? [...between, ...b] : b)),
    ].join('\n') + '\n'
  );
}

/** A GitHub-flavoured Markdown table, for a blog post: whole cells, `|` escaped. */
export function markdownTable(rows: FlatRow[], columns: string[]): string {
  const escape = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
  const line = (values: string[]) => `| ${values.map(escape).join(' | ')} |`;
  return (
    [
      line(columns),
      `|${columns.map(() => ' --- ').join('|')}|`,
      ...rows.map((r) => line(columns.map((c) => cellText(r[c] ?? null)))),
    ].join('\n') + '\n'
  );
}

/**
 * Prints rows as an aligned table or a Markdown table (the `tableColumns` only), or as JSON, NDJSON or CSV
 * with a header row of every column (the row writers export and search use).
 */
export async function printRows(
  rows: FlatRow[],
  format: Format,
  columns: string[],
  tableColumns: string[],
): Promise<void> {
  const writer = rowWriter(format, ['table', 'markdown']);
  if (writer) await writer(process.stdout, rows, columns);
  else if (format === 'markdown') await write(process.stdout, markdownTable(rows, tableColumns));
  else await write(process.stdout, rows.length ? table(rows, tableColumns, outputWidth()) : '(nothing found)\n');
}
