/// <reference lib="dom" />
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/web/server.js';
import { ROOT, runCli } from './helpers.js';
import { launchBrowser } from './support/browser.js';
import { serveTestIndex } from './support/web-index.js';

/** Each page's screenshot, kept by the run for a person to look at (git ignores the folder). */
const SCREENSHOTS = path.join(ROOT, 'test-results', 'screenshots');

let server: RunningServer;
let db: string;
let hostile: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  ({ server, db, hostile } = await serveTestIndex());
  const launched = await launchBrowser();
  browser = launched.browser;
  console.info(`browser tests run in ${launched.name}`);
  context = await browser.newContext({
    baseURL: server.url,
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.replace(/\/$/, '') });
  page = await context.newPage();
  page.on('pageerror', (err) => pageErrors.push(err.message));
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser.close();
  await server.close();
});

const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
const summary = () => page.locator('p.summary').innerText();

describe('report-miner serve in a real browser', () => {
  it('searches, applies a facet and removes it, the counts following', async () => {
    await page.goto('/');
    await page.getByLabel('Search', { exact: true }).fill('stress*');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('navigation', { name: 'Kind of result' }).getByRole('link', { name: 'Quotes' }).click();
    expect(await summary()).toMatch(/^1–\d+ of \d+ quotes$/);
    const all = Number(/of (\d+) quotes/.exec(await summary())![1]);
    const facet = page.locator('.facet', { hasText: 'Organisation' }).getByRole('link', { name: /^CRC \d+$/ });
    const count = Number(/(\d+)$/.exec(await facet.innerText())![1]);
    await facet.click();
    expect(new URL(page.url()).searchParams.get('organisation')).toBe('CRC');
    expect(await summary()).toBe(`1–${count} of ${count} quotes`);
    expect(await page.locator('.card .who').allInnerTexts()).toEqual(Array(count).fill(expect.stringContaining('CRC')));
    await shot('search-facet');
    await page
      .getByRole('list', { name: 'Filters in use' })
      .getByRole('link', { name: /Remove filter Organisation: CRC/ })
      .click();
    expect(new URL(page.url()).searchParams.get('organisation')).toBeNull();
    expect(await summary()).toBe(`1–${Math.min(all, 20)} of ${all} quotes`);
  });

  it('pages through results', async () => {
    await page.goto('/?q=probation');
    const pages = Number(/Page 1 of (\d+)/.exec(await page.locator('.pager').innerText())![1]);
    expect(pages).toBeGreaterThan(1);
    await page.getByRole('link', { name: 'Next →' }).click();
    expect(new URL(page.url()).searchParams.get('page')).toBe('2');
    expect(await summary()).toMatch(/^21–\d+ of \d+ passages$/);
    await shot('search-page-2');
  });

  it('opens a quote’s document at the cited page, drawn by pdf.js with the words marked', async () => {
    await page.goto('/?q=stressful&kind=quotes');
    await page.getByRole('link', { name: 'Open page 10' }).first().click();
    expect(new URL(page.url()).hash).toBe('#page-10');
    const viewer = page.locator('#pdf-page');
    await expect.poll(() => viewer.getAttribute('data-rendered'), { timeout: 30_000 }).toBe('true');
    expect(Number(await viewer.getAttribute('data-hits'))).toBeGreaterThan(0);
    const hit = viewer.locator('.textLayer span.hit').first();
    expect(await hit.innerText()).toMatch(/stressful/i);
    // The canvas has been drawn on: not one colour.
    const inked = await viewer.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      for (let i = 0; i < data.length; i += 4) if (data[i]! < 128) return true;
      return false;
    });
    expect(inked).toBe(true);
    await expect.poll(() => page.locator('#page-10 mark').first().innerText()).toBe('stressful');
    await shot('document-page-10');
  });

  it('copies a citation to the clipboard', async () => {
    await page.goto('/?q=stressful&kind=quotes');
    const button = page.getByRole('button', { name: 'Copy citation' }).first();
    const expected = await button.getAttribute('data-copy');
    await button.click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText()), { timeout: 10_000 }).toBe(expected);
    expect(expected).toMatch(/^“It’s very stressful\. .*” — PSO, CRC\. .*p\. 10\./);
  });

  it('downloads the results as CSV, the rows the CLI prints', async () => {
    await page.goto('/?q=stress*&kind=quotes');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('report-miner-quotes.csv');
    const file = await download.path();
    const cli = runCli(['search', 'stress*', '--kind', 'quote', '--format', 'csv', '--limit', '0', '--db', db]);
    expect(fs.readFileSync(file, 'utf8')).toBe(cli.stdout);
  });

  it('can be used with the keyboard alone', async () => {
    await page.goto('/');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
    await page.keyboard.type('caseload*');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=caseload/);
    expect(await summary()).toMatch(/of \d+ passages/);
    // Tab on to the first facet's first value and follow it with Enter.
    const firstFacet = page.locator('.facet a').first();
    const target = await firstFacet.getAttribute('href');
    for (let i = 0; i < 40 && (await page.evaluate(() => document.activeElement?.closest('.facet') === null)); i++)
      await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(target);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => `${url.pathname}${url.search}` === target!.replaceAll('&amp;', '&'));
    await shot('keyboard-facet');
  });

  it('shows a hostile document’s markup as text and runs none of it', async () => {
    await page.goto(`/document?source=${encodeURIComponent(hostile)}`);
    expect(await page.locator('main').innerText()).toContain('<script>window.pwned = 1</script>');
    await page.goto('/?q=pwned');
    expect(await page.locator('.card').first().innerText()).toContain('<img src=x onerror="window.pwned = 2">');
    expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
    await shot('hostile-document');
  });

  it('shows the ratings and caseloads pages with their charts, also at phone width', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const [url, name] of [
      ['/ratings', 'ratings'],
      ['/caseloads', 'caseloads'],
      ['/recommendations', 'recommendations'],
    ] as const) {
      await page.goto(url);
      const img = page.locator('figure.chart img');
      if (name !== 'recommendations') {
        await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBeGreaterThan(0);
        // Nothing wider than the phone's screen but the tables, which scroll in their own box.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      }
      await shot(`${name}-phone`);
    }
    expect(pageErrors).toEqual([]);
  });
});
