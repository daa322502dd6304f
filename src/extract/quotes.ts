import type { Quote } from '../findings.js';
import { bracketAttribution, proseAttribution, type AttributionContext } from './attribution.js';
import type { DocumentContext } from './context.js';
import { firstNameIn, PeopleRegistry } from './people.js';
import { findQuoteSpans } from './text/quote-spans.js';

/** Below this many words a quotation attributed only in prose is a phrase ("played for a fool"), not a quote. */
const MIN_PROSE_QUOTE_WORDS = 5;

const wordCount = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/**
 * Quotes in reports and posts: staff testimony with a bracketed attribution, "(PSO, CRC)", and
 * statements attributed in prose, "Frances Crook, Chief Executive of ..., said:". Quoted words
 * nobody is said to have spoken (scare quotes, titles, a report's phrases) are left out.
 * Transcripts are read turn by turn by the oral-evidence extractor instead.
 */
export function extractQuotes({ blocks, metadata }: DocumentContext): Quote[] {
  if (metadata.type === 'oral-evidence') return [];
  const spans = [...findQuoteSpans(blocks)];
  // Most documents quote nobody: who they name is worked out only for those that do.
  if (!spans.length) return [];
  const people = PeopleRegistry.fromTexts(blocks.map((b) => b.text));
  // The person a paragraph is about, carried forward, so that "He said:" finds them; read as far as a quote needs.
  const subjects: Array<string | null> = [];
  const subjectAt = (index: number): string | null => {
    while (subjects.length <= index) subjects.push(firstNameIn(blocks[subjects.length]!.text) ?? subjects[subjects.length - 1] ?? null);
    return subjects[index]!;
  };

  const quotes: Quote[] = [];
  for (const span of spans) {
    const previous = blocks[span.block - 1];
    const leadIn = span.before.trim() || (previous && /:\s*$/.test(previous.text) ? previous.text : '');
    const ctx: AttributionContext = { people, publisher: metadata.publisher, subject: () => subjectAt(span.block) };
    const words = wordCount(span.text);
    const attribution = bracketAttribution(span.after, leadIn, ctx) ?? (words >= MIN_PROSE_QUOTE_WORDS ? proseAttribution(leadIn, ctx) : null);
    if (!attribution || words < 2) continue;
    quotes.push({
      page: span.page,
      text: span.text,
      speaker: attribution.speaker,
      role: attribution.role,
      organisation: attribution.organisation,
      kind: attribution.kind,
      question: null,
      attribution: attribution.verbatim,
    });
  }
  return quotes;
}
