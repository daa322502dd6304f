import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/index/open.js';
import { createApp } from '../src/web/app.js';
import type { RunningServer } from '../src/web/server.js';
import { runCli } from './helpers.js';
import { serveTestIndex } from './support/web-index.js';

let server: RunningServer;
let db: string;
let hostile: string;

beforeAll(async () => {
  ({ server, db, hostile } = await serveTestIndex());
});

afterAll(async () => {
  await server.close();
});

const get = (url: string) => fetch(new URL(url, server.url));
const text = async (url: string) => {
  const response = await get(url);
  return { status: response.status, body: await response.text(), headers: response.headers };
};
/** The alert line of a problem page. */
const problem = (body: string) => /role="alert">([^<]*)</.exec(body)?.[1];

describe('report-miner serve: the routes', () => {
  it('binds the loopback address on a free port', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('searches quotes: cards with the marked words, who said them, the citation, and facet counts that add up', async () => {
    const { status, body, headers } = await text('/?q=stress*&kind=quotes');
    expect(status).toBe(200);
    expect(headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(headers.get('content-security-policy')).not.toContain('unsafe-inline');
    expect(body).toContain('It’s very <mark>stressful</mark>. I am waking up in the night worrying.');
    expect(body).toContain('— PSO, CRC');
    const total = Number(/of (\d+) quotes/.exec(body)?.[1]);
    expect(total).toBeGreaterThan(3);
    // The organisation facet's counts add up to at most the hits (some quotes name none), each a link narrowing to it.
    const crc = /href="([^"]*organisation=CRC)">CRC <span class="count">(\d+)</.exec(body)!;
    expect(Number(crc[2])).toBeLessThanOrEqual(total);
    const narrowed = await text(crc[1]!.replaceAll('&amp;', '&'));
    expect(Number(/of (\d+) quotes/.exec(narrowed.body)?.[1])).toBe(Number(crc[2]));
    expect(narrowed.body).toMatch(/aria-label="Remove filter Organisation: CRC"/);
  });

  it('shows the hits without facets when counting them takes longer than their time limit', async () => {
    const conn = openDatabase(db, { readonly: true });
    try {
      const app = createApp(conn, { timeLimit: 10, facetTimeLimit: 1e-6 });
      const response = await app.request('/?q=probation');
      const body = await response.text();
      expect(response.status).toBe(200);
      expect(body).toMatch(/of \d+ passages/);
      expect(body).toContain('This search matches too much to count its facets in time');
      expect(body).not.toContain('class="facet"');
    } finally {
      conn.close();
    }
  });

  it('pages through results, and the URL holds the page', async () => {
    const first = await text('/?q=probation');
    const pages = Number(/Page 1 of (\d+)/.exec(first.body)?.[1]);
    expect(pages).toBeGreaterThan(1);
    const second = await text('/?q=probation&page=2');
    expect(second.body).toContain(`Page 2 of ${pages}`);
    expect(second.body).toMatch(/<ol class="cards" start="21">/);
  });

  it('downloads every row as the CLI prints them', async () => {
    const web = await text('/search.csv?q=stress*&kind=quotes');
    expect(web.headers.get('content-type')).toMatch(/text\/csv/);
    const cli = runCli(['search', 'stress*', '--kind', 'quote', '--format', 'csv', '--limit', '0', '--db', db]);
    expect(cli.status).toBe(0);
    expect(web.body).toBe(cli.stdout);
    const json = JSON.parse((await text('/search.json?kind=ratings')).body) as Array<{ rating: string }>;
    const cliRatings = JSON.parse(
      runCli(['ratings', '--format', 'json', '--limit', '0', '--db', db]).stdout,
    ) as unknown[];
    expect(json).toEqual(cliRatings);
  });

  it('shows a document: metadata, findings, its text with the cited words marked, and the PDF to draw', async () => {
    const source = path.join(path.dirname(db), '..'); // not a document
    expect((await get(`/document?source=${encodeURIComponent(source)}`)).status).toBe(404);
    const quotes = await text('/?q=stressful&kind=quotes');
    const link = /href="(\/document\?[^"]+)"\s*>Open page 10/.exec(quotes.body)![1]!.replaceAll('&amp;', '&');
    const page = await text(link);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Caseloads, workloads and staffing levels in probation services');
    expect(page.body).toMatch(/<section\s+class="page-text cited"\s+id="page-10"\s*>/);
    expect(page.body).toContain('<mark>stressful</mark>');
    const file = /data-file="([^"]+)"/.exec(page.body)![1]!.replaceAll('&amp;', '&');
    const pdf = await get(file);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('serves only the files the index holds as documents', async () => {
    for (const source of ['/etc/passwd', path.resolve('package.json'), hostile]) {
      const response = await text(`/document/file?source=${encodeURIComponent(source)}`);
      expect(response.status, source).toBe(404);
    }
    expect((await get('/assets/../package.json')).status).toBe(404);
    expect((await get('/assets/pdfjs/pdf.worker.min.mjs')).status).toBe(200);
  });

  it('shows a hostile document’s markup as text', async () => {
    const page = await text(`/document?source=${encodeURIComponent(hostile)}`);
    expect(page.status).toBe(200);
    expect(page.body).not.toContain('<script>window.pwned');
    expect(page.body).not.toContain('<img src=x');
    expect(page.body).toContain('&lt;script&gt;window.pwned = 1&lt;/script&gt;');
    const search = await text('/?q=pwned');
    expect(search.body).toContain('&lt;img src=x onerror=');
    expect(search.body).not.toMatch(/<img src=x/);
  });

  it('refuses bad parameters in one line with a 400, and an unknown page with a 404', async () => {
    const cases: Array<[string, RegExp]> = [
      ['/?kind=inspections', /^bad parameter kind: one of passages, quotes/],
      ['/?q=caseload&page=0', /^bad parameter page: pages start at 1/],
      ['/?q=t*', /prefix &quot;t\*&quot; is too short/],
      ['/?q=caseload&year=20l9', /^bad parameter year/],
      [`/?q=${'x'.repeat(1001)}`, /^bad parameter q: at most 1000 characters/],
      ['/document', /^bad parameter source/],
    ];
    for (const [url, message] of cases) {
      const { status, body } = await text(url);
      expect(status, url).toBe(400);
      expect(problem(body), url).toMatch(message);
      expect(body, url).not.toMatch(/at .*\.js:\d+/);
    }
    const missing = await text('/no-such-page');
    expect(missing.status).toBe(404);
    expect(problem(missing.body)).toBe('no page /no-such-page here');
  });

  it('draws the ratings and caseloads charts, and shows the tables beside them', async () => {
    for (const chart of ['ratings', 'caseloads']) {
      const svg = await get(`/charts/${chart}.svg`);
      expect(svg.headers.get('content-type')).toMatch(/image\/svg\+xml/);
      expect(await svg.text()).toMatch(/^<svg/);
    }
    const ratings = await text('/ratings');
    // A provider's row links to its ratings, and its year's cell holds its rating.
    expect(ratings.body).toMatch(
      /<th scope="row"><a href="\/\?kind=ratings&amp;provider=Dorset%2C%20Devon%20and%20Cornwall%20CRC">Dorset, Devon and Cornwall CRC<\/a><\/th>\s*<td>inadequate<\/td>/,
    );
    const caseloads = await text('/caseloads');
    expect(caseloads.body).toMatch(/<td>CRC<\/td>/);
    const recommendations = await text('/recommendations');
    expect(recommendations.status).toBe(200);
    const documents = await text('/documents');
    expect(documents.body).toContain('A note with &lt;script&gt; in it');
  });
});
