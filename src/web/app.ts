/**
 * The web page over an index: routes that ask the query module and render its answers. Read-only;
 * every page escapes what it shows; a bad parameter is a 400 and a missing document a 404, each
 * in one line.
 */
import fs from 'node:fs';
import { Readable, PassThrough } from 'node:stream';
import type { Database } from 'better-sqlite3';
import { Hono } from 'hono';
import { ratingsChart, caseloadsOf, chartedRows } from '../charts/specs.js';
import { toSvg } from '../charts/render.js';
import { writeCsv, writeJsonArray } from '../output/row-writers.js';
import { messageOf } from '../error-message.js';
import { documentDetail, indexedDocument } from '../query/document-detail.js';
import { listDocuments } from '../query/documents.js';
import { caseloadSummary, figures } from '../query/figures.js';
import { ratings, ratingTallies } from '../query/ratings.js';
import { linkResponses } from '../query/responses.js';
import { SearchError } from '../query/search-core.js';
import { recurringRecommendations } from '../query/tracking.js';
import { assetFile } from './assets.js';
import { documentPage } from './document-page.js';
import { allRows, findPage, type FinderOptions } from './finder.js';
import { problemPage } from './layout.js';
import { caseloadsPage, documentsPage, ratingsPage, recommendationsPage } from './listing-pages.js';
import { searchPage } from './search-page.js';
import { BadRequest, parseSearchState } from './search-state.js';

export type AppOptions = FinderOptions;

/** No script but the tool's own files, no inline script or style, nothing from elsewhere; pdf.js needs its worker and fonts. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

class NotFound extends Error {}

/** The search words' own terms, for a page opened without a hit's snippet: letters and digits only. */
const wordsOf = (hl: string | undefined) => (hl ?? '').split(/\s+/).filter((w) => /^[\p{L}\p{N}’'-]{2,40}$/u.test(w));

export function createApp(db: Database, options: AppOptions): Hono {
  const app = new Hono();

  app.use(async (c, next) => {
    await next();
    c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
  });

  app.get('/', async (c) => {
    const state = parseSearchState(c.req.query());
    const searched = state.q.trim() !== '' || c.req.query('kind') !== undefined;
    return c.html(await searchPage(state, searched ? findPage(db, state, options) : null));
  });

  for (const format of ['csv', 'json'] as const) {
    app.get(`/search.${format}`, (c) => {
      const state = parseSearchState(c.req.query());
      const { rows, header } = allRows(db, state, options);
      const out = new PassThrough();
      const written = format === 'csv' ? writeCsv(out, rows, header) : writeJsonArray(out, rows);
      written.then(
        () => out.end(),
        (err: unknown) => out.destroy(err instanceof Error ? err : new Error(messageOf(err))),
      );
      c.header('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="report-miner-${state.kind}.${format}"`);
      return c.body(Readable.toWeb(out) as ReadableStream);
    });
  }

  app.get('/document', async (c) => {
    const source = c.req.query('source');
    if (!source) throw new BadRequest('bad parameter source: which document (its file or URL) is missing');
    const detail = documentDetail(db, source);
    if (!detail) throw new NotFound(`no document ${JSON.stringify(source)} in this index`);
    const pageParam = c.req.query('page');
    const page = pageParam === undefined ? null : Number(pageParam);
    if (page !== null && (!Number.isInteger(page) || page < 1 || (detail.pages !== null && page > detail.pages)))
      throw new BadRequest(`bad parameter page: ${JSON.stringify(pageParam)} is not a page of this document`);
    const pdf = detail.format === 'pdf' && fs.existsSync(detail.source);
    const pdfUrl = pdf ? `/document/file?${new URLSearchParams({ source }).toString()}` : null;
    return c.html(await documentPage(detail, { page, words: wordsOf(c.req.query('hl')), pdfUrl }));
  });

  app.get('/document/file', (c) => {
    const source = c.req.query('source') ?? '';
    // Only a file the index holds as a document, never a path a URL names.
    const detail = indexedDocument(db, source);
    if (!detail || detail.format !== 'pdf' || !fs.existsSync(detail.source))
      throw new NotFound(`no PDF file for ${JSON.stringify(source)} on this machine`);
    c.header('Content-Type', 'application/pdf');
    return c.body(Readable.toWeb(fs.createReadStream(detail.source)) as ReadableStream);
  });

  app.get('/documents', async (c) => c.html(await documentsPage([...listDocuments(db)])));
  app.get('/ratings', async (c) => c.html(await ratingsPage(ratings(db, { aspect: 'overall' }))));
  app.get('/caseloads', async (c) => c.html(await caseloadsPage(caseloadSummary(db))));
  app.get('/recommendations', async (c) =>
    c.html(await recommendationsPage(recurringRecommendations(db), linkResponses(db))),
  );

  app.get('/charts/:name{(ratings|caseloads)\\.svg}', async (c) => {
    const spec =
      c.req.param('name') === 'ratings.svg'
        ? ratingsChart(ratingTallies(db, { aspect: 'overall' }), 'overall')
        : caseloadsOf(figures(db, { topic: 'caseload', unit: 'cases' }), undefined);
    if (!chartedRows(spec)) throw new NotFound('nothing in this index to chart');
    c.header('Content-Type', 'image/svg+xml; charset=utf-8');
    return c.body(await toSvg(spec));
  });

  app.get('/assets/*', (c) => {
    const asset = assetFile(c.req.path.slice('/assets/'.length));
    if (!asset) throw new NotFound(`no file ${c.req.path}`);
    c.header('Content-Type', asset.type);
    c.header('Cache-Control', 'no-cache');
    return c.body(Readable.toWeb(fs.createReadStream(asset.file)) as ReadableStream);
  });

  app.notFound(async (c) => c.html(await problemPage('Not found', `no page ${c.req.path} here`), 404));

  app.onError(async (err, c) => {
    if (err instanceof NotFound) return c.html(await problemPage('Not found', err.message), 404);
    if (err instanceof BadRequest || err instanceof SearchError)
      return c.html(await problemPage('Cannot search that', err.message), 400);
    process.stderr.write(`report-miner serve: ${c.req.path}: ${messageOf(err)}\n`);
    return c.html(await problemPage('Something went wrong', `the page ${c.req.path} failed: ${messageOf(err)}`), 500);
  });

  return app;
}
