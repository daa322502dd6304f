import iconv from 'iconv-lite';
import { NO_DECLARED_METADATA, type Block, type ExtractedDocument } from '../../document.js';
import { opensListItem, withoutListMarker } from '../../text/list-markers.js';
import { collapseWhitespace } from '../normalize-text.js';

/**
 * UTF-8 when the bytes are valid UTF-8; otherwise Windows-1252, what old Office exports use.
 * (iconv-lite, because Node 20's TextDecoder decodes "windows-1252" as Latin-1 and loses “curly quotes”.)
 */
export function decodeText(bytes: Uint8Array, fallback = 'windows-1252'): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(Buffer.from(bytes), fallback);
  }
}

const HARD_WRAP_WIDTH = 100;
const TERMINAL_PUNCTUATION = /[.,;:?!"”’)]$/;

/** A short line standing alone, without closing punctuation. */
const isShortLine = (line: string) => line.length <= 80 && !TERMINAL_PUNCTUATION.test(line);

/**
 * Which lines are headings: a short line introducing longer text, or a heading over a subheading ("Conclusions and
 * recommendations" over "Probation workforce"), read from the end back.
 */
function headingLines(paragraphs: string[]): boolean[] {
  const headings = paragraphs.map(() => false);
  for (let i = paragraphs.length - 2; i >= 0; i--) {
    const line = paragraphs[i]!;
    const next = paragraphs[i + 1]!;
    headings[i] = isShortLine(line) && (next.length > line.length || (headings[i + 1]! && !opensListItem(next)));
  }
  return headings;
}

/**
 * Hard-wrapped chunks (every line but the last filled to about the same width) are joined
 * into one paragraph; otherwise each line is a paragraph of its own.
 */
function splitChunk(lines: string[]): string[] {
  const body = lines.slice(0, -1);
  const width = Math.max(...lines.map((l) => l.length));
  const filled = body.filter((l) => l.length >= width * 0.6).length;
  const hardWrapped =
    body.length > 0 &&
    width <= HARD_WRAP_WIDTH &&
    filled >= body.length * 0.75 &&
    !lines.some((l, i) => i > 0 && opensListItem(l));
  return hardWrapped ? [lines.join(' ')] : lines;
}

export function readText(bytes: Uint8Array): ExtractedDocument {
  const text = decodeText(bytes).replace(/\r\n?/g, '\n');
  const paragraphs = text
    .split(/\n\s*\n/)
    .flatMap((chunk) => splitChunk(chunk.split('\n').map(collapseWhitespace).filter(Boolean)));
  const blocks: Block[] = [];
  const headings = headingLines(paragraphs);
  paragraphs.forEach((para, i) => {
    const item = opensListItem(para);
    // "2. review the allocation of cases" after item 1 goes on the list; "2. Findings" after a paragraph heads a section.
    const listed = item && (blocks[i - 1]?.kind === 'list-item' || /^\p{Ll}/u.test(withoutListMarker(para)));
    const heading = !listed && headings[i]!;
    blocks.push({
      kind: heading ? 'heading' : item ? 'list-item' : 'paragraph',
      text: para,
      page: null,
      level: heading ? 2 : 0,
    });
  });
  return { format: 'text', pages: null, declared: NO_DECLARED_METADATA, blocks, warnings: [], ocr: [] };
}
