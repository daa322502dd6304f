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

/** A problem the user can fix: printed as one line, no stack trace. */
export class UsageError extends Error {}
