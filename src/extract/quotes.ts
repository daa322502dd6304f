import type { Block } from '../document.js';
import type { Quote } from '../findings.js';
import {
  labelAttribution,
  proseAttribution,
  trailingAttribution,
  type Attribution,
  type AttributionContext,
} from './attribution.js';
import type { DocumentContext } from './context.js';
import { DOUBT, scored } from './data/confidence.js';
import { namingAttribution } from './naming-attribution.js';
import { firstNameIn, PeopleRegistry } from './people.js';
import { isClause } from './text/clauses.js';
import { findQuoteSpans, type QuoteSpan } from './text/quote-spans.js';
import { sentencesOf } from './text/sentences.js';

/** Below this many words a quotation attributed only in prose is a phrase ("played for a fool"), not a quote... */
const MIN_PROSE_QUOTE_WORDS = 5;
/** ...unless it is a clause of its own, of at least this many words: "“We are overwhelmed,” one officer told us." */
const MIN_CLAUSE_QUOTE_WORDS = 2;

const wordCount = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
const longEnough = (text: string) =>
  wordCount(text) >= MIN_PROSE_QUOTE_WORDS || (wordCount(text) >= MIN_CLAUSE_QUOTE_WORDS && isClause(text));

/**
 * Quotes in reports and posts: staff testimony with a bracketed attribution, "(PSO, CRC)", and
 * statements attributed in prose, "Frances Crook, Chief Executive of ..., said:". Quoted words
 * nobody is said to have spoken (scare quotes, titles, a report's phrases) are left out.
 * Transcripts are read turn by turn by the transcript genre instead.
 */
export function extractQuotes(doc: DocumentContext): Quote[] {
  const { blocks, metadata } = doc;
  const spans = [...findQuoteSpans(blocks)];
  // Most documents quote nobody: who they name is worked out only for those that do.
  if (!spans.length && !blocks.some((b) => /:\s*$/.test(b.text))) return [];
  const people = PeopleRegistry.fromTexts(blocks.map((b) => b.text));
  // The person a paragraph is about, carried forward, so that "He said:" finds them; read as far as a quote needs.
  const subjects: Array<string | null> = [];
  const subjectAt = (index: number): string | null => {
    while (subjects.length <= index)
      subjects.push(firstNameIn(blocks[subjects.length]!.text) ?? subjects[subjects.length - 1] ?? null);
    return subjects[index]!;
  };

  const quotes: Quote[] = [];
  let previous: Attribution | null = null;
  const attributionOf = (span: QuoteSpan): Attribution | null => {
    const prior = blocks[span.block - 1];
    const leadIn = span.before.trim() || (prior && /:\s*$/.test(prior.text) ? prior.text : '');
    // "He also implied ...": the person the text before the quote names for the pronoun, else the one the paragraph is about.
    const ctx: AttributionContext = {
      people,
      publisher: metadata.publisher,
      subject: () => pronounReferent(span.before) ?? subjectAt(span.block),
      previous,
    };
    // A quote that does not end its sentence is attributed after it: "“We are overwhelmed,” one officer told us."
    const runsOn = /[,–—-]$/.test(span.text) || /^\s*(?:,|[a-z])/.test(span.after);
    return (
      labelAttribution(span.after, leadIn, ctx) ??
      (longEnough(span.text)
        ? ((runsOn ? trailingAttribution(span.after, ctx) : null) ?? proseAttribution(leadIn, ctx))
        : namingAttribution(span.before, ctx))
    );
  };
  // Where the last attributed quote closed, for a statement that goes on in a paragraph of its own.
  let previousEnd = -1;
  const continuationOf = (span: QuoteSpan): Attribution | null =>
    previous && continuesStatement(blocks, span, previousEnd) ? { ...previous, rule: 'quote.continued' } : null;
  const add = (span: QuoteSpan, attribution: Attribution) => {
    previous = attribution;
    previousEnd = span.lastBlock;
    quotes.push({
      page: span.page,
      text: span.text.replace(/,$/, ''),
      speaker: attribution.speaker,
      role: attribution.role,
      organisation: attribution.organisation,
      kind: attribution.kind,
      question: null,
      attribution: attribution.verbatim,
      // A quotation the copy cut off ends where the copy does, not where the speaker stopped.
      ...scored(attribution.rule, ...(span.cutOff ? [DOUBT.cutOff] : [])),
    });
  };
  const blockQuoted = blockQuotations(blocks, (leadIn) => {
    const attribution = proseAttribution(leadIn, {
      people,
      publisher: metadata.publisher,
      subject: () => pronounReferent(leadIn),
      previous,
    });
    // Only a person's words are set out this way as a quote; a body's are a document's ("the Ministry explained:").
    return attribution?.speaker ? attribution : null;
  });
  // A paragraph that quotes someone inside it in quote marks is reported prose, not a block quotation.
  const blockQuotes = new Map(
    blockQuoted
      .filter((q) => !spans.some((span) => span.block === q.span.block && attributionOf(span)))
      .map((q) => [q.span, q.attribution]),
  );
  const inBlockQuote = new Set([...blockQuotes.keys()].map((span) => span.block));
  for (const span of [...spans.filter((s) => !inBlockQuote.has(s.block)), ...blockQuotes.keys()].sort(
    (a, b) => a.block - b.block,
  )) {
    const attribution = blockQuotes.get(span) ?? attributionOf(span) ?? continuationOf(span);
    if (attribution && wordCount(span.text) >= 2) add(span, attribution);
    else if (!attribution && wordCount(span.text) >= MIN_PROSE_QUOTE_WORDS) {
      doc.log?.message(
        'quotes.unattributed',
        `quotation attributed to nobody, left out: “${span.text.split(/\s+/).slice(0, 8).join(' ')}…”`,
        span.page,
      );
    }
  }
  return withoutRepeats(quotes);
}

const plainWords = (text: string) =>
  text
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .toLowerCase();

/**
 * A quote whose words are part of a longer quote of the same speaker in the same document (a post pasting part of a
 * statement again, a pull quote cut from it) is left out: the longer one holds it. The same words twice stay two
 * rows, which the index links as copies of one fact.
 */
function withoutRepeats(quotes: Quote[]): Quote[] {
  const words = quotes.map((q) => plainWords(q.text));
  // Compared only within one voice: a long report quotes hundreds of people.
  const byVoice = new Map<string, number[]>();
  quotes.forEach((q, i) => {
    const voice = JSON.stringify([q.speaker, q.role]);
    const same = byVoice.get(voice);
    if (same) same.push(i);
    else byVoice.set(voice, [i]);
  });
  // Strictly longer: the same words twice are two rows the index links as copies of one fact.
  const heldBy = (i: number, j: number) => words[j]!.length > words[i]!.length && words[j]!.includes(words[i]!);
  const repeats = new Set<number>();
  for (const voice of byVoice.values()) for (const i of voice) if (voice.some((j) => heldBy(i, j))) repeats.add(i);
  return quotes.filter((_, i) => !repeats.has(i));
}

/**
 * A paragraph that is nothing but a quotation, right after a quote of a person (with at most headings between): the
 * same statement going on, as press releases set out a long one under their own subheadings.
 */
function continuesStatement(blocks: Block[], span: QuoteSpan, previousEnd: number): boolean {
  if (previousEnd < 0 || span.block <= previousEnd || span.before.trim() || span.after.trim()) return false;
  return blocks.slice(previousEnd + 1, span.block).every((b) => b.kind === 'heading');
}

/**
 * Whom "he" or "she" stands for, from the text before the quote: the first person named in the
 * pronoun's own sentence before it ("with the Secretary of State, Chris Grayling MP, he explained"),
 * else the first named in the sentence before ("Richard Garside ... commented on a report by Dame
 * Glenys Stacey. He said:").
 */
function pronounReferent(before: string): string | null {
  const sentences = sentencesOf(before.trim());
  const own = sentences[sentences.length - 1] ?? '';
  const pronoun = /\b(?:he|she)\b/i.exec(own);
  return (
    firstNameIn(pronoun ? own.slice(0, pronoun.index) : own) ??
    (sentences.length > 1 ? firstNameIn(sentences[sentences.length - 2]!) : null)
  );
}

/** How long a paragraph set out after "X said:" must be to be a block quotation of X. */
const MIN_BLOCK_QUOTE_WORDS = 8;

/**
 * Block quotations: a paragraph without quote marks (an HTML blockquote, or a paragraph after a
 * lead-in ending in a colon) whose lead-in attributes it to a person.
 */
function blockQuotations(
  blocks: Block[],
  attribute: (leadIn: string) => Attribution | null,
): Array<{ span: QuoteSpan; attribution: Attribution }> {
  const found: Array<{ span: QuoteSpan; attribution: Attribution }> = [];
  for (let b = 1; b < blocks.length; b++) {
    const block = blocks[b]!;
    const prior = blocks[b - 1]!;
    if (
      !(block.kind === 'quote' || block.kind === 'paragraph') ||
      prior.kind === 'heading' ||
      !/:\s*$/.test(prior.text)
    )
      continue;
    if (/^\s*[“"‘']/.test(block.text) || wordCount(block.text) < MIN_BLOCK_QUOTE_WORDS) continue;
    const attribution = attribute(prior.text);
    if (attribution)
      found.push({
        span: {
          block: b,
          lastBlock: b,
          page: block.page,
          text: block.text.replace(/\s+/g, ' ').trim(),
          before: '',
          after: '',
        },
        attribution: { ...attribution, rule: 'quote.block' },
      });
  }
  return found;
}
