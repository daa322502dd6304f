import { printable, rowWriter, UsageError, write } from './output.js';

export const FORMATS = ['table', 'json', 'ndjson', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

export function parseFormat(value: string): Format {
  if (!(FORMATS as readonly string[]).includes(value))
    throw new UsageError(`unknown --format ${JSON.stringify(value)}; one of: ${FORMATS.join(', ')}`);
  return value as Format;
}

/** A flat row: what tables and CSV can hold. */
export type FlatRow = Record<string, string | number | null>;

/** Widest a text column gets in a terminal table; the full text is in the other formats. */
const TABLE_CELL_WIDTH = 60;

function cell(value: string | number | null): string {
  const text = value === null ? '' : printable(String(value).replace(/\s+/g, ' '));
  return text.length > TABLE_CELL_WIDTH ? `${text.slice(0, TABLE_CELL_WIDTH - 1)}…` : text;
}

function table(rows: FlatRow[], columns: string[]): string {
  const cells = rows.map((row) => columns.map((c) => cell(row[c] ?? null)));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i]!.length)));
  const line = (values: string[]) =>
    values
      .map((v, i) => v.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(columns), line(widths.map((w) => '─'.repeat(w))), ...cells.map(line)].join('\n') + '\n';
}

/**
 * Prints rows as an aligned table (the `tableColumns` only), or as JSON, NDJSON or CSV with a header
 * row of every column (the row writers export and search use).
 */
export async function printRows(
  rows: FlatRow[],
  format: Format,
  columns: string[],
  tableColumns: string[],
): Promise<void> {
  const writer = rowWriter(format, ['table']);
  if (writer) await writer(process.stdout, rows, columns);
  else await write(process.stdout, rows.length ? table(rows, tableColumns) : '(nothing found)\n');
}
