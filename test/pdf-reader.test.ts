import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Block, ExtractedDocument } from '../src/document.js';
import { readPdf } from '../src/ingest/readers/pdf.js';
import { fixture } from './helpers.js';

const PDF_FIXTURES = [
  'hmip-caseloads-workloads-2021.pdf',
  'hmip-chief-inspector-speech-2020.pdf',
  'hmip-london-crc-inspection-2018.pdf',
  'hmip-suffolk-inspection-2017.pdf',
  'justice-committee-rainsbrook-2021.pdf',
  'pac-key-challenges-moj-2021.pdf',
];

const docs = new Map<string, ExtractedDocument>();

beforeAll(async () => {
  for (const name of PDF_FIXTURES) docs.set(name, await readPdf(new Uint8Array(fs.readFileSync(fixture(name)))));
});

function blocksOf(name: string): Block[] {
  return docs.get(name)!.blocks;
}

function blockContaining(name: string, text: string): Block {
  const found = blocksOf(name).filter((b) => b.text.includes(text));
  expect(found, `one block of ${name} containing ${JSON.stringify(text)}`).toHaveLength(1);
  return found[0]!;
}

describe('readPdf on the LibreOffice and Chromium fixtures', () => {
  it('counts pages and reads the declared title', () => {
    const doc = docs.get('hmip-caseloads-workloads-2021.pdf')!;
    expect(doc.pages).toBe(12);
    expect(doc.declared.title).toBe('Caseloads, workloads and staffing levels in probation services');
  });

  it('drops running headers and page numbers from every passage', () => {
    for (const name of PDF_FIXTURES) {
      const title = docs.get(name)!.declared.title!;
      for (const block of blocksOf(name)) {
        // The title stands once, on the cover; the running header repeating it is gone.
        if (block.page !== 1) expect(block.text, `${name} p${block.page}`).not.toBe(title);
        expect(block.text, `${name} p${block.page}`).not.toMatch(/^\d{1,3}$/);
        expect(block.text.startsWith(`${title} `), `${name} p${block.page}: ${block.text.slice(0, 80)}`).toBe(false);
      }
    }
  });

  it('leaves no line-end hyphen breaks in passages', () => {
    for (const name of PDF_FIXTURES) {
      for (const block of blocksOf(name)) expect(block.text, name).not.toMatch(/\p{Ll}- \p{Ll}/u);
    }
  });

  it('records the page each passage starts on (checked with pdftotext -f N -l N)', () => {
    expect(blockContaining('hmip-caseloads-workloads-2021.pdf', '60 cases for a PO is too many').page).toBe(6);
    expect(
      blockContaining('hmip-chief-inspector-speech-2020.pdf', 'Durham and Tees Valley CRC, for example').page,
    ).toBe(5);
    expect(blockContaining('hmip-chief-inspector-speech-2020.pdf', 'On through the gate services').page).toBe(4);
    expect(blockContaining('justice-committee-rainsbrook-2021.pdf', 'Consistently sub-standard performance').page).toBe(
      5,
    );
  });

  it('keeps a quote that runs over a page break in one passage, on its first page', () => {
    const quote = blockContaining('hmip-caseloads-workloads-2021.pdf', 'I really enjoy my job');
    expect(quote.page).toBe(10);
    expect(quote.text).toMatch(
      /runs on the goodwill of operational staff who go above and beyond the hours they are paid for\.” \(SPO, NPS\)$/,
    );
  });

  it('joins a sentence wrapped before a number instead of starting a list item there', () => {
    const block = blockContaining('hmip-chief-inspector-speech-2020.pdf', 'two thirds of whom had a caseload of over');
    expect(block.text).toContain('a caseload of over 50. Forty two percent');
    expect(block.kind).toBe('paragraph');
  });

  it('drops a superscript footnote marker', () => {
    expect(blockContaining('hmip-caseloads-workloads-2021.pdf', 'can be accessed.').text).toContain(
      'can be accessed. However, there was a consensus',
    );
  });

  it('reads a two-column page column by column', () => {
    const name = 'pac-key-challenges-moj-2021.pdf';
    const first = blockContaining(name, 'We are concerned that the Ministry faces');
    expect(first.page).toBe(3);
    expect(first.text).toMatch(/^1\. We are concerned .* deep funding cuts over many years\.$/);
    // Item 2 starts at the foot of the left column and goes on at the top of the right one.
    const second = blockContaining(name, 'The pandemic has significantly impacted');
    expect(second.text).toContain('prisoners, making it critical');
    expect(second.text).toMatch(/particularly in the female prisoner population\. We welcome HMPPS’ work/);
    const order = blocksOf(name).map((b) => b.text.slice(0, 12));
    expect(order.indexOf('2. The pande')).toBeGreaterThan(order.indexOf('1. We are co'));
    expect(order.indexOf('3. We have l')).toBeGreaterThan(order.indexOf('2. The pande'));
  });

  it('keeps headings as headings, and numbered items as list items', () => {
    const name = 'justice-committee-rainsbrook-2021.pdf';
    expect(blockContaining(name, 'Inspectorate findings')).toMatchObject({ kind: 'heading', page: 2 });
    expect(blockContaining(name, 'The litany of inaction')).toMatchObject({ kind: 'list-item', page: 2 });
    const staffQuote = blockContaining(
      'hmip-caseloads-workloads-2021.pdf',
      'I went part-time, but my caseload did not change',
    );
    expect(staffQuote.kind).toBe('paragraph');
  });
});
