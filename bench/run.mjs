// npm run bench [-- --large] [-- --runs N]: ingest throughput against pdftotext (two processes),
// pdfjs's text stage alone (one process per core) and pdf-parse; incremental re-ingest; one long
// PDF's memory; query latency against the bare SQL each query reduces to.
// Results: bench/results/<date>T<hhmm>-<mode>.json and a printed table.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFParse } from 'pdf-parse';
import { generateCorpus, generateOne } from './generate.mjs';
import { benchmarkQueries } from './queries.mjs';
import { buildQueryIndex } from './query-index.mjs';
import { benchOcr } from './ocr.mjs';
import { timed } from './timed.mjs';
import { benchWeb } from './web.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const args = process.argv.slice(2);
const large = args.includes('--large');
const runs = Number(args[args.indexOf('--runs') + 1]) || (large ? 5 : 3);
const size = large
  ? { pages: 30_000, documents: 1_000, passages: 1_000_000 }
  : { pages: 2_000, documents: 100, passages: 100_000 };
const work = path.join(ROOT, 'bench', '.work');
const corpusDir = path.join(work, `corpus-${size.pages}`);
const QUERY_REPEATS = 21;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const log = (line) => process.stderr.write(`${line}\n`);

// The baselines are Debian tools; without them the comparison would be silently wrong.
for (const [tool, pkg] of [
  ['pdftotext', 'poppler-utils'],
  ['/usr/bin/time', 'time'],
]) {
  if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) {
    log(`bench: ${tool} is missing; install it with: apt-get install -y ${pkg}`);
    process.exit(2);
  }
}
if (!fs.existsSync(CLI)) {
  log('bench: dist/ is missing; run npm run build first');
  process.exit(2);
}

function ingest(db, target = corpusDir) {
  return timed(process.execPath, [CLI, 'ingest', target, '--db', db, '--quiet']);
}

function removeDb(db) {
  for (const suffix of ['', '-wal', '-shm', '.lock', '.lock-holder', '.lock-journal'])
    fs.rmSync(db + suffix, { force: true });
}

/** Runs `runs` times; the median of the seconds each returns. */
async function medianOf(label, once) {
  const seconds = [];
  for (let i = 0; i < runs; i++) {
    log(`${label} ${i + 1}/${runs} …`);
    seconds.push(await once(i));
  }
  return { seconds: median(seconds), all: seconds };
}

/** Splits the files over `processes` commands started at once; wall seconds until the last ends. */
async function inParallel(files, processes, command) {
  const started = performance.now();
  await Promise.all(
    Array.from(
      { length: processes },
      (_, p) =>
        new Promise((resolve, reject) => {
          const [cmd, ...cmdArgs] = command(files.filter((_, i) => i % processes === p));
          const child = spawn(cmd, cmdArgs, { stdio: ['ignore', 'ignore', 'inherit'] });
          child.on('error', reject);
          child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} exited with ${code}`))));
        }),
    ),
  );
  return (performance.now() - started) / 1000;
}

log(`generating ${size.pages} pages in ${size.documents} PDFs (cached in bench/.work) …`);
await generateCorpus(ROOT, corpusDir, { pages: size.pages, documents: size.documents });
const files = fs
  .readdirSync(corpusDir)
  .filter((f) => f.endsWith('.pdf'))
  .sort()
  .map((f) => path.join(corpusDir, f));
const pages = files.length * Math.round(size.pages / size.documents);
const cores = os.availableParallelism();
const results = {
  date: new Date().toISOString(),
  machine: {
    cpus: cores,
    model: os.cpus()[0]?.model,
    memoryGb: round(os.totalmem() / 2 ** 30, 1),
    node: process.version,
    pdftotext: spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).stderr.split('\n')[0],
  },
  mode: large ? 'large' : 'small',
  pages,
  documents: files.length,
  runs,
};

// Ingest: the full pipeline (text, extractors, index), from an empty index each run.
const ingestRuns = [];
const ingestTime = await medianOf('ingest', (i) => {
  const db = path.join(work, `ingest-${i}.db`);
  removeDb(db);
  const run = ingest(db);
  ingestRuns.push(run);
  return run.seconds;
});
results.ingest = {
  seconds: ingestTime.seconds,
  runs: ingestTime.all,
  pagesPerSecond: round(pages / ingestTime.seconds),
  peakRssMb: round(Math.max(...ingestRuns.map((r) => r.rssMb)), 0),
};

// pdftotext, one process per core (the native limit on this machine).
const native = await medianOf(`pdftotext × ${cores}`, () =>
  inParallel(files, cores, (part) => [
    'sh',
    '-c',
    'for f in "$@"; do pdftotext -q "$f" /dev/null || exit 1; done',
    'pdftotext',
    ...part,
  ]),
);
results.pdftotext = {
  processes: cores,
  seconds: round(native.seconds),
  runs: native.all.map((s) => round(s)),
  pagesPerSecond: round(pages / native.seconds),
};

// The text stage of ingest alone, one process per core: what any pdfjs-based pipeline can reach here.
const textStage = await medianOf(`pdfjs text stage × ${cores}`, () =>
  inParallel(files, cores, (part) => [process.execPath, path.join(ROOT, 'bench', 'pdfjs-text.mjs'), ...part]),
);
results.pdfjsText = {
  processes: cores,
  seconds: round(textStage.seconds),
  runs: textStage.all.map((s) => round(s)),
  pagesPerSecond: round(pages / textStage.seconds),
};

// pdf-parse, text only, the most used JavaScript extractor, in one process as it is used.
const peer = await medianOf('pdf-parse', async () => {
  const started = performance.now();
  for (const file of files) {
    const parser = new PDFParse({ data: new Uint8Array(fs.readFileSync(file)) });
    await parser.getText();
    await parser.destroy();
  }
  return (performance.now() - started) / 1000;
});
results.pdfParse = {
  seconds: round(peer.seconds),
  runs: peer.all.map((s) => round(s)),
  pagesPerSecond: round(pages / peer.seconds),
};
results.ratios = {
  ingestVsPdftotext: round(results.pdftotext.seconds / ingestTime.seconds, 3),
  ingestVsPdfParse: round(results.pdfParse.seconds / ingestTime.seconds, 3),
  ingestVsPdfjsText: round(results.pdfjsText.seconds / ingestTime.seconds, 3),
  pdfjsTextVsPdftotext: round(results.pdftotext.seconds / results.pdfjsText.seconds, 3),
};

// Incremental: nothing changed, then one file changed.
log('incremental …');
const db = path.join(work, 'ingest-0.db');
const unchanged = ingest(db);
const changed = path.join(work, 'changed');
fs.rmSync(changed, { recursive: true, force: true });
fs.cpSync(corpusDir, changed, { recursive: true });
const copy = ingest(db, changed);
fs.appendFileSync(path.join(changed, path.basename(files[0])), '\n% changed\n');
const oneChanged = ingest(db, changed);
results.incremental = {
  unchangedSeconds: unchanged.seconds,
  oneChangedSeconds: oneChanged.seconds,
  firstIngestOfCopySeconds: copy.seconds,
};

// One long PDF: memory stays flat because pages are read and released one at a time.
log('one 1,000-page PDF …');
const longPdf = path.join(work, 'long', 'long.pdf');
await generateOne(ROOT, longPdf, 1_000);
const longDb = path.join(work, 'long.db');
removeDb(longDb);
const long = ingest(longDb, longPdf);
results.longPdf = { pages: 1_000, seconds: long.seconds, peakRssMb: round(long.rssMb, 0) };

// Queries, on an index of synthetic passages built directly (the ingest is measured above).
log(`query index of ${size.passages} passages (cached in bench/.work) …`);
const queryDb = path.join(work, `query-${size.passages}.db`);
await buildQueryIndex(ROOT, queryDb, size.passages);
const { openIndex } = await import(path.join(ROOT, 'dist', 'query', 'index.js'));
const { toFtsQuery } = await import(path.join(ROOT, 'dist', 'query', 'fts-query.js'));
const index = openIndex(queryDb);
const timeIt = (fn) => {
  fn();
  const ms = [];
  for (let i = 0; i < QUERY_REPEATS; i++) {
    const started = performance.now();
    fn();
    ms.push(performance.now() - started);
  }
  return ms;
};
const hitIds = (hits) => hits.map((h) => h.passageId ?? h.quoteId ?? h.recommendationId).sort((a, b) => a - b);
log('queries …');
results.queries = benchmarkQueries(index, toFtsQuery).map((q) => {
  const [total, hits] = q.run();
  const bareIds = q
    .bare()
    .map((r) => r.rowid)
    .sort((a, b) => a - b);
  const ours = timeIt(q.run);
  const base = timeIt(q.bare);
  const row = {
    name: q.name,
    total,
    p50: round(percentile(ours, 0.5)),
    p95: round(percentile(ours, 0.95)),
    bareP50: round(percentile(base, 0.5)),
    bareP95: round(percentile(base, 0.95)),
  };
  return {
    ...row,
    ratioP95: round(row.p95 / Math.max(row.bareP95, 0.01)),
    sameRows: JSON.stringify(hitIds(hits)) === JSON.stringify(bareIds),
  };
});
index.close();
const all95 = results.queries.map((q) => q.p95);
const ratios = results.queries.map((q) => q.ratioP95);
// Where the bare query takes under a millisecond, the ratio measures fixed costs, not the search.
const substantial = results.queries.filter((q) => q.bareP95 >= 1);
results.querySummary = {
  passages: size.passages,
  worstP95: round(Math.max(...all95)),
  medianP95: round(median(all95)),
  within50ms: all95.filter((ms) => ms <= 50).length,
  bareWithin50ms: results.queries.filter((q) => q.bareP95 <= 50).length,
  medianRatioP95: round(median(ratios)),
  medianRatioP50: round(median(results.queries.map((q) => q.p50 / Math.max(q.bareP50, 0.01)))),
  worstRatioP95: round(Math.max(...ratios)),
  worstRatioP95AtLeast1ms: substantial.length ? round(Math.max(...substantial.map((q) => q.ratioP95))) : null,
  within1_3x: ratios.filter((r) => r <= 1.3).length,
  sameRows: results.queries.every((q) => q.sameRows),
};

// OCR of the scanned test fixtures, beside Debian's tesseract where installed; text-layer ingest with and without it.
log('OCR …');
results.ocr = await benchOcr(ROOT, { log });

// The web page on the same index: first result and a facet click in a real browser, beside the query module.
log('web page …');
results.web = await benchWeb(ROOT, queryDb, { log });
const webRows = results.web.queries;
results.webSummary = {
  firstResultP95Median: median(webRows.map((q) => q.firstResultP95)),
  queryModuleP95Median: median(webRows.map((q) => q.queryModuleP95)),
  facetClickP95Median: median(webRows.filter((q) => q.facetClickP95 !== null).map((q) => q.facetClickP95)),
  searchPageKb: results.web.searchPageKb,
};

fs.mkdirSync(path.join(ROOT, 'bench', 'results'), { recursive: true });
const out = path.join(
  ROOT,
  'bench',
  'results',
  `${results.date.slice(0, 10)}T${results.date.slice(11, 16).replace(':', '')}-${results.mode}.json`,
);
fs.writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);

const s = results.querySummary;
const rows = [
  [
    'ingest (full pipeline)',
    `${results.ingest.seconds} s`,
    `${results.ingest.pagesPerSecond} pages/s`,
    `peak RSS ${results.ingest.peakRssMb} MB`,
  ],
  [
    `pdftotext × ${cores} processes`,
    `${results.pdftotext.seconds} s`,
    `${results.pdftotext.pagesPerSecond} pages/s`,
    `ingest = ${results.ratios.ingestVsPdftotext} × pdftotext (target ≥ 0.4)`,
  ],
  [
    `pdfjs text stage × ${cores}`,
    `${results.pdfjsText.seconds} s`,
    `${results.pdfjsText.pagesPerSecond} pages/s`,
    `ingest = ${results.ratios.ingestVsPdfjsText} × it; it = ${results.ratios.pdfjsTextVsPdftotext} × pdftotext`,
  ],
  [
    'pdf-parse (text only)',
    `${results.pdfParse.seconds} s`,
    `${results.pdfParse.pagesPerSecond} pages/s`,
    `ingest = ${results.ratios.ingestVsPdfParse} × pdf-parse (target > 1)`,
  ],
  ['re-ingest, unchanged', `${results.incremental.unchangedSeconds} s`, '', 'target < 2 s (small)'],
  ['re-ingest, one file changed', `${results.incremental.oneChangedSeconds} s`, '', ''],
  ['one 1,000-page PDF', `${results.longPdf.seconds} s`, '', `peak RSS ${results.longPdf.peakRssMb} MB (target < 600)`],
  [
    `queries on ${size.passages} passages`,
    `p95 worst ${s.worstP95} ms`,
    `p95 median ${s.medianP95} ms`,
    `${s.within50ms}/${all95.length} within 50 ms (bare SQL: ${s.bareWithin50ms})`,
  ],
  [
    'queries vs bare SQL',
    `p95 ratio median ${s.medianRatioP95} (p50: ${s.medianRatioP50})`,
    `worst ${s.worstRatioP95}`,
    `${s.within1_3x}/${ratios.length} within 1.3 ×; same rows: ${s.sameRows}`,
  ],
  [
    `OCR, ${results.ocr.pages} scanned pages`,
    `${results.ocr.pagesPerSecond} pages/s`,
    results.ocr.tesseractCli
      ? `tesseract CLI ${results.ocr.tesseractCli.pagesPerSecond} pages/s`
      : 'tesseract CLI not installed',
    `peak RSS ${results.ocr.peakRssMb} MB; corpus with OCR on / off ${results.ocr.textLayerRatio}`,
  ],
  [
    `web page (${results.web.browser})`,
    `first result p95 median ${results.webSummary.firstResultP95Median} ms`,
    `facet click ${results.webSummary.facetClickP95Median} ms`,
    `query module ${results.webSummary.queryModuleP95Median} ms; search page ${results.webSummary.searchPageKb} KB`,
  ],
];
const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length)));
console.log(
  `${results.mode} benchmark: ${pages} pages in ${files.length} PDFs, median of ${runs} run(s), ${cores} cores\n`,
);
for (const r of rows)
  console.log(
    r
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd(),
  );
console.log('\nper query (ms, p50 / p95, ours vs bare SQL):');
for (const q of results.queries) {
  console.log(
    `  ${q.name.padEnd(62)} ${String(q.p50).padStart(8)} / ${String(q.p95).padStart(8)}   bare ${String(q.bareP50).padStart(8)} / ${String(q.bareP95).padStart(8)}   ×${q.ratioP95}${q.sameRows ? '' : '  (rows differ)'}`,
  );
}
console.log(`\nwritten to ${path.relative(ROOT, out)}`);
