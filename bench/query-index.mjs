// An index of synthetic passages, quotes and recommendations for the query benchmark, written
// straight into the schema (ingest is measured on its own): real paragraphs of the embedded
// corpus, cut into sentences and recombined, so doclists are as long as in real reports.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { corpusParagraphs, random } from './generate.mjs';

const TYPES = ['inspection', 'research', 'committee-report', 'oral-evidence', 'blog', 'thematic'];
const ROLES = ['PO', 'PSO', 'SPO', 'Chair', 'NPS senior official'];
const BODIES = ['Ministry of Justice', 'HMPPS', 'the CRC', 'the NPS', 'MTC'];
const PASSAGES_PER_DOCUMENT = 100;

/** Builds `file` (once; cached while its schema is current) with `passages` passages, a tenth as many quotes and a twentieth as many recommendations. */
export async function buildQueryIndex(root, file, passages) {
  const { migrate, SCHEMA_VERSION } = await import(path.join(root, 'dist', 'index', 'schema.js'));
  if (fs.existsSync(file)) {
    // A cached index of an older schema is built again: the query module refuses to read it.
    const cached = new BetterSqlite3(file, { readonly: true });
    const { version } = cached.prepare('SELECT version FROM schema_version').get();
    cached.close();
    if (version === SCHEMA_VERSION) return;
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  }
  const partial = `${file}.partial`;
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(partial + suffix, { force: true });
  const conn = new BetterSqlite3(partial);
  conn.pragma('journal_mode = WAL');
  migrate(conn);
  const sentences = corpusParagraphs(root)
    .flatMap((p) => p.split(/(?<=[.!?])\s+(?=[A-Z“‘])/))
    .filter((s) => s.length > 20);
  const rand = random(3);
  const pick = () => sentences[Math.floor(rand() * sentences.length)];
  const text = (count) => Array.from({ length: count }, pick).join(' ');
  const addDoc = conn.prepare(
    "INSERT INTO documents (source, sha256, format, title, publisher, type, published, pages, status, bytes, pipeline_version, indexed_at) VALUES (?, ?, 'pdf', ?, 'HM Inspectorate of Probation', ?, ?, 20, 'indexed', 1, 0, '')",
  );
  const addPassage = conn.prepare(
    "INSERT INTO passages (document_id, ordinal, page, kind, heading, text) VALUES (?, ?, ?, 'paragraph', NULL, ?)",
  );
  const addQuote = conn.prepare(
    "INSERT INTO quotes (document_id, ordinal, page, text, role, organisation, kind) VALUES (?, ?, ?, ?, ?, ?, 'testimony')",
  );
  const addRec = conn.prepare(
    'INSERT INTO recommendations (document_id, ordinal, page, text, addressee) VALUES (?, ?, ?, ?, ?)',
  );
  const documents = passages / PASSAGES_PER_DOCUMENT;
  const batch = conn.transaction((from, to) => {
    for (let d = from; d < to; d++) {
      addDoc.run(
        `synthetic/${d}.pdf`,
        String(d),
        `Synthetic report ${d}`,
        TYPES[d % TYPES.length],
        String(2014 + (d % 10)),
      );
      for (let p = 0; p < PASSAGES_PER_DOCUMENT; p++)
        addPassage.run(d, p, 1 + (p % 20), text(1 + Math.floor(rand() * 4)));
      for (let q = 0; q < 10; q++) addQuote.run(d, q, 1, pick(), ROLES[q % ROLES.length], q % 2 ? 'CRC' : 'NPS');
      for (let r = 0; r < 5; r++) addRec.run(d, r, 1, text(2), BODIES[r % BODIES.length]);
    }
  });
  for (let d = 1; d <= documents; d += 500) batch(d, Math.min(documents + 1, d + 500));
  conn.pragma('wal_checkpoint(TRUNCATE)');
  conn.close();
  fs.renameSync(partial, file);
}
