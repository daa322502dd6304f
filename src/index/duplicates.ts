import type { Database } from 'better-sqlite3';

/** The finding tables whose rows are facts a blog or a later report copies word for word. */
export const FACT_TABLES = ['quotes', 'recommendations', 'figures', 'ratings'] as const;
export type FactTable = (typeof FACT_TABLES)[number];

/** Words as a copy keeps them: case, punctuation, curly or straight marks and spacing do not make a new fact. */
export function normalisedWords(text: string | null): string {
  return (text ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Below this many words a quote ("Thank you, Chair.", "Of course.") is the same fact only when the
 * same person says it: short answers recur in unrelated hearings.
 */
const SHORT_QUOTE_WORDS = 8;

function quoteKey(row: Record<string, unknown>): string {
  const words = normalisedWords(row.text as string);
  if (words.split(' ').length >= SHORT_QUOTE_WORDS) return words;
  const surname = normalisedWords(row.speaker as string | null)
    .split(' ')
    .pop();
  return `${words}|${surname ?? ''}`;
}

/**
 * What makes two findings of a table the same fact (`key`, from `columns`), and what tells apart two
 * findings of one document that share a key (`who`). Words quoted twice in one document by the same
 * person, or a recommendation printed twice, are one fact pasted twice; figures and ratings alike
 * in one document are each a fact of their own ("Around 20% goes on the courts system, while a
 * further roughly 20% is spent on legal aid"), so `who` is left out and each counts apart.
 */
const FACT_KEYS: Record<
  FactTable,
  { columns: string[]; key: (row: Record<string, unknown>) => string; who?: (row: Record<string, unknown>) => string }
> = {
  quotes: {
    columns: ['text', 'speaker', 'role', 'organisation'],
    key: quoteKey,
    who: (r) => JSON.stringify([r.speaker, r.role, r.organisation]),
  },
  recommendations: { columns: ['text'], key: (r) => normalisedWords(r.text as string), who: () => '' },
  figures: {
    columns: ['value', 'unit', 'phrase', 'sentence'],
    key: (r) =>
      JSON.stringify([r.value, r.unit, normalisedWords(r.phrase as string), normalisedWords(r.sentence as string)]),
  },
  ratings: {
    columns: ['subject', 'aspect', 'rating', 'count', 'evidence'],
    key: (r) =>
      JSON.stringify([
        normalisedWords(r.subject as string),
        r.aspect,
        r.rating,
        r.count,
        normalisedWords(r.evidence as string),
      ]),
  },
};

/**
 * The order in which the statement of a fact counts as the original: a primary document before a
 * blog that copies it, then the oldest dated document, then reading order.
 */
const ORIGINAL_FIRST = "d.type = 'blog', d.published IS NULL, d.published, d.source, t.ordinal";

interface FactRow {
  id: number;
  document_id: number;
  duplicate_of: number | null;
  [column: string]: unknown;
}

/**
 * Links every copy of a fact to its original (`duplicate_of`), across the whole index: listings
 * show the original once, with where else it is printed; export keeps every row. Within one
 * document, findings with one key that FACT_KEYS tells apart are different facts, the n-th of them a
 * copy only of the n-th of another document. Returns how many links changed.
 */
export function markDuplicates(db: Database): number {
  let changed = 0;
  db.transaction(() => {
    for (const table of FACT_TABLES) changed += markTable(db, table);
  })();
  return changed;
}

function markTable(db: Database, table: FactTable): number {
  const { columns, key, who } = FACT_KEYS[table];
  const rows = db
    .prepare(
      `SELECT t.id, t.document_id, t.duplicate_of, ${columns.map((c) => `t.${c}`).join(', ')}
       FROM ${table} t JOIN documents d ON d.id = t.document_id ORDER BY ${ORIGINAL_FIRST}`,
    )
    .all() as FactRow[];
  const originals = new Map<string, number>();
  /** Per document and key, the people met so far, in order (for tables without `who`, one entry per finding). */
  const inDocument = new Map<string, string[]>();
  const changes: Array<[number | null, number]> = [];
  for (const row of rows) {
    const fact = key(row);
    const own = JSON.stringify([row.document_id, fact]);
    const seen = inDocument.get(own) ?? [];
    inDocument.set(own, seen);
    // Without `who`, every finding of a document is its own: the n-th matches the n-th elsewhere.
    const whom = who ? who(row) : String(seen.length);
    if (!seen.includes(whom)) seen.push(whom);
    const slot = JSON.stringify([fact, seen.indexOf(whom)]);
    const original = originals.get(slot);
    if (original === undefined) originals.set(slot, row.id);
    const duplicateOf = original ?? null;
    if (duplicateOf !== row.duplicate_of) changes.push([duplicateOf, row.id]);
  }
  const update = db.prepare(`UPDATE ${table} SET duplicate_of = ? WHERE id = ?`);
  for (const [duplicateOf, id] of changes) update.run(duplicateOf, id);
  return changes.length;
}
