import { describe, expect, it } from 'vitest';
import { buildBlocks } from '../src/ingest/pdf/paragraphs.js';
import type { PlacedLine } from '../src/ingest/pdf/types.js';

const BODY = 'body-font';
const BOLD = 'bold-font';

/** Lines of one column, 14 pt apart, as pdfjs would place 11 pt text. */
function column(
  texts: Array<string | { text: string; font?: string; size?: number; gapBefore?: number; x0?: number; x1?: number }>,
): PlacedLine[] {
  let y = 100;
  return texts.map((entry, i) => {
    const line = typeof entry === 'string' ? { text: entry } : entry;
    if (i > 0) y += line.gapBefore ?? 14;
    return {
      page: 1,
      text: line.text,
      x0: line.x0 ?? 72,
      x1: line.x1 ?? 520,
      y,
      fontSize: line.size ?? 11,
      fontName: line.font ?? BODY,
      singleFont: true,
      region: 1000,
      regionLeft: 72,
      regionRight: 520,
    };
  });
}

describe('buildBlocks', () => {
  it('rejoins a word hyphenated at a line end', () => {
    const [block] = buildBlocks(
      column([
        'Probation services officers carried the heaviest case-',
        'loads of all staff we interviewed in the services.',
      ]),
    );
    expect(block!.text).toBe(
      'Probation services officers carried the heaviest caseloads of all staff we interviewed in the services.',
    );
  });

  it('keeps the hyphen of a compound the document writes with one', () => {
    const blocks = buildBlocks(
      column([
        'Hubs were set up through co-location of services.',
        { text: 'Staff valued the co-', gapBefore: 30 },
        'location of teams with partners in every area we saw.',
      ]),
    );
    expect(blocks[1]!.text).toBe('Staff valued the co-location of teams with partners in every area we saw.');
  });

  it('splits paragraphs at wider line spacing', () => {
    const blocks = buildBlocks(
      column(['First paragraph ends here.', 'And a second line of it.', { text: 'Second paragraph.', gapBefore: 26 }]),
    );
    expect(blocks.map((b) => b.text)).toEqual([
      'First paragraph ends here. And a second line of it.',
      'Second paragraph.',
    ]);
  });

  it('takes a larger line as a heading, and a short bold line before body text', () => {
    const blocks = buildBlocks(
      column([
        { text: 'Key findings', size: 16 },
        { text: 'Within our standards framework for inspecting probation services, our standard', gapBefore: 24 },
        'on staffing emphasises the need for sufficient staff.',
        { text: 'Staff wellbeing', font: BOLD, x1: 160, gapBefore: 24 },
        'Many staff told us about stress and the toll of high workloads on them and their',
        'colleagues across the service.',
      ]),
    );
    expect(blocks.map((b) => [b.kind, b.level])).toEqual([
      ['heading', 1],
      ['paragraph', 0],
      ['heading', 2],
      ['paragraph', 0],
    ]);
  });

  it('does not take a quoted sentence set in italics for a heading', () => {
    const blocks = buildBlocks(
      column([
        'Staff told us this in interviews across the services we inspected this year.',
        { text: '“I went part-time, but my caseload did not change.” (PSO, CRC)', font: BOLD, x1: 400, gapBefore: 24 },
      ]),
    );
    expect(blocks[1]!.kind).toBe('paragraph');
  });

  it('starts list items at bullets and at numbering after a finished line', () => {
    const blocks = buildBlocks(
      column([
        'The CRC should:',
        '• improve the quality of',
        { text: 'assessments', x1: 150 },
        { text: '• reduce caseloads', x1: 200 },
        '2. Publish its plan.',
      ]),
    );
    expect(blocks.map((b) => [b.kind, b.text])).toEqual([
      ['paragraph', 'The CRC should:'],
      ['list-item', '• improve the quality of assessments'],
      ['list-item', '• reduce caseloads'],
      ['list-item', '2. Publish its plan.'],
    ]);
  });

  it('merges a paragraph cut by a page break, keeping its first page', () => {
    const lines = [
      ...column(['The NPS to a large extent runs on the goodwill of']),
      ...column(['operational staff who go above and beyond.']).map((l) => ({ ...l, page: 2, region: 2000 })),
    ];
    expect(buildBlocks(lines)).toEqual([
      {
        kind: 'paragraph',
        text: 'The NPS to a large extent runs on the goodwill of operational staff who go above and beyond.',
        page: 1,
        level: 0,
      },
    ]);
  });
});
