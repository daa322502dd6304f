// The web page's speed, beside the query module's own time for the same question: a search's
// first result visible in a real browser, and a facet click answered, p95 over repeats; and the
// weight of a search page (HTML, CSS, script). `node bench/web.mjs [--passages N]` alone, or as
// the last part of `npm run bench`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from './browser.mjs';
import { buildQueryIndex } from './query-index.mjs';

/** Passage searches of the query benchmark: common and rare words, a phrase, a prefix, NOT and OR. */
const QUERIES = [
  'probation',
  'the',
  'caseload',
  '"through the gate"',
  'caseload*',
  'probation -CRC',
  'PSO OR PO',
  'Rainsbrook',
];

const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

async function timeMs(fn) {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

/** p95 of `repeats` runs after one warm-up. */
async function p95(repeats, fn) {
  await fn();
  const ms = [];
  for (let i = 0; i < repeats; i++) ms.push(await timeMs(fn));
  return round(percentile(ms, 0.95));
}

export async function benchWeb(root, db, { repeats = 11, log = () => {} } = {}) {
  const { startServer } = await import(path.join(root, 'dist', 'web', 'server.js'));
  const { openIndex, passageFacets } = await import(path.join(root, 'dist', 'query', 'index.js'));
  const index = openIndex(db);
  const server = await startServer({ db, port: 0, host: '127.0.0.1' });
  const { browser, name } = await launchBrowser();
  try {
    const page = await (await browser.newContext({ baseURL: server.url })).newPage();
    // The weight of one search page: the HTML and everything it loads, as the browser decoded them.
    await page.goto(`/?q=${encodeURIComponent('probation')}`, { waitUntil: 'networkidle' });
    const bytes = await page.evaluate(() =>
      [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].reduce(
        (sum, entry) => sum + entry.decodedBodySize,
        0,
      ),
    );
    const weightKb = round(bytes / 1024);

    const firstCard = () => page.locator('ol.cards li, p.summary').first().waitFor();
    const rows = [];
    for (const q of QUERIES) {
      log(`web: ${q} …`);
      const url = `/?q=${encodeURIComponent(q)}`;
      const firstResult = await p95(repeats, async () => {
        await page.goto(url, { waitUntil: 'commit' });
        await firstCard();
      });
      const search = await p95(repeats, () => {
        void index.searchPassages(q, { limit: 20 }).hits;
        passageFacets(index.db, q);
      });
      // A facet click: the first value of the first facet, the page answered with its results.
      await page.goto(url);
      const facet = await page.locator('.facet a').first().getAttribute('href');
      let facetClick = null;
      let narrowed = null;
      if (facet) {
        const target = new URL(facet, server.url);
        const type = target.searchParams.get('type');
        const year = target.searchParams.get('year');
        const filters = { ...(type ? { type } : {}), ...(year ? { from: Number(year), to: Number(year) } : {}) };
        // Timed from the click to the narrowed page's first result; the search page is loaded before each.
        const clicks = [];
        for (let i = 0; i <= repeats; i++) {
          await page.goto(url, { waitUntil: 'load' });
          const started = performance.now();
          await Promise.all([
            page.waitForURL(target.href, { waitUntil: 'commit' }),
            page.locator('.facet a').first().click(),
          ]);
          await firstCard();
          if (i > 0) clicks.push(performance.now() - started);
        }
        facetClick = round(percentile(clicks, 0.95));
        narrowed = await p95(repeats, () => {
          void index.searchPassages(q, { limit: 20, ...filters }).hits;
          passageFacets(index.db, q, filters);
        });
      }
      rows.push({
        query: q,
        firstResultP95: firstResult,
        queryModuleP95: search,
        facetClickP95: facetClick,
        facetQueryModuleP95: narrowed,
      });
    }
    const passages = index.db.prepare('SELECT count(*) AS n FROM passages').get().n;
    return { browser: name, passages, repeats, searchPageKb: weightKb, queries: rows };
  } finally {
    await browser.close();
    await server.close();
    index.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const args = process.argv.slice(2);
  const passages = Number(args[args.indexOf('--passages') + 1]) || 100_000;
  const db = path.join(root, 'bench', '.work', `query-${passages}.db`);
  await buildQueryIndex(root, db, passages);
  const result = await benchWeb(root, db, { log: (line) => process.stderr.write(`${line}\n`) });
  const stamp = new Date().toISOString();
  const out = path.join(
    root,
    'bench',
    'results',
    `${stamp.slice(0, 10)}T${stamp.slice(11, 16).replace(':', '')}-web-${passages}.json`,
  );
  fs.writeFileSync(out, `${JSON.stringify({ date: stamp, ...result }, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
  console.log(`written to ${path.relative(root, out)}`);
}
