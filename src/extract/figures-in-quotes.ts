import type { Figure, Quote } from '../findings.js';
import { speaksOfOwnWork } from './figure-subjects.js';

/** The quoted words of a sentence: from its opening mark, or its start, to its closing mark, or its end. */
const quotedWords = (sentence: string) => {
  const from = sentence.search(/[“"]/);
  const to = Math.max(sentence.lastIndexOf('”'), from >= 0 ? sentence.lastIndexOf('"') : -1);
  return sentence.slice(from + 1, to > from ? to : sentence.length);
};

const plain = (text: string) =>
  text
    .replace(/[“”"‘’']/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** How far apart in pages a figure and the quote holding it may be found: a quotation may run over a page break. */
const PAGE_REACH = 1;

/**
 * A figure someone gives of their own work, in their own words ("I used to have 67 cases, so 57
 * seems more manageable", said a PSO), is that speaker's: its subject is the quote's role, or the
 * speaker where the quote names a person. Only first-person figures without a subject of their own
 * are filled: "The Ministry spends over £10bn a year", quoted from an expert, is not the expert's.
 */
export function figuresOfSpeakers(figures: Figure[], quotes: Quote[]): Figure[] {
  if (!quotes.length) return figures;
  const quoted = quotes.filter((q) => q.role ?? q.speaker).map((q) => ({ quote: q, text: plain(q.text) }));
  return figures.map((figure) => {
    if (figure.subject || !speaksOfOwnWork(figure.sentence)) return figure;
    const sentence = plain(quotedWords(figure.sentence));
    const phrase = plain(figure.phrase);
    const holder = quoted.find(
      ({ quote, text }) =>
        (quote.page === null || figure.page === null || Math.abs(quote.page - figure.page) <= PAGE_REACH) &&
        (text.includes(sentence) || (sentence.includes(text) && text.includes(phrase))),
    );
    return holder ? { ...figure, subject: holder.quote.role ?? holder.quote.speaker } : figure;
  });
}
