/**
 * Turns what a journalist types into a safe FTS5 MATCH expression.
 *
 *   words are ANDed · "quoted phrases" · -word and -"phrase" exclude · word* is a prefix ·
 *   OR between two terms · everything else is literal text
 *
 * Every term is emitted as an FTS5 string ("..." with inner quotes doubled), so punctuation,
 * colons, NEAR, AND, NOT, parentheses and column names in the input can never become syntax.
 */

export type FtsQuery = { match: string } | { match: null; reason: string };

type Token = { kind: 'term'; text: string; negated: boolean; prefix: boolean } | { kind: 'or' };

/** Characters unicode61 indexes; a term without any would be an empty phrase matching nothing. */
const TOKEN_CHAR = /[\p{L}\p{N}\p{Co}]/u;

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    if (/\s/.test(input[i]!)) {
      i++;
      continue;
    }
    const negated = input[i] === '-' && i + 1 < input.length && !/\s/.test(input[i + 1]!);
    const start = negated ? i + 1 : i;
    if (input[start] === '"') {
      const close = input.indexOf('"', start + 1);
      if (close > start) {
        tokens.push({ kind: 'term', text: input.slice(start + 1, close), negated, prefix: false });
        i = close + 1;
        continue;
      }
    }
    let end = start;
    while (end < input.length && !/\s/.test(input[end]!)) end++;
    const word = input.slice(start, end);
    i = end;
    if (word === 'OR' && !negated) {
      tokens.push({ kind: 'or' });
      continue;
    }
    const prefix = /[^*]\*+$/.test(word);
    tokens.push({ kind: 'term', text: prefix ? word.replace(/\*+$/, '') : word, negated, prefix });
  }
  return tokens;
}

function quote(text: string, prefix: boolean): string {
  return `"${text.replace(/"/g, '""')}"${prefix ? ' *' : ''}`;
}

export function toFtsQuery(input: string): FtsQuery {
  const groups: string[][] = [];
  const excluded: string[] = [];
  let pendingOr = false;
  // SQLite reads the expression as a C string: a NUL would cut it short, mid-quote.
  const cleaned = input.normalize('NFC').replace(/[\u0000-\u001F\u007F]/g, ' ');
  for (const token of tokenize(cleaned)) {
    if (token.kind === 'or') {
      // OR only joins two positive terms; anywhere else it is the word "or".
      if (groups.length && !pendingOr) {
        pendingOr = true;
      } else {
        groups.push([quote('OR', false)]);
        pendingOr = false;
      }
      continue;
    }
    if (!TOKEN_CHAR.test(token.text)) continue;
    const term = quote(token.text, token.prefix);
    if (token.negated) {
      excluded.push(term);
      continue;
    }
    if (pendingOr) groups[groups.length - 1]!.push(term);
    else groups.push([term]);
    pendingOr = false;
  }
  if (pendingOr) groups.push([quote('OR', false)]);
  if (!groups.length) {
    return {
      match: null,
      reason: excluded.length ? 'a search needs at least one word that is not excluded' : 'nothing to search for',
    };
  }
  const positive = groups.map((g) => (g.length > 1 ? `(${g.join(' OR ')})` : g[0]!)).join(' AND ');
  return { match: excluded.length ? `(${positive}) NOT ${excluded.join(' NOT ')}` : positive };
}
