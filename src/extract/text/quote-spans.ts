import type { Block } from '../../document.js';

/** A double-quoted span, possibly running over several paragraphs. */
export interface QuoteSpan {
  /** Index of the block the quote opens in. */
  block: number;
  /** Index of the block it closes in. */
  lastBlock: number;
  page: number | null;
  /** The quoted words without the marks; paragraphs joined with one space. */
  text: string;
  /** Text of the opening block before the opening mark. */
  before: string;
  /** Text of the closing block after the closing mark. */
  after: string;
  /** The copy ends inside the quotation: its text stops at the copy's last complete sentence. */
  cutOff?: boolean;
}

const OPENING = new Set(['“', '"', '„']);
const CLOSING = new Set(['”', '"']);
/** How many paragraphs a single quotation may run over (press statements run to four or five). */
const MAX_PARAGRAPHS = 8;

function isSpace(ch: string | undefined): boolean {
  return ch === undefined || /\s/.test(ch);
}

/** An opening mark stands before a word: after a space, a bracket or a dash, or at the start. */
function opensAt(text: string, i: number): boolean {
  const ch = text[i]!;
  // Some reports open a quote with the closing mark; only at a paragraph's start is that unambiguous.
  const opener = OPENING.has(ch) || (ch === '”' && i === 0);
  return opener && (i === 0 || /[\s([—–-]/.test(text[i - 1]!)) && !isSpace(text[i + 1]);
}

/** A closing mark ends a word: before a space, punctuation or the end. */
function closesAt(text: string, i: number): boolean {
  return (
    CLOSING.has(text[i]!) &&
    i > 0 &&
    !isSpace(text[i - 1]) &&
    (i + 1 === text.length || /[\s.,;:!?)\]—–-]/.test(text[i + 1]!))
  );
}

function findClose(text: string, from: number): number {
  for (let i = from; i < text.length; i++) if (closesAt(text, i)) return i;
  return -1;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Every double-quoted span in the blocks. A quote left open at a paragraph's end goes on in
 * the next paragraphs (which may open with a mark again, press-release style) until it closes;
 * one that never closes was a stray mark. Single quotes are left alone: they nest inside.
 */
export function findQuoteSpans(blocks: Block[]): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    if (block.kind === 'heading') continue;
    const text = block.text;
    let i = 0;
    while (i < text.length) {
      if (!opensAt(text, i)) {
        i++;
        continue;
      }
      const close = findClose(text, i + 1);
      if (close >= 0) {
        spans.push({
          block: b,
          lastBlock: b,
          page: block.page,
          text: collapse(text.slice(i + 1, close)),
          before: text.slice(0, i),
          after: text.slice(close + 1),
        });
        i = close + 1;
        continue;
      }
      const continued = continueOver(blocks, b, text.slice(i + 1));
      if (continued) {
        spans.push({ block: b, page: block.page, before: text.slice(0, i), ...continued });
        b = continued.lastBlock;
        break;
      }
      i++;
    }
  }
  return spans;
}

/** The text up to its last complete sentence: "... high caseloads. In some" → "... high caseloads." */
function toLastSentence(text: string): string | null {
  const end = Math.max(text.lastIndexOf('. '), text.lastIndexOf('? '), text.lastIndexOf('! '));
  const trimmed = text.trimEnd();
  if (/[.?!]$/.test(trimmed)) return trimmed;
  return end > 0 ? text.slice(0, end + 1) : null;
}

function continueOver(
  blocks: Block[],
  start: number,
  opening: string,
): Pick<QuoteSpan, 'lastBlock' | 'text' | 'after' | 'cutOff'> | null {
  const parts = [opening];
  let b = start + 1;
  for (; b < blocks.length && b - start <= MAX_PARAGRAPHS; b++) {
    const block = blocks[b]!;
    if (block.kind === 'heading') return null;
    const text = OPENING.has(block.text[0]!) ? block.text.slice(1) : block.text;
    const close = findClose(text, 0);
    if (close >= 0) {
      parts.push(text.slice(0, close));
      return { lastBlock: b, text: collapse(parts.join(' ')), after: text.slice(close + 1) };
    }
    parts.push(text);
  }
  // A copy that stops inside a quotation (an excerpt, a truncated page): the quote runs to the
  // end of the document, as far as its last complete sentence. A stray mark earlier never reaches it.
  if (b < blocks.length) return null;
  const text = toLastSentence(collapse(parts.join(' ')));
  return text ? { lastBlock: blocks.length - 1, text, after: '', cutOff: true } : null;
}
