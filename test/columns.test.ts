import { describe, expect, it } from 'vitest';
import { findGutter, orderLines } from '../src/ingest/pdf/columns.js';
import { clusterLines } from '../src/ingest/pdf/lines.js';
import type { TextItem } from '../src/ingest/pdf/types.js';

const PAGE_WIDTH = 595;
const SIZE = 11;
const CHAR = SIZE * 0.5;

function item(text: string, x: number, y: number, size = SIZE): TextItem {
  return { text, x, y, width: text.length * size * 0.5, fontSize: size, fontName: 'body' };
}

/** Lines of running text set in a column from x, `width` characters wide, 17 pt apart from y. */
function column(words: string, x: number, y: number, width = 34): TextItem[] {
  const lines: string[] = [];
  let line = '';
  for (const word of words.split(' ')) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((text, i) => item(text, x, y + i * 17));
}

const LEFT_TEXT =
  'The first column holds a numbered paragraph of a committee report that runs over a dozen lines of text before it reaches its own cross-reference to the evidence it rests on.';
const RIGHT_TEXT =
  'It is vital that the new arrangements should be organised and funded so that the voluntary sector is protected, and the Department should publish figures every year.';

function readOrder(items: TextItem[]): string {
  return orderLines(clusterLines(items), PAGE_WIDTH, 1)
    .map((l) => l.text)
    .join(' ');
}

describe('two-column pages', () => {
  it('keeps a list number set left of the right column’s text in the right column', () => {
    // Left column text from x=99 ends near x=287; the right column's number stands at 308, its text at 339.
    const items = [
      item('Conclusions and recommendations', 68, 60, 16),
      ...column(Array(5).fill(LEFT_TEXT).join(' '), 99, 100),
      item('4.', 308, 100),
      item('Voluntary sector', 308, 80),
      ...column(Array(5).fill(RIGHT_TEXT).join(' '), 339, 100, 32),
    ];
    const gutter = findGutter(clusterLines(items), PAGE_WIDTH);
    expect(gutter).not.toBeNull();
    expect(gutter!).toBeLessThan(308);
    expect(gutter!).toBeGreaterThan(99 + 34 * CHAR - 1);
    const text = readOrder(items);
    expect(text).toContain('evidence it rests on. Voluntary sector 4. It is vital');
  });

  it('finds the columns of a page whose lower half is one full-width section', () => {
    const fullWidth = Array.from({ length: 4 }, (_, i) =>
      item(`A full-width line of the next chapter, number ${i + 1}, running right across the page.`, 68, 500 + i * 17),
    );
    const items = [
      ...column(`${LEFT_TEXT} ${LEFT_TEXT}`, 68, 100),
      ...column(`${RIGHT_TEXT} ${RIGHT_TEXT}`, 320, 100, 32),
      ...fullWidth,
    ];
    expect(findGutter(clusterLines(items), PAGE_WIDTH)).not.toBeNull();
    const text = readOrder(items);
    expect(text.indexOf('It is vital')).toBeGreaterThan(text.indexOf('rests on.'));
    expect(text.indexOf('number 1,')).toBeGreaterThan(text.indexOf('every year.'));
  });

  it('reads a page of one column as one column', () => {
    const items = Array.from({ length: 20 }, (_, i) =>
      item(`Line ${i + 1} of a single column of running text that crosses the middle of the page.`, 68, 100 + i * 17),
    );
    expect(findGutter(clusterLines(items), PAGE_WIDTH)).toBeNull();
  });
});

describe('footnote markers', () => {
  it('drops a raised marker whose baseline lies nearer the other column’s line than its own', () => {
    // "sector." at y=475 (display y grows downward: the marker is raised to 471); the right column's line sits at 468.
    const items = [
      item('including the voluntary', 99, 458),
      item('sector.', 99, 475),
      item('152', 99 + 7 * CHAR, 471, 6.5),
      item('In December', 99 + 7 * CHAR + 13, 475),
      item('contract.', 364, 468),
      item('155', 364 + 9 * CHAR, 464, 6.5),
    ];
    const text = clusterLines(items)
      .flatMap((l) => l.items.map((it) => it.text))
      .join(' ');
    expect(text).not.toMatch(/152|155/);
    expect(text).toContain('sector.');
  });

  it('keeps a small number that is not raised after a word', () => {
    const items = [item('Table total', 99, 400), item('152', 200, 400, 7)];
    expect(clusterLines(items).flatMap((l) => l.items.map((it) => it.text))).toContain('152');
  });
});
