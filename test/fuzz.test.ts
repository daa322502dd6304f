import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Block } from '../src/document.js';
import { EXTRACTORS } from '../src/extract/index.js';
import { extractMetadata } from '../src/extract/metadata.js';
import { readHtml } from '../src/ingest/readers/html.js';
import { readText } from '../src/ingest/readers/text.js';
import { buildBlocks } from '../src/ingest/pdf/paragraphs.js';
import type { PlacedLine } from '../src/ingest/pdf/types.js';
import { toFtsQuery } from '../src/query/fts-query.js';

/** Pieces of the domain's own patterns, so random text exercises the extractors' rules, not only their first test. */
const DOMAIN_PIECES = [
  '“',
  '”',
  '"',
  '‘',
  '’',
  '(PSO, CRC)',
  '(NPS senior official)',
  '(Russell, 2020)',
  ' said: ',
  'He said:',
  'Frances Crook, Chief Executive of the Howard League, ',
  'Q66 Dr Mullan: ',
  'Chair: ',
  '£822m',
  '£2.5bn',
  ' per cent',
  '%',
  'two thirds',
  'one in three',
  'over ',
  'or more',
  'caseload of ',
  ' cases',
  '‘good’',
  '‘requires improvement’',
  'rated as ‘inadequate’',
  ' out of ',
  'Durham and Tees Valley CRC',
  'We recommend that the Ministry of Justice ',
  ' should ',
  '(Paragraph 12)',
  'Recommendation: ',
  '1. ',
  '• ',
  '\n',
  '. ',
  ', ',
  ' – ',
  '5',
  '60',
  '1,500',
  'March 2021',
];

const domainText = fc
  .array(fc.oneof(fc.constantFrom(...DOMAIN_PIECES), fc.string({ unit: 'grapheme', maxLength: 12 })), {
    maxLength: 120,
  })
  .map((parts) => parts.join(''));
const anyText = fc.oneof(
  domainText,
  fc.string({ unit: 'grapheme', maxLength: 400 }),
  fc.string({ unit: 'binary', maxLength: 400 }),
);

function blocksFrom(text: string): Block[] {
  return text.split('\n').map((t, i) => ({
    kind: i % 7 === 0 ? 'heading' : 'paragraph',
    text: t,
    page: 1 + (i % 3),
    level: i % 7 === 0 ? 2 : 0,
  }));
}

const TYPES = ['research', 'oral-evidence', 'committee-report', 'government-response', 'inspection'];

/** Every registered extractor on these blocks, as a document of the given type. */
function extractAll(blocks: Block[], type: string): unknown[][] {
  const metadata = {
    ...extractMetadata({
      format: 'pdf',
      pages: 1,
      declared: { title: null, author: null, siteName: null, date: null, url: null },
      blocks,
      warnings: [],
      ocr: [],
    }),
    type,
  };
  return EXTRACTORS.map((e) => e.extract({ blocks, metadata }) as unknown[]);
}

describe('extractors and readers on arbitrary text', () => {
  it('never throw', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom(...TYPES), (text, type) => {
        for (const list of extractAll(blocksFrom(text), type)) expect(Array.isArray(list)).toBe(true);
        readText(new TextEncoder().encode(text));
        readHtml(new TextEncoder().encode(`<p>${text}</p>`));
        toFtsQuery(text);
      }),
      { numRuns: 300 },
    );
  });

  it('the layout rebuilder never throws on arbitrary lines', () => {
    const line = fc.record({
      text: anyText,
      x0: fc.double({ min: -100, max: 1000, noNaN: true }),
      width: fc.double({ min: 0, max: 600, noNaN: true }),
      y: fc.double({ min: -100, max: 1000, noNaN: true }),
      fontSize: fc.double({ min: 0.1, max: 80, noNaN: true }),
      page: fc.integer({ min: 1, max: 4 }),
      region: fc.integer({ min: 0, max: 5 }),
    });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), (lines) => {
        const placed: PlacedLine[] = lines.map((l) => ({
          ...l,
          x1: l.x0 + l.width,
          fontName: 'f',
          singleFont: true,
          regionLeft: 0,
          regionRight: 600,
        }));
        expect(Array.isArray(buildBlocks(placed))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('stay fast on 100 KB inputs: no catastrophic backtracking', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...DOMAIN_PIECES, 'a', 'The', ' ', 'Mr Smith ', 'x'.repeat(200)), {
          minLength: 5_000,
          maxLength: 5_000,
        }),
        fc.constantFrom(...TYPES),
        (parts, type) => {
          const text = parts.join('').slice(0, 100_000).padEnd(100_000, ' staff');
          // One 100 KB paragraph, and the same text as many short ones: both shapes reach the extractors.
          for (const blocks of [
            [{ kind: 'paragraph' as const, text, page: 1, level: 0 }],
            blocksFrom(text.replace(/\. /g, '.\n')),
          ]) {
            const started = performance.now();
            extractAll(blocks, type);
            expect(performance.now() - started).toBeLessThan(15_000);
          }
        },
      ),
      { numRuns: 3 },
    );
  }, 180_000);
});
