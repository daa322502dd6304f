import { itemRight, toTextLine, type RawLine } from './lines.js';
import type { PlacedLine, TextItem, TextLine } from './types.js';

/** Where a two-column page's gutter is searched for, as shares of the page width. */
const GUTTER_SEARCH = [0.3, 0.7] as const;
/** A column's lines must fill at least this share of its width (tables' cells do not). */
const MIN_COLUMN_FILL = 0.6;
const MIN_LINES_PER_COLUMN = 3;
const MAX_SEARCH_WIDTH = 10_000;
/** Lines that may cross the gutter: full-width headings, and a single-column section sharing the page with a two-column one. */
const MAX_CROSSING_SHARE = 0.35;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)]! : 0;
}

/** Widest vertical strip near the middle that (almost) no text crosses. */
function widestEmptyStrip(items: TextItem[], width: number, maxCrossing: number): { from: number; to: number } | null {
  let best: { from: number; to: number } | null = null;
  let runStart = -1;
  const from = Math.round(width * GUTTER_SEARCH[0]);
  const to = Math.round(width * GUTTER_SEARCH[1]);
  // PDF pages are at most 14,400 units wide; a damaged box much wider gets no column search.
  if (to < from || to - from > MAX_SEARCH_WIDTH) return null;
  // How many items cross each whole x (it.x < x < its right edge), as a running sum of where crossings start and stop.
  const changes = new Int32Array(to - from + 2);
  for (const it of items) {
    const first = Math.max(from, Math.floor(it.x) + 1);
    const last = Math.min(to, Math.ceil(itemRight(it)) - 1);
    if (first > last) continue;
    changes[first - from]!++;
    changes[last - from + 1]!--;
  }
  let crossingNow = 0;
  for (let x = from; x <= to + 1; x++) {
    crossingNow += changes[x - from] ?? 0;
    const crossing = x > to ? Infinity : crossingNow;
    if (crossing <= maxCrossing) {
      if (runStart < 0) runStart = x;
      continue;
    }
    if (runStart >= 0 && (!best || x - 1 - runStart > best.to - best.from)) best = { from: runStart, to: x - 1 };
    runStart = -1;
  }
  return best;
}

/**
 * Where in the strip the gutter stands. The strip's few crossings allowed may hide the right
 * column's first words: a list number ("4.") or a subheading set a little left of the column's
 * text. An item that starts in the strip and runs on to the right of it (or is followed on its
 * line by text there) opens the right column, so the gutter goes left of the first of them.
 */
function gutterIn(strip: { from: number; to: number }, lines: RawLine[]): number {
  const starts = lines.flatMap((line) =>
    line.items
      .filter((it) => it.x > strip.from && it.x < strip.to)
      .filter((it) => itemRight(it) > strip.to || line.items.some((next) => next.x >= strip.to && next.x > it.x))
      .map((it) => it.x),
  );
  const firstStart = Math.min(...starts);
  return Number.isFinite(firstStart) ? (strip.from + firstStart) / 2 : (strip.from + strip.to) / 2;
}

interface Split {
  left: TextItem[];
  right: TextItem[];
  spanning: boolean;
}

function splitAt(line: RawLine, gutter: number): Split {
  const spanning = line.items.some((it) => it.x < gutter && itemRight(it) > gutter);
  return {
    left: spanning ? line.items : line.items.filter((it) => itemRight(it) <= gutter),
    right: spanning ? [] : line.items.filter((it) => it.x >= gutter),
    spanning,
  };
}

function columnFill(parts: TextItem[][], columnLeft: number, columnRight: number): number {
  const span = columnRight - columnLeft;
  return span > 0
    ? median(parts.map((p) => (Math.max(...p.map(itemRight)) - Math.min(...p.map((it) => it.x))) / span))
    : 0;
}

/** The gutter's x when the page is set in two columns of running text, else null. */
export function findGutter(lines: RawLine[], pageWidth: number): number | null {
  if (lines.length < MIN_LINES_PER_COLUMN * 2) return null;
  const items = lines.flatMap((l) => l.items);
  const fontSize = median(items.map((it) => it.fontSize));
  const strip = widestEmptyStrip(items, pageWidth, Math.max(2, Math.floor(lines.length * MAX_CROSSING_SHARE)));
  if (!strip) return null;
  const gutter = gutterIn(strip, lines);
  if (gutter - strip.from < fontSize * 0.4) return null;
  const splits = lines.map((l) => splitAt(l, gutter)).filter((s) => !s.spanning);
  const lefts = splits.map((s) => s.left).filter((p) => p.length > 0);
  const rights = splits.map((s) => s.right).filter((p) => p.length > 0);
  if (lefts.length < MIN_LINES_PER_COLUMN || rights.length < MIN_LINES_PER_COLUMN) return null;
  const leftEdge = Math.min(...lefts.flat().map((it) => it.x));
  const rightEdge = Math.max(...rights.flat().map(itemRight));
  const filled =
    columnFill(lefts, leftEdge, strip.from) >= MIN_COLUMN_FILL &&
    columnFill(rights, Math.min(strip.to, gutter * 2 - strip.from), rightEdge) >= MIN_COLUMN_FILL;
  return filled ? gutter : null;
}

function place(lines: TextLine[], region: number): PlacedLine[] {
  const regionLeft = Math.min(...lines.map((l) => l.x0));
  const regionRight = Math.max(...lines.map((l) => l.x1));
  return lines.map((l) => ({ ...l, region, regionLeft, regionRight }));
}

/**
 * Puts a page's lines in reading order. On a two-column page, text between full-width lines
 * forms a band read left column first, then right; full-width lines are read where they stand.
 */
export function orderLines(lines: RawLine[], pageWidth: number, page: number): PlacedLine[] {
  const regionBase = page * 1000;
  const gutter = findGutter(lines, pageWidth);
  if (gutter === null)
    return lines.length
      ? place(
          lines.map((l) => toTextLine(l.items, l.y, page)),
          regionBase,
        )
      : [];
  const ordered: PlacedLine[] = [];
  let region = regionBase;
  let left: TextLine[] = [];
  let right: TextLine[] = [];
  let spanning: TextLine[] = [];
  const flush = () => {
    for (const group of [spanning, left, right]) {
      if (group.length) ordered.push(...place(group, ++region));
    }
    [left, right, spanning] = [[], [], []];
  };
  for (const line of lines) {
    const split = splitAt(line, gutter);
    if (split.spanning) {
      if (left.length || right.length) flush();
      spanning.push(toTextLine(line.items, line.y, page));
      continue;
    }
    if (spanning.length) flush();
    if (split.left.length) left.push(toTextLine(split.left, line.y, page));
    if (split.right.length) right.push(toTextLine(split.right, line.y, page));
  }
  flush();
  return ordered;
}
