// npm run bench [-- --large] [-- --runs N]: ingest throughput against pdftotext (two processes)
// and pdf-parse, incremental re-ingest, one long PDF's memory, and query latency against the
// bare FTS5 queries they reduce to. Results: bench/results/<date>.json and a printed table.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { PDFParse } from 'pdf-parse';
import { corpusParagraphs, generateCorpus, generateOne, random } from './generate.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const args = process.argv.slice(2);
const large = args.includes('--large');
const runs = Number(args[args.indexOf('--runs') + 1]) || (large ? 5 : 1);
const size = large ? { pages: 30_000, documents: 1_000, passages: 1_000_000 } : { pages: 2_000, documents: 100, passages: 100_000 };
const work = path.join(ROOT, 'bench', '.work');
const corpusDir = path.join(work, `corpus-${size.pages}`);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const log = (line) => process.stderr.write(`${line}\n`);

/** Wall seconds and peak RSS (MB) of a command, measured by GNU time. */
function timed(command, commandArgs) {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', command, ...commandArgs], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${commandArgs.join(' ')} failed: ${result.stderr}`);
  const [seconds, kb] = result.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { seconds, rssMb: kb / 1024 };
}

function ingest(db, target = corpusDir) {
  return timed(process.execPath, [CLI, 'ingest', target, '--db', db, '--quiet']);
}

log(`generating ${size.pages} pages in ${size.documents} PDFs (cached in bench/.work) …`);
await generateCorpus(ROOT, corpusDir, { pages: size.pages, documents: size.documents });
const files = fs.readdirSync(corpusDir).filter((f) => f.endsWith('.pdf')).map((f) => path.join(corpusDir, f));
const pages = files.length * Math.round(size.pages / size.documents);
const results = { date: new Date().toISOString(), machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGb: round(os.totalmem() / 2 ** 30, 1), node: process.version }, mode: large ? 'large' : 'small', pages, documents: files.length, runs };

// Ingest: the full pipeline (text, extractors, index), from an empty index each run.
const ingestRuns = [];
for (let i = 0; i < runs; i++) {
  const db = path.join(work, `ingest-${i}.db`);
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(db + suffix, { force: true });
  log(`ingest run ${i + 1}/${runs} …`);
  ingestRuns.push(ingest(db));
}
const ingestSeconds = median(ingestRuns.map((r) => r.seconds));
results.ingest = { seconds: ingestSeconds, pagesPerSecond: round(pages / ingestSeconds), peakRssMb: round(Math.max(...ingestRuns.map((r) => r.rssMb)), 0) };

// pdftotext, two processes at once (the native limit on this machine's two cores).
log('pdftotext × 2 …');
const native = [];
for (let i = 0; i < runs; i++) {
  const started = performance.now();
  spawnSync('sh', ['-c', `ls "${corpusDir}"/*.pdf | xargs -P 2 -I{} pdftotext -q {} /dev/null`]);
  native.push((performance.now() - started) / 1000);
}
results.pdftotext = { seconds: round(median(native)), pagesPerSecond: round(pages / median(native)) };

// pdf-parse, text only, the most used JavaScript extractor.
log('pdf-parse …');
const peer = [];
for (let i = 0; i < runs; i++) {
  const started = performance.now();
  for (const file of files) {
    const parser = new PDFParse({ data: new Uint8Array(fs.readFileSync(file)) });
    await parser.getText();
    await parser.destroy();
  }
  peer.push((performance.now() - started) / 1000);
}
results.pdfParse = { seconds: round(median(peer)), pagesPerSecond: round(pages / median(peer)) };
results.ratios = { ingestVsPdftotext: round(results.pdftotext.seconds / ingestSeconds, 3), ingestVsPdfParse: round(results.pdfParse.seconds / ingestSeconds, 3) };

// Incremental: nothing changed, then one file changed.
log('incremental …');
const db = path.join(work, 'ingest-0.db');
const unchanged = ingest(db);
const changed = path.join(work, 'changed');
fs.rmSync(changed, { recursive: true, force: true });
fs.cpSync(corpusDir, changed, { recursive: true });
const warm = ingest(db, changed);
fs.appendFileSync(path.join(changed, path.basename(files[0])), '\n% changed\n');
const oneChanged = ingest(db, changed);
results.incremental = { unchangedSeconds: unchanged.seconds, oneChangedSeconds: oneChanged.seconds, firstIngestOfCopySeconds: warm.seconds };

// One long PDF: memory stays flat because pages are read and released one at a time.
log('one 1,000-page PDF …');
const longPdf = path.join(work, 'long', 'long.pdf');
await generateOne(ROOT, longPdf, 1_000);
const longDb = path.join(work, 'long.db');
for (const suffix of ['', '-wal', '-shm']) fs.rmSync(longDb + suffix, { force: true });
const long = ingest(longDb, longPdf);
results.longPdf = { pages: 1_000, seconds: long.seconds, peakRssMb: round(long.rssMb, 0) };

// Queries on an index of synthetic passages built directly (the ingest is measured above).
log(`query index of ${size.passages} passages …`);
const { migrate } = await import(path.join(ROOT, 'dist', 'index', 'schema.js'));
const { openIndex } = await import(path.join(ROOT, 'dist', 'query', 'index.js'));
const { toFtsQuery } = await import(path.join(ROOT, 'dist', 'query', 'fts-query.js'));
const queryDb = path.join(work, `query-${size.passages}.db`);
if (!fs.existsSync(queryDb)) {
  const conn = new BetterSqlite3(queryDb);
  conn.pragma('journal_mode = WAL');
  migrate(conn);
  const paragraphs = corpusParagraphs(ROOT);
  const rand = random(3);
  const types = ['inspection', 'research', 'committee-report', 'oral-evidence', 'blog', 'thematic'];
  const roles = ['PO', 'PSO', 'SPO', 'Chair', 'NPS senior official'];
  const bodies = ['Ministry of Justice', 'HMPPS', 'the CRC', 'the NPS', 'MTC'];
  const addDoc = conn.prepare("INSERT INTO documents (source, sha256, format, title, publisher, type, published, pages, status, bytes, pipeline_version, indexed_at) VALUES (?, ?, 'pdf', ?, 'HM Inspectorate of Probation', ?, ?, 20, 'indexed', 1, 0, '')");
  const addPassage = conn.prepare("INSERT INTO passages (document_id, ordinal, page, kind, heading, text) VALUES (?, ?, ?, 'paragraph', NULL, ?)");
  const addQuote = conn.prepare("INSERT INTO quotes (document_id, ordinal, page, text, role, organisation, kind) VALUES (?, ?, ?, ?, ?, ?, 'testimony')");
  const addRec = conn.prepare('INSERT INTO recommendations (document_id, ordinal, page, text, addressee) VALUES (?, ?, ?, ?, ?)');
  const documents = size.passages / 100;
  conn.transaction(() => {
    for (let d = 1; d <= documents; d++) {
      addDoc.run(`synthetic/${d}.pdf`, String(d), `Synthetic report ${d}`, types[d % types.length], String(2014 + (d % 10)));
      for (let p = 0; p < 100; p++) addPassage.run(d, p, 1 + (p % 20), paragraphs[Math.floor(rand() * paragraphs.length)]);
      for (let q = 0; q < 10; q++) addQuote.run(d, q, 1, paragraphs[Math.floor(rand() * paragraphs.length)].slice(0, 200), roles[q % roles.length], q % 2 ? 'CRC' : 'NPS');
      for (let r = 0; r < 5; r++) addRec.run(d, r, 1, paragraphs[Math.floor(rand() * paragraphs.length)].slice(0, 300), bodies[r % bodies.length]);
    }
  })();
  conn.close();
}
const index = openIndex(queryDb);
const bare = index.db.prepare('SELECT rowid FROM passages_fts WHERE passages_fts MATCH ? ORDER BY rank LIMIT 20');
const bareQuotes = index.db.prepare('SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? ORDER BY rank LIMIT 20');
const bareRecs = index.db.prepare('SELECT rowid FROM recommendations_fts WHERE recommendations_fts MATCH ? ORDER BY rank LIMIT 20');
const passage = (q, f = {}) => ({ name: `passages: ${q}${Object.keys(f).length ? ` ${JSON.stringify(f)}` : ''}`, run: () => [...index.searchPassages(q, { limit: 20, ...f }).hits], bare: () => bare.all(`text : (${toFtsQuery(q).match})`) });
const QUERIES = [
  passage('probation'), passage('the'), passage('caseload'), passage('caseloads unmanageable'), passage('stress'), passage('workload'), passage('Rainsbrook'), passage('Napo'),
  passage('"through the gate"'), passage('"two thirds"'), passage('"probation service"'), passage('caseload*'), passage('rehab*'), passage('inspect*'),
  passage('probation -CRC'), passage('staff -NPS -CRC'), passage('PSO OR PO'), passage('probation', { from: 2018, to: 2020 }), passage('staff', { type: 'inspection' }),
  passage('caseload', { type: 'research', from: 2020 }), passage('"Transforming Rehabilitation"'), passage('prison OR probation staff'), passage('Ministry of Justice'), passage('zzzunlikelyword'),
  { name: 'quotes: stress by PSO in CRC', run: () => [...index.searchQuotes('stress', { role: 'PSO', organisation: 'CRC', limit: 20 }).hits], bare: () => bareQuotes.all('text : ("stress")') },
  { name: 'quotes: caseload by PO', run: () => [...index.searchQuotes('caseload', { role: 'PO', limit: 20 }).hits], bare: () => bareQuotes.all('text : ("caseload")') },
  { name: 'quotes: probation', run: () => [...index.searchQuotes('probation', { limit: 20 }).hits], bare: () => bareQuotes.all('text : ("probation")') },
  { name: 'recommendations: staff to HMPPS', run: () => [...index.searchRecommendations('staff', { addressee: 'HMPPS', limit: 20 }).hits], bare: () => bareRecs.all('text : ("staff")') },
  { name: 'recommendations: probation to Ministry of Justice', run: () => [...index.searchRecommendations('probation', { addressee: 'Ministry of Justice', limit: 20 }).hits], bare: () => bareRecs.all('text : ("probation")') },
  { name: 'recommendations: caseload*', run: () => [...index.searchRecommendations('caseload*', { limit: 20 }).hits], bare: () => bareRecs.all('text : ("caseload" *)') },
];
const REPEATS = 21;
const timeIt = (fn) => {
  fn();
  const ms = [];
  for (let i = 0; i < REPEATS; i++) {
    const started = performance.now();
    fn();
    ms.push(performance.now() - started);
  }
  return ms;
};
results.queries = QUERIES.map((q) => {
  const ours = timeIt(q.run);
  const base = timeIt(q.bare);
  return { name: q.name, p50: round(percentile(ours, 0.5)), p95: round(percentile(ours, 0.95)), bareP50: round(percentile(base, 0.5)), bareP95: round(percentile(base, 0.95)) };
});
index.close();
const all95 = results.queries.map((q) => q.p95);
results.querySummary = { passages: size.passages, worstP95: round(Math.max(...all95)), medianP95: round(median(all95)), worstRatioP95: round(Math.max(...results.queries.map((q) => q.p95 / Math.max(q.bareP95, 0.01)))) };

fs.mkdirSync(path.join(ROOT, 'bench', 'results'), { recursive: true });
const out = path.join(ROOT, 'bench', 'results', `${results.date.slice(0, 10)}-${results.mode}.json`);
fs.writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);

const rows = [
  ['ingest (full pipeline)', `${results.ingest.seconds} s`, `${results.ingest.pagesPerSecond} pages/s`, `peak RSS ${results.ingest.peakRssMb} MB`],
  ['pdftotext × 2 processes', `${results.pdftotext.seconds} s`, `${results.pdftotext.pagesPerSecond} pages/s`, `ingest = ${results.ratios.ingestVsPdftotext} × pdftotext`],
  ['pdf-parse (text only)', `${results.pdfParse.seconds} s`, `${results.pdfParse.pagesPerSecond} pages/s`, `ingest = ${results.ratios.ingestVsPdfParse} × pdf-parse`],
  ['re-ingest, unchanged', `${results.incremental.unchangedSeconds} s`, '', ''],
  ['re-ingest, one file changed', `${results.incremental.oneChangedSeconds} s`, '', ''],
  ['one 1,000-page PDF', `${results.longPdf.seconds} s`, '', `peak RSS ${results.longPdf.peakRssMb} MB`],
  [`queries on ${size.passages} passages`, `p95 worst ${results.querySummary.worstP95} ms`, `p95 median ${results.querySummary.medianP95} ms`, `worst p95 ratio to bare FTS5 ${results.querySummary.worstRatioP95}`],
];
const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length)));
console.log(`${results.mode} benchmark: ${pages} pages in ${files.length} PDFs, ${runs} run(s), ${results.machine.cpus} cores\n`);
for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd());
console.log(`\nper query (ms, p50/p95 ours vs bare FTS5):`);
for (const q of results.queries) console.log(`  ${q.name.padEnd(58)} ${String(q.p50).padStart(7)} / ${String(q.p95).padStart(7)}   bare ${String(q.bareP50).padStart(7)} / ${String(q.bareP95).padStart(7)}`);
console.log(`\nwritten to ${path.relative(ROOT, out)}`);
