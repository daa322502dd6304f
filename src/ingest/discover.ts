import fs from 'node:fs/promises';
import path from 'node:path';

/** Extensions picked up when walking folders; files named explicitly are read whatever their name. */
const DOCUMENT_EXTENSIONS = new Set(['.pdf', '.html', '.htm', '.txt']);

export type Discovered = { source: string; file: string } | { source: string; error: string };

async function* walk(dir: string, source: string, seen: Set<string>): AsyncGenerator<Discovered> {
  const real = await fs.realpath(dir);
  if (seen.has(real)) return;
  seen.add(real);
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (err) {
    yield { source, error: `cannot read folder (${(err as NodeJS.ErrnoException).code ?? String(err)})` };
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const file = path.join(dir, entry.name);
    const childSource = path.join(source, entry.name);
    const stat = await fs.stat(file).catch(() => null);
    if (stat?.isDirectory()) yield* walk(file, childSource, seen);
    else if (stat?.isFile() && DOCUMENT_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) yield { source: childSource, file };
  }
}

/**
 * Files to ingest under the given paths, folders walked recursively in name order. A file's
 * source is the argument joined with its path below it, as the export contract requires.
 */
export async function* discover(paths: string[]): AsyncGenerator<Discovered> {
  const seen = new Set<string>();
  for (const arg of paths) {
    const stat = await fs.stat(arg).catch((err: NodeJS.ErrnoException) => err);
    if (stat instanceof Error) {
      yield { source: arg, error: stat.code === 'ENOENT' ? 'no such file or folder' : `cannot read (${stat.code ?? stat.message})` };
    } else if (stat.isDirectory()) {
      yield* walk(arg, arg, seen);
    } else {
      yield { source: arg, file: arg };
    }
  }
}
