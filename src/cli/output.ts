import { type RowWriter, writeCsv, writeJsonArray, writeNdjson } from '../output/row-writers.js';

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
