import { write } from '../output/row-writers.js';
import { pageNote, plural, printable, rowWriter, UsageError } from './output.js';
import { openDatabase } from '../index/open.js';
import { type Citation, formatCitation, whoSaid } from '../query/citation.js';
import { searchQuotes } from '../query/quotes.js';
import { searchRecommendations } from '../query/recommendations.js';
import { highlighted, searchHitRow } from '../query/rows.js';
import type { SearchResult } from '../query/search-core.js';
import { searchPassages } from '../query/search.js';

export interface SearchCommandOptions {
  db: string;
  kind: string;
  type?: string;
  publisher?: string;
  from?: number;
  to?: number;
  limit: number;
  offset: number;
  raw?: boolean;
  timeLimit?: number;
  json?: boolean;
  format: string;
  speaker?: string;
  role?: string;
  organisation?: string;
  quoteKind?: string;
  addressee?: string;
}

/** What every kind of hit offers the printer; quotes, and passages in someone's voice, say whose words they are. */
interface PrintableHit {
  snippet: string;
  cited: string;
  citation: Citation;
  speaker?: string | null;
  role?: string | null;
  organisation?: string | null;
}

function runKind(
  opts: SearchCommandOptions,
  query: string,
  db: ReturnType<typeof openDatabase>,
): { result: SearchResult<PrintableHit>; label: (hit: PrintableHit, snippet: string) => string; noun: string } {
  const common = {
    type: opts.type,
    publisher: opts.publisher,
    from: opts.from,
    to: opts.to,
    limit: opts.limit,
    offset: opts.offset,
    raw: Boolean(opts.raw),
    timeLimit: opts.timeLimit,
  };
  const only = (allowed: string[]) => {
    const given = (['speaker', 'role', 'organisation', 'quoteKind', 'addressee'] as const).filter(
      (k) => opts[k] !== undefined && !allowed.includes(k),
    );
    if (given.length)
      throw new UsageError(`--${given[0]!.replace('quoteKind', 'quote-kind')} does not apply to --kind ${opts.kind}`);
  };
  switch (opts.kind) {
    case 'passage':
      only(['speaker', 'role']);
      return {
        result: searchPassages(db, query, { ...common, speaker: opts.speaker, role: opts.role }),
        label: (hit, snippet) => {
          // A passage of a signed foreword or a speech: whose words they are.
          const who = whoSaid(hit);
          return who ? `${snippet} — ${who}` : snippet;
        },
        noun: 'passage',
      };
    case 'quote': {
      only(['speaker', 'role', 'organisation', 'quoteKind']);
      const result = searchQuotes(db, query, {
        ...common,
        speaker: opts.speaker,
        role: opts.role,
        organisation: opts.organisation,
        kind: opts.quoteKind as 'testimony' | undefined,
      });
      return {
        result,
        label: (hit, snippet) => {
          const who = whoSaid(hit);
          return `“${snippet}”${who ? ` — ${who}` : ''}`;
        },
        noun: 'quote',
      };
    }
    case 'recommendation': {
      only(['addressee']);
      const result = searchRecommendations(db, query, { ...common, addressee: opts.addressee });
      return {
        result,
        label: (hit, snippet) => {
          const r = hit as unknown as { number: string | null; addressee: string | null };
          return `${r.number ? `[${r.number}] ` : ''}${snippet}${r.addressee ? `  → ${r.addressee}` : ''}`;
        },
        noun: 'recommendation',
      };
    }
    default:
      throw new UsageError(`unknown --kind ${JSON.stringify(opts.kind)}; one of: passage, quote, recommendation`);
  }
}

export async function runSearch(query: string, opts: SearchCommandOptions): Promise<number> {
  const db = openDatabase(opts.db, { readonly: true });
  try {
    const { result, label, noun } = runKind(opts, query, db);
    let shown = 0;
    const format = opts.json ? 'json' : opts.format;
    const writer = rowWriter(format, ['table']);
    if (writer) {
      // The fields of the hit and of its citation, the citation formatted.
      const rows = function* () {
        for (const hit of result.stream()) yield searchHitRow(hit);
      };
      shown = await writer(process.stdout, rows());
    } else {
      // isTTY is undefined, not false, on a pipe.
      const colour = process.stdout.isTTY && !process.env.NO_COLOR;
      for (const hit of result.stream()) {
        // Made printable before the highlight's own escape codes go in.
        const line = printable(label(hit, hit.snippet));
        const shownLine = colour ? highlighted(line, '\x1b[1;33m', '\x1b[0m') : highlighted(line, '**', '**');
        await write(
          process.stdout,
          `${opts.offset + ++shown}. ${shownLine}\n   ${printable(formatCitation(hit.citation))}\n\n`,
        );
      }
    }
    const more = result.total - opts.offset - shown;
    process.stderr.write(
      more > 0
        ? pageNote(shown, result.total, opts.offset, `matching ${noun}`)
        : `${result.total} matching ${plural(noun, result.total)}\n`,
    );
    return 0;
  } finally {
    db.close();
  }
}
