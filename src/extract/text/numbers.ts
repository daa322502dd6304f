import nlp from 'compromise';

const SMALL = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** A number written in words ("five", "Forty two", "twenty-one", "a hundred"), as a pattern. */
export const NUMBER_WORDS = `(?:(?:${TENS.join('|')})(?:[\\s-](?:${SMALL.slice(1, 10).join('|')}))?|${SMALL.join('|')}|(?:a|one) hundred)`;
/** Digits ("3,000", "4.7") or words. */
export const NUMBER = `(?:\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|${NUMBER_WORDS})`;

/** The value of a number in digits or words; compromise reads the words. */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  if (/^[\d,]+(?:\.\d+)?$/.test(trimmed)) return Number(trimmed.replace(/,/g, ''));
  const [value] = nlp(trimmed.replace(/-/g, ' ')).numbers().get() as unknown[];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
