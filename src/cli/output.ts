import { stringify } from 'csv-stringify/sync';
import type { Writable } from 'node:stream';
import { once } from 'node:events';

/** Writes respecting back-pressure, so exporting millions of rows keeps memory flat. */
export async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

/** One JSON array, streamed item by item. */
export async function writeJsonArray(out: Writable, items: Iterable<unknown>): Promise<number> {
  let count = 0;
  await write(out, '[');
  for (const item of items) {
    await write(out, `${count === 0 ? '\n' : ',\n'}${JSON.stringify(item)}`);
    count++;
  }
  await write(out, count ? '\n]\n' : ']\n');
  return count;
}

/** One JSON object a line, streamed. */
export async function writeNdjson(out: Writable, items: Iterable<unknown>): Promise<number> {
  let count = 0;
  for (const item of items) {
    await write(out, `${JSON.stringify(item)}\n`);
    count++;
  }
  return count;
}

/**
 * CSV streamed row by row (RFC 4180 quoting, CRLF): the header is `header`, or the first row's fields, as
 * every row of one kind has the same; a value that is not text or a number is written as JSON.
 */
export async function writeCsv(out: Writable, items: Iterable<object>, header?: string[]): Promise<number> {
  let columns: string[] | null = header ?? null;
  if (columns) await write(out, stringify([columns], { record_delimiter: 'windows' }));
  let count = 0;
  const cellOf = (value: unknown): string => {
    if (value === null || value === undefined) return '';
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    return JSON.stringify(value);
  };
  for (const item of items) {
    const row = item as Record<string, unknown>;
    if (!columns) {
      columns = Object.keys(row);
      await write(out, stringify([columns], { record_delimiter: 'windows' }));
    }
    await write(out, stringify([columns.map((c) => cellOf(row[c]))], { record_delimiter: 'windows' }));
    count++;
  }
  return count;
}

/** Writes rows; `header` names CSV's columns (so that no rows still print a header). */
export type RowWriter = (out: Writable, rows: Iterable<object>, header?: string[]) => Promise<number>;

/** Rows as one JSON array, one JSON object a line, or CSV. */
const ROW_WRITERS: Record<string, RowWriter> = { json: writeJsonArray, ndjson: writeNdjson, csv: writeCsv };

/** The writer of a --format; null for one of `others`, which the command prints its own way. */
export function rowWriter(format: string, others: string[] = []): RowWriter | null {
  if (Object.hasOwn(ROW_WRITERS, format)) return ROW_WRITERS[format]!;
  if (others.includes(format)) return null;
  throw new UsageError(
    `unknown --format ${JSON.stringify(format)}; one of: ${[...others, ...Object.keys(ROW_WRITERS)].join(', ')}`,
  );
}

/**
 * Text from files and the network made safe for one terminal line: a newline or an escape
 * sequence in a file name or a title is shown as an escape ("\\n", "\\x1b"), so it can neither
 * forge a line of output nor drive the terminal.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (ch) => {
    if (ch === '\n') return '\\n';
    if (ch === '\r') return '\\r';
    if (ch === '\t') return '\\t';
    return `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
}

/** "passage" → "passages"; the nouns the CLI counts all take an s. */
export function plural(noun: string, n: number): string {
  return n === 1 ? noun : `${noun}s`;
}

/** What stderr says after a page of `total` things: how many were shown and how to see the rest. */
export function pageNote(shown: number, total: number, offset: number, noun: string): string {
  return `${shown} of ${total} ${plural(noun, total)} shown; --limit 0 shows all, --offset ${offset + shown} the next ones\n`;
}

/** A problem the user can fix: printed as one line, no stack trace. */
export class UsageError extends Error {}
