/**
 * Rows written to a stream as one JSON array, NDJSON or CSV, respecting back-pressure: what the CLI
 * prints and the web page downloads, so the two give the same bytes.
 */
import { stringify } from 'csv-stringify/sync';
import { once } from 'node:events';
import type { Writable } from 'node:stream';

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
