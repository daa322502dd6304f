import { normalizeChars } from '../normalize-text.js';
import type { TextItem, TextLine } from './types.js';

/** Items that share a baseline, left to right. */
export interface RawLine {
  y: number;
  items: TextItem[];
}

function dominant<T>(items: TextItem[], key: (item: TextItem) => T): T {
  const weights = new Map<T, number>();
  for (const item of items) weights.set(key(item), (weights.get(key(item)) ?? 0) + item.text.length);
  let best = key(items[0]!);
  let bestWeight = -1;
  for (const [value, weight] of weights) {
    if (weight > bestWeight) [best, bestWeight] = [value, weight];
  }
  return best;
}

function itemWidth(item: TextItem): number {
  // Some producers report zero widths; half an em per character is a fair guess.
  return item.width > 0 ? item.width : item.text.length * item.fontSize * 0.5;
}

export function itemRight(item: TextItem): number {
  return item.x + itemWidth(item);
}

const DIGITS = /^\s*\d{1,3}\s*$/;

/** A small raised number after text is a footnote marker, not part of the sentence. */
function isFootnoteMarker(item: TextItem, lineY: number, lineSize: number): boolean {
  return item.fontSize < lineSize * 0.8 && item.y < lineY - lineSize * 0.15 && DIGITS.test(item.text);
}

/**
 * A marker raised above the word it follows, judged against that word rather than a line:
 * on a two-column page the marker's baseline may sit nearer the other column's line than its own.
 */
function followsWordAsMarker(item: TextItem, word: TextItem): boolean {
  return (
    word.fontSize * 0.8 > item.fontSize &&
    Math.abs(itemRight(word) - item.x) < word.fontSize * 0.3 &&
    item.y < word.y - word.fontSize * 0.15 &&
    item.y > word.y - word.fontSize
  );
}

function withoutRaisedMarkers(items: TextItem[]): TextItem[] {
  const markers = new Set(
    items.filter((it) => DIGITS.test(it.text) && items.some((word) => word !== it && followsWordAsMarker(it, word))),
  );
  return markers.size ? items.filter((it) => !markers.has(it)) : items;
}

/** Groups a page's items into lines by baseline; tolerant of super- and subscripts. */
export function clusterLines(items: TextItem[]): RawLine[] {
  const sorted = withoutRaisedMarkers(items).sort((a, b) => a.y - b.y || a.x - b.x);
  type Cluster = { y: number; size: number; items: TextItem[] };
  const lines: Cluster[] = [];
  let current: Cluster | null = null;
  for (const item of sorted) {
    if (current && Math.abs(item.y - current.y) <= 0.5 * Math.max(current.size, item.fontSize)) {
      current.items.push(item);
      if (item.fontSize > current.size) [current.y, current.size] = [item.y, item.fontSize];
      continue;
    }
    current = { y: item.y, size: item.fontSize, items: [item] };
    lines.push(current);
  }
  return lines
    .map(({ y, size, items: lineItems }) => ({
      y,
      items: lineItems.filter((it) => !isFootnoteMarker(it, y, size)).sort((a, b) => a.x - b.x),
    }))
    .filter((line) => line.items.length > 0);
}

/** Joins items left to right, putting a space wherever the gap between them is wider than a letter's kerning. */
export function joinItems(items: TextItem[]): string {
  let text = '';
  let prev: TextItem | null = null;
  for (const item of items) {
    // Fake bold draws the same run twice at almost the same place.
    if (prev && item.text === prev.text && Math.abs(item.x - prev.x) < 1) continue;
    const piece = normalizeChars(item.text);
    if (prev) {
      const gap = item.x - itemRight(prev);
      if (gap > prev.fontSize * 0.15 && !/\s$/.test(text) && !/^\s/.test(piece)) text += ' ';
    }
    text += piece;
    prev = item;
  }
  return text.replace(/\s+/g, ' ').trim();
}

export function toTextLine(items: TextItem[], y: number, page: number): TextLine {
  const fontName = dominant(items, (it) => it.fontName);
  return {
    page,
    text: joinItems(items),
    x0: Math.min(...items.map((it) => it.x)),
    x1: Math.max(...items.map(itemRight)),
    y,
    fontSize: Math.round(dominant(items, (it) => Math.round(it.fontSize * 2) / 2) * 100) / 100,
    fontName,
    singleFont: items.every((it) => it.fontName === fontName),
  };
}
