import type { Block, BlockKind } from '../../document.js';
import { BULLET, NUMBERING, opensListItem } from '../../text/list-markers.js';
import type { PlacedLine } from './types.js';

/** Text that ends a sentence, allowing closing quotes and brackets after the stop. */
const SENTENCE_END = /[.!?:…]["'”’)\]]*$/;
/** Prefixes that keep their hyphen before a whole word ("co-location", "self-harm"). */
const HYPHEN_PREFIX = /^(?:co|non|self|well|ex|cross|multi|semi|anti|pre|post)$/i;

interface DocumentStyle {
  bodySize: number;
  bodyFont: string;
  /** Baseline-to-baseline distance of body text. */
  leading: number;
  headingSizes: number[];
  /** How the document spells words, read only if a line ends in a hyphen (most documents' lines never do). */
  spelling: () => Spelling;
}

interface Spelling {
  hyphenated: Set<string>;
  words: Set<string>;
}

function readSpelling(lines: PlacedLine[]): Spelling {
  const all = lines
    .map((l) => l.text)
    .join(' ')
    .toLowerCase();
  return {
    // The lookbehind starts a match only at a word's start; without it the search is quadratic in a word's length.
    hyphenated: new Set(all.match(/(?<!\p{L})\p{L}+(?:-\p{L}+)+/gu)),
    words: new Set(all.match(/\p{L}+/gu)),
  };
}

interface LayoutBlock {
  lines: PlacedLine[];
  text: string;
  kind: BlockKind;
}

function weightedMode<T>(lines: PlacedLine[], key: (l: PlacedLine) => T): T | undefined {
  const weights = new Map<T, number>();
  for (const line of lines) weights.set(key(line), (weights.get(key(line)) ?? 0) + line.text.length);
  return [...weights.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

function similarSize(a: number, b: number): boolean {
  return Math.abs(a - b) <= 0.15 * Math.max(a, b);
}

function measureStyle(lines: PlacedLine[]): DocumentStyle {
  const bodySize = weightedMode(lines, (l) => l.fontSize) ?? 10;
  const bodyLines = lines.filter((l) => similarSize(l.fontSize, bodySize));
  const bodyFont = weightedMode(bodyLines, (l) => l.fontName) ?? '';
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const [prev, cur] = [lines[i - 1]!, lines[i]!];
    const dy = cur.y - prev.y;
    if (
      cur.region === prev.region &&
      similarSize(prev.fontSize, bodySize) &&
      similarSize(cur.fontSize, bodySize) &&
      dy > 0 &&
      dy < bodySize * 3
    )
      gaps.push(dy);
  }
  gaps.sort((a, b) => a - b);
  const leading = gaps.length ? gaps[Math.floor(gaps.length / 4)]! : bodySize * 1.2;
  const headingSizes = [...new Set(lines.map((l) => l.fontSize).filter((s) => s >= bodySize * 1.15))].sort(
    (a, b) => b - a,
  );
  let spelling: Spelling | null = null;
  return { bodySize, bodyFont, leading, headingSizes, spelling: () => (spelling ??= readSpelling(lines)) };
}

function isEmphasis(line: PlacedLine, style: DocumentStyle): boolean {
  return line.singleFont && line.fontName !== style.bodyFont;
}

function isShort(line: PlacedLine): boolean {
  return line.x1 < line.regionRight - (line.regionRight - line.regionLeft) * 0.25;
}

/** Whether `cur` opens a new block rather than continuing the one `prev` is in. */
function startsBlock(prev: PlacedLine, cur: PlacedLine, block: LayoutBlock, style: DocumentStyle): boolean {
  if (cur.page !== prev.page || cur.region !== prev.region) return true;
  if (!similarSize(cur.fontSize, prev.fontSize)) return true;
  const dy = cur.y - prev.y;
  const expected = style.leading * (prev.fontSize / style.bodySize);
  if (dy > expected * 1.35 || dy < prev.fontSize * 0.3) return true;
  if (BULLET.test(cur.text)) return true;
  if (NUMBERING.test(cur.text) && (SENTENCE_END.test(prev.text) || isShort(prev))) return true;
  const prevEmphasis = isEmphasis(prev, style);
  const curEmphasis = isEmphasis(cur, style);
  if (prevEmphasis && !curEmphasis && isShort(prev) && block.lines.length === 1) return true;
  if (curEmphasis && !prevEmphasis && isShort(cur) && (isShort(prev) || SENTENCE_END.test(prev.text))) return true;
  const indented = cur.x0 > prev.x0 + prev.fontSize * 0.8;
  return indented && block.kind !== 'list-item' && SENTENCE_END.test(prev.text);
}

function joinLineBreak(text: string, next: string, style: DocumentStyle): string {
  // Only the end of the paragraph so far matters; matching the whole of it each line would be quadratic.
  const broken = text.endsWith('-') ? /(\p{L}+)-$/u.exec(text.slice(-80)) : null;
  if (!broken || !/^[\p{L}\p{N}]/u.test(next)) return `${text} ${next}`;
  const left = broken[1]!;
  const right = /^[\p{L}\p{N}]+/u.exec(next)![0];
  const compound = `${left}-${right}`.toLowerCase();
  // The document's own spelling decides; failing that, a prefix before a word it uses elsewhere.
  const keepHyphen = !/^\p{Ll}/u.test(right) || keepsHyphen(left, right, compound, style.spelling());
  return keepHyphen ? text + next : text.slice(0, -1) + next;
}

function keepsHyphen(left: string, right: string, compound: string, { hyphenated, words }: Spelling): boolean {
  return (
    hyphenated.has(compound) ||
    (!words.has(`${left}${right}`.toLowerCase()) && HYPHEN_PREFIX.test(left) && words.has(right.toLowerCase()))
  );
}

function isHeading(block: LayoutBlock, style: DocumentStyle): boolean {
  if (block.kind === 'list-item' || block.text.length > 200) return false;
  if (block.lines.every((l) => l.fontSize >= style.bodySize * 1.15)) return true;
  // Bold or italic alone is weaker evidence: a heading of that kind is a short label, not a quoted sentence.
  return (
    block.lines.length <= 2 &&
    block.text.split(' ').length <= 15 &&
    block.lines.every((l) => isEmphasis(l, style)) &&
    /^[\p{Lu}\p{N}]/u.test(block.text) &&
    !/[.,;:"”)]$/.test(block.text)
  );
}

function headingLevel(block: LayoutBlock, style: DocumentStyle): number {
  const size = block.lines[0]!.fontSize;
  const larger = style.headingSizes.filter((s) => s > size + 0.25).length;
  return larger + 1;
}

/** A block cut by a page or column break whose text goes on in the next block. */
function continuesInto(block: LayoutBlock, next: LayoutBlock): boolean {
  if (block.kind === 'heading' || next.kind !== 'paragraph') return false;
  const last = block.lines[block.lines.length - 1]!;
  const first = next.lines[0]!;
  if (!similarSize(last.fontSize, first.fontSize)) return false;
  if (!SENTENCE_END.test(block.text)) return true;
  const lastLineFull = last.x1 >= last.regionRight - last.fontSize * 1.5;
  const notIndented = first.x0 <= first.regionLeft + first.fontSize * 0.5;
  return lastLineFull && notIndented && /^\p{Ll}/u.test(next.text);
}

function groupLines(lines: PlacedLine[], style: DocumentStyle): LayoutBlock[] {
  const blocks: LayoutBlock[] = [];
  let current: LayoutBlock | null = null;
  for (const line of lines) {
    const prev: PlacedLine | undefined = current?.lines[current.lines.length - 1];
    if (!current || !prev || startsBlock(prev, line, current, style)) {
      current = { lines: [line], text: line.text, kind: opensListItem(line.text) ? 'list-item' : 'paragraph' };
      blocks.push(current);
      continue;
    }
    current.lines.push(line);
    current.text = joinLineBreak(current.text, line.text, style);
  }
  for (const block of blocks) if (isHeading(block, style)) block.kind = 'heading';
  return blocks;
}

function mergeAcrossBreaks(blocks: LayoutBlock[], style: DocumentStyle): LayoutBlock[] {
  const merged: LayoutBlock[] = [];
  for (const block of blocks) {
    const prev = merged[merged.length - 1];
    if (prev && block.lines[0]!.region !== prev.lines[prev.lines.length - 1]!.region && continuesInto(prev, block)) {
      prev.text = joinLineBreak(prev.text, block.text, style);
      prev.lines.push(...block.lines);
      continue;
    }
    merged.push(block);
  }
  return merged;
}

/** Rebuilds paragraphs, list items and headings from lines in reading order. */
export function buildBlocks(lines: PlacedLine[]): Block[] {
  const usable = lines.filter((l) => l.text.length > 0);
  if (!usable.length) return [];
  const style = measureStyle(usable);
  return mergeAcrossBreaks(groupLines(usable, style), style).map((block) => ({
    kind: block.kind,
    text: block.text,
    page: block.lines[0]!.page,
    level: block.kind === 'heading' ? headingLevel(block, style) : 0,
  }));
}
