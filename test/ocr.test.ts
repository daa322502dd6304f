import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExtractedDocument } from '../src/document.js';
import { openPdf } from '../src/ingest/pdf/load.js';
import { readPdf } from '../src/ingest/readers/pdf.js';
// The compiled ingest, as the CLI runs it: its worker threads load compiled modules.
import { closeWriter, openDatabase } from '../dist/index/open.js';
import { ingest, type IngestEvent } from '../dist/pipeline/ingest.js';
import { buildIndex, exportKind, fixture, ROOT, runCli, tempDir } from './helpers.js';
import { imageOnlyPdf } from './support/inbox.js';

const SCANNED = path.join(ROOT, 'test', 'fixtures', 'scanned');
const scan = (name: string) => new Uint8Array(fs.readFileSync(path.join(SCANNED, name)));

/** The words of a text as a bag: lower case, letters and digits only. */
function words(text: string): Map<string, number> {
  const bag = new Map<string, number>();
  for (const w of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) bag.set(w, (bag.get(w) ?? 0) + 1);
  return bag;
}

/** Word F1 of a reading against the original text, counting repeated words. */
function wordF1(read: string, original: string): number {
  const a = words(read);
  const b = words(original);
  let common = 0;
  for (const [w, n] of a) common += Math.min(n, b.get(w) ?? 0);
  const total = (m: Map<string, number>) => [...m.values()].reduce((x, y) => x + y, 0);
  const precision = common / total(a);
  const recall = common / total(b);
  return (2 * precision * recall) / (precision + recall);
}

/** The text layer of one page of a fixture: what the scan was drawn from. */
async function pageText(name: string, number: number): Promise<string> {
  const pdf = await openPdf(new Uint8Array(fs.readFileSync(fixture(name))), { ocr: false });
  if ('error' in pdf) throw new Error(pdf.error);
  try {
    for await (const page of pdf.pages())
      if (page.number === number && 'items' in page) return page.items.map((i) => i.text).join(' ');
    throw new Error(`no page ${number}`);
  } finally {
    await pdf.close();
  }
}

const textOf = (doc: ExtractedDocument, page: number) =>
  doc.blocks
    .filter((b) => b.page === page)
    .map((b) => b.text)
    .join(' ');

let at300: ExtractedDocument;

beforeAll(async () => {
  at300 = await readPdf(scan('scan-300dpi.pdf'), { ocr: true });
}, 120_000);

describe('OCR of pages without a text layer', () => {
  it('reads a 300 dpi scan with word F1 of at least 0.95 against the original pages', async () => {
    expect(at300.ocr.map((o) => o.page)).toEqual([1, 2]);
    expect(Math.min(...at300.ocr.map((o) => o.confidence))).toBeGreaterThan(85);
    const bulletin = wordF1(textOf(at300, 1), await pageText('hmip-caseloads-workloads-2021.pdf', 10));
    const speech = wordF1(textOf(at300, 2), await pageText('hmip-chief-inspector-speech-2020.pdf', 2));
    expect(bulletin).toBeGreaterThanOrEqual(0.95);
    expect(speech).toBeGreaterThanOrEqual(0.95);
  });

  it('reads nothing of it with OCR turned off', async () => {
    const off = await readPdf(scan('scan-300dpi.pdf'), { ocr: false });
    expect(off.blocks).toEqual([]);
    expect(off.ocr).toEqual([]);
  });

  it('reads a page scanned on its side the right way up, and says it turned it', async () => {
    const rotated = await readPdf(scan('scan-rotated.pdf'), { ocr: true });
    expect(rotated.warnings.some((w) => /^page 1: read by OCR turned (90|270)°$/.test(w))).toBe(true);
    expect(wordF1(textOf(rotated, 1), await pageText('hmip-caseloads-workloads-2021.pdf', 10))).toBeGreaterThan(0.9);
  }, 120_000);

  it('finds the known sentences in a noisy 150 dpi scan', async () => {
    const noisy = await readPdf(scan('scan-150dpi-noisy.pdf'), { ocr: true });
    const text = textOf(noisy, 1);
    for (const sentence of [
      'A number of staff highlighted that they were now receiving counselling for work-related',
      'We have people off sick',
    ])
      expect(text).toContain(sentence);
  }, 120_000);

  it('refuses a page too large to draw, with a message, and goes on', async () => {
    const read = await readPdf(await imageOnlyPdf(1, 60_000), { ocr: true });
    expect(read.warnings).toEqual(['page 1: OCR: 1×60000 points: too large to read by OCR']);
    expect(read.blocks).toEqual([]);
  });
});

describe('ingest of scanned documents', () => {
  let db: string;
  let original: string;

  beforeAll(() => {
    const folder = tempDir('report-miner-scans-');
    fs.copyFileSync(path.join(SCANNED, 'scan-300dpi.pdf'), path.join(folder, 'scan-300dpi.pdf'));
    db = buildIndex([folder]);
    original = buildIndex([
      fixture('hmip-caseloads-workloads-2021.pdf'),
      fixture('hmip-chief-inspector-speech-2020.pdf'),
    ]);
  }, 120_000);

  it('says which page OCR is reading, for the progress bar, and nothing of it with OCR turned off', async () => {
    const progress = async (ocr: boolean) => {
      const db = openDatabase(path.join(tempDir(), 'index.db'));
      const events: IngestEvent[] = [];
      try {
        await ingest(db, [path.join(SCANNED, 'scan-300dpi.pdf')], { ocr, onEvent: (e) => events.push(e) });
      } finally {
        closeWriter(db);
      }
      return events.flatMap((e) => (e.type === 'ocr' ? [[e.page, e.pages]] : []));
    };
    expect(await progress(false)).toEqual([]);
    expect(await progress(true)).toEqual([
      [1, 2],
      [2, 2],
    ]);
  }, 120_000);

  it('indexes the text with page numbers, its status ocr, each passage with its confidence', () => {
    const [doc] = exportKind<{ status: string; pages: number; passages: number }>('documents', db);
    expect(doc).toMatchObject({ status: 'ocr', pages: 2 });
    expect(doc!.passages).toBeGreaterThan(10);
    const search = JSON.parse(runCli(['search', 'counselling', '--json', '--db', db]).stdout) as Array<{
      page: number;
      citation: string;
    }>;
    expect(search[0]).toMatchObject({ page: 1 });
    expect(search[0]!.citation).toMatch(/p\. 1 \(text from OCR\)/);
  });

  it('extracts the quotes and figures of the original pages from the scan, a little less sure of them', async () => {
    type Quote = { source: string; page: number; text: string; role: string; organisation: string; confidence: number };
    const scanned = exportKind<Quote>('quotes', db, ['--min-confidence', '0']);
    // The quotes of the bulletin's page 10 that end on it (the scan holds that page alone).
    const page10 = words(await pageText('hmip-caseloads-workloads-2021.pdf', 10));
    const onPage = (text: string) => [...words(text)].every(([w, n]) => (page10.get(w) ?? 0) >= n);
    const fromBulletin = exportKind<Quote>('quotes', original, ['--min-confidence', '0']).filter(
      (q) => q.source.endsWith('hmip-caseloads-workloads-2021.pdf') && q.page === 10 && onPage(q.text),
    );
    expect(fromBulletin.length).toBeGreaterThan(3);
    for (const q of fromBulletin) {
      const match = scanned.find((s) => wordF1(s.text, q.text) >= 0.9);
      expect(match, q.text).toBeDefined();
      expect(match).toMatchObject({ page: 1, role: q.role, organisation: q.organisation });
      expect(match!.confidence).toBeLessThan(q.confidence);
    }
    type Figure = { source: string; page: number; value: number; unit: string; topic: string };
    const key = (f: Figure) => `${f.value} ${f.unit} ${f.topic}`;
    const scannedFigures = new Set(exportKind<Figure>('figures', db, ['--min-confidence', '0']).map(key));
    const speechFigures = exportKind<Figure>('figures', original, ['--min-confidence', '0']).filter(
      (f) => f.source.endsWith('hmip-chief-inspector-speech-2020.pdf') && f.page === 2,
    );
    expect(speechFigures.length).toBeGreaterThan(3);
    const found = speechFigures.filter((f) => scannedFigures.has(key(f)));
    expect(found.length / speechFigures.length).toBeGreaterThanOrEqual(0.9);
  });
});
