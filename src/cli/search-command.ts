import { openDatabase } from '../index/open.js';
import { HIGHLIGHT_END, HIGHLIGHT_START, searchPassages, type PassageHit, type SearchFilters } from '../query/search.js';
import { write, writeJsonArray } from './output.js';

export interface SearchCommandOptions extends Omit<SearchFilters, 'limit'> {
  db: string;
  limit: number;
  json?: boolean;
}

const highlight = (snippet: string, on: string, off: string) => snippet.replaceAll(HIGHLIGHT_START, on).replaceAll(HIGHLIGHT_END, off);

function forJson(hit: PassageHit) {
  return {
    snippet: highlight(hit.snippet, '**', '**'),
    text: hit.text,
    heading: hit.heading,
    kind: hit.kind,
    type: hit.type,
    score: hit.score,
    ...hit.citation,
    citation: hit.cited,
  };
}

function forTerminal(hit: PassageHit, rank: number, colour: boolean): string {
  const snippet = colour ? highlight(hit.snippet, '\x1b[1;33m', '\x1b[0m') : highlight(hit.snippet, '**', '**');
  const heading = hit.heading ? `  [${hit.heading}]` : '';
  return `${rank}. ${snippet}\n   ${hit.cited}${heading}\n\n`;
}

export async function runSearch(query: string, opts: SearchCommandOptions): Promise<number> {
  const db = openDatabase(opts.db, { readonly: true });
  try {
    const { db: _db, json, ...filters } = opts;
    const result = searchPassages(db, query, filters);
    let shown = 0;
    if (json) {
      shown = await writeJsonArray(process.stdout, (function* () { for (const hit of result.hits) yield forJson(hit); })());
    } else {
      const colour = Boolean(process.stdout.isTTY);
      for (const hit of result.hits) await write(process.stdout, forTerminal(hit, (opts.offset ?? 0) + ++shown, colour));
    }
    const more = result.total - (opts.offset ?? 0) - shown;
    process.stderr.write(
      more > 0
        ? `${shown} of ${result.total} matching passages shown; --limit 0 shows all, --offset ${(opts.offset ?? 0) + shown} the next ones\n`
        : `${result.total} matching passage${result.total === 1 ? '' : 's'}\n`,
    );
    return 0;
  } finally {
    db.close();
  }
}
