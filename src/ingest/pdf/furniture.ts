import { joinItems, type RawLine } from './lines.js';

/** Share of the page height, at top and bottom, where running headers and footers live. */
const MARGIN_ZONE = 0.1;
/** Position tolerance, in points, for "the same place" on different pages. */
const POSITION_STEP = 4;

const PAGE_NUMBER = /^(?:page\s*)?(?:#+|[ivxlc]+)(?:\s*(?:of|\/)\s*#+)?$|^[-–—]\s*#+\s*[-–—]$/i;

export interface PageLines {
  height: number;
  lines: RawLine[];
}

function zoneOf(line: RawLine, height: number): 'top' | 'bottom' | null {
  if (line.y < height * MARGIN_ZONE) return 'top';
  if (line.y > height * (1 - MARGIN_ZONE)) return 'bottom';
  return null;
}

/** Text with its numbers blurred, so "Page 3" and "Page 4" count as one running line. */
function shapeOf(line: RawLine): string {
  return joinItems(line.items).toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

function keyOf(line: RawLine, zone: string): string {
  return `${zone}|${Math.round(line.y / POSITION_STEP)}|${shapeOf(line)}`;
}

/**
 * Drops running headers, footers and page numbers: lines in the top or bottom margin whose
 * text (numbers aside) recurs at the same height on at least half the pages, and bare page
 * numbers there wherever they occur.
 */
export function removeRunningFurniture(pages: PageLines[]): PageLines[] {
  const pagesPerKey = new Map<string, number>();
  for (const page of pages) {
    const keys = new Set<string>();
    for (const line of page.lines) {
      const zone = zoneOf(line, page.height);
      if (zone) keys.add(keyOf(line, zone));
    }
    for (const key of keys) pagesPerKey.set(key, (pagesPerKey.get(key) ?? 0) + 1);
  }
  const pagesWithText = pages.filter((p) => p.lines.length > 0).length;
  const threshold = Math.max(2, Math.ceil(pagesWithText / 2));
  return pages.map((page) => ({
    height: page.height,
    lines: page.lines.filter((line) => {
      const zone = zoneOf(line, page.height);
      if (!zone) return true;
      if (PAGE_NUMBER.test(shapeOf(line))) return false;
      return (pagesPerKey.get(keyOf(line, zone)) ?? 0) < threshold;
    }),
  }));
}
