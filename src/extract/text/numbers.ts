import nlp from 'compromise';
import { memoize } from './memo.js';

const SMALL = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** A number written in words ("five", "Forty two", "twenty-one", "a hundred"), as a pattern. */
export const NUMBER_WORDS = `(?:(?:${TENS.join('|')})(?:[\\s-](?:${SMALL.slice(1, 10).join('|')}))?|${SMALL.join('|')}|(?:a|one) hundred)`;
/** Digits ("3,000", "4.7") or words. */
export const NUMBER = `(?:\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|${NUMBER_WORDS})`;

/** Number words, as compromise reads them; the same few words come back in every document. */
const wordsValue = memoize((words: string): number | null => {
  const [value] = nlp(words).numbers().get() as unknown[];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
});

/** The value of a number in digits or words. */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  if (/^[\d,]+(?:\.\d+)?$/.test(trimmed)) return Number(trimmed.replace(/,/g, ''));
  return wordsValue(trimmed.replace(/-/g, ' ').toLowerCase());
}
