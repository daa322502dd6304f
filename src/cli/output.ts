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

/** A problem the user can fix: printed as one line, no stack trace. */
export class UsageError extends Error {}
