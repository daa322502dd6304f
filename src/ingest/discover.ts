import fs from 'node:fs/promises';
import path from 'node:path';

/** Extensions picked up when walking folders; files named explicitly are read whatever their name. */
const DOCUMENT_EXTENSIONS = new Set(['.pdf', '.html', '.htm', '.txt']);

export type Discovered =
  { source: string; file: string } | { source: string; error: string } | { source: string; skipped: string };

export interface DiscoverOptions {
  /** Follow symbolic links that lead out of the folder given (by default they are skipped). */
  followLinks?: boolean;
}

/** Whether a real path lies inside a real folder. */
function inside(real: string, root: string): boolean {
  const relative = path.relative(root, real);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

async function* walk(
  dir: string,
  source: string,
  seen: Set<string>,
  root: string,
  options: DiscoverOptions,
): AsyncGenerator<Discovered> {
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
    if (entry.isSymbolicLink() && !options.followLinks) {
      // "ln -s /etc/passwd in/p.txt": a link may lead anywhere; only what lies inside the folder given is read.
      const target = await fs.realpath(file).catch(() => null);
      if (!target || !inside(target, root)) {
        yield {
          source: childSource,
          skipped: `a link to ${target ?? 'nothing'}, outside the folder given; not followed (--follow-links follows it)`,
        };
        continue;
      }
    }
    const stat = await fs.stat(file).catch(() => null);
    if (stat?.isDirectory()) yield* walk(file, childSource, seen, root, options);
    else if (stat?.isFile() && DOCUMENT_EXTENSIONS.has(path.extname(entry.name).toLowerCase()))
      yield { source: childSource, file };
  }
}

/**
 * Files to ingest under the given paths, folders walked recursively in name order. A file's
 * source is the argument joined with its path below it, as the export contract requires.
 */
export async function* discover(paths: string[], options: DiscoverOptions = {}): AsyncGenerator<Discovered> {
  const seen = new Set<string>();
  for (const arg of paths) {
    const stat = await fs.stat(arg).catch((err: unknown) => ({ failed: err as NodeJS.ErrnoException }));
    if ('failed' in stat) {
      const { code, message } = stat.failed;
      yield { source: arg, error: code === 'ENOENT' ? 'no such file or folder' : `cannot read (${code ?? message})` };
    } else if (stat.isDirectory()) {
      yield* walk(arg, arg, seen, await fs.realpath(arg), options);
    } else {
      yield { source: arg, file: arg };
    }
  }
}
