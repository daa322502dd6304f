import type { Block } from '../../document.js';

/** A quoted span, possibly running over several paragraphs. */
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

/** How a document marks its quotations: where one opens and where it closes. */
interface QuoteMarks {
  opensAt(text: string, i: number): boolean;
  closesAt(text: string, i: number): boolean;
  /** A mark that opens a paragraph continuing a quotation, press-release style. */
  reopens(ch: string): boolean;
  /** Every character that may open or close a quotation, so the scan goes from one to the next. */
  marks: RegExp;
}

/** How many paragraphs a single quotation may run over (press statements run to four or five). */
const MAX_PARAGRAPHS = 8;

function isSpace(ch: string | undefined): boolean {
  return ch === undefined || /\s/.test(ch);
}

/** An opening mark stands before a word: after a space, a bracket or a dash, or at the start. */
const beforeAWord = (text: string, i: number) => (i === 0 || /[\s([—–-]/.test(text[i - 1]!)) && !isSpace(text[i + 1]);
/** A closing mark ends a word: before a space, punctuation or the end. */
const afterAWord = (text: string, i: number) =>
  i > 0 && !isSpace(text[i - 1]) && (i + 1 === text.length || /[\s.,;:!?)\]—–-]/.test(text[i + 1]!));

const DOUBLE_OPENING = new Set(['“', '"', '„']);
const DOUBLE_CLOSING = new Set(['”', '"']);
const DOUBLE: QuoteMarks = {
  // Some reports open a quote with the closing mark; only at a paragraph's start is that unambiguous.
  opensAt: (text, i) => (DOUBLE_OPENING.has(text[i]!) || (text[i] === '”' && i === 0)) && beforeAWord(text, i),
  closesAt: (text, i) => DOUBLE_CLOSING.has(text[i]!) && afterAWord(text, i),
  reopens: (ch) => DOUBLE_OPENING.has(ch),
  marks: /[“"„”]/g,
};

/**
 * British single marks, for a document that quotes with nothing else. ’ is also the apostrophe: a plural's
 * possessive ("officers’ caseloads") does not close a quotation.
 */
const SINGLE: QuoteMarks = {
  opensAt: (text, i) => text[i] === '‘' && beforeAWord(text, i),
  closesAt: (text, i) => text[i] === '’' && afterAWord(text, i) && !/s’\s+\p{Ll}/u.test(text.slice(i - 1, i + 3)),
  reopens: (ch) => ch === '‘',
  marks: /[‘’]/g,
};

/** Where the next character that may be a mark is, at or after `from`; the text's length if none. */
function nextMark(text: string, from: number, marks: QuoteMarks): number {
  marks.marks.lastIndex = from;
  return marks.marks.exec(text)?.index ?? text.length;
}

function findClose(text: string, from: number, marks: QuoteMarks): number {
  for (let i = nextMark(text, from, marks); i < text.length; i = nextMark(text, i + 1, marks))
    if (marks.closesAt(text, i)) return i;
  return -1;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Every quoted span in the blocks: in double marks, or in single marks where the document has no double-quoted
 * span at all (single marks otherwise nest inside double ones, or set off a term: ‘Good’). A quote left open
 * at a paragraph's end goes on in the next paragraphs (which may open with a mark again, press-release style)
 * until it closes; one that never closes was a stray mark.
 */
export function findQuoteSpans(blocks: Block[]): QuoteSpan[] {
  const double = spansMarkedBy(blocks, DOUBLE);
  return double.length ? double : spansMarkedBy(blocks, SINGLE);
}

function spansMarkedBy(blocks: Block[], marks: QuoteMarks): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    if (block.kind === 'heading') continue;
    const text = block.text;
    let i = nextMark(text, 0, marks);
    while (i < text.length) {
      if (!marks.opensAt(text, i)) {
        i = nextMark(text, i + 1, marks);
        continue;
      }
      const close = findClose(text, i + 1, marks);
      if (close >= 0) {
        spans.push({
          block: b,
          lastBlock: b,
          page: block.page,
          text: collapse(text.slice(i + 1, close)),
          before: text.slice(0, i),
          after: text.slice(close + 1),
        });
        i = nextMark(text, close + 1, marks);
        continue;
      }
      const continued = continueOver(blocks, b, text.slice(i + 1), marks);
      if (continued) {
        spans.push({ block: b, page: block.page, before: text.slice(0, i), ...continued });
        b = continued.lastBlock;
        break;
      }
      i = nextMark(text, i + 1, marks);
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
  marks: QuoteMarks,
): Pick<QuoteSpan, 'lastBlock' | 'text' | 'after' | 'cutOff'> | null {
  const parts = [opening];
  let b = start + 1;
  for (; b < blocks.length && b - start <= MAX_PARAGRAPHS; b++) {
    const block = blocks[b]!;
    if (block.kind === 'heading') return null;
    const text = marks.reopens(block.text[0]!) ? block.text.slice(1) : block.text;
    const close = findClose(text, 0, marks);
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
