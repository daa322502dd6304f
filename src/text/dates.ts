/**
 * Dates as documents and web pages print them: "Published 12 March 2019", "3 Dec 2020",
 * "December 3, 2020", "2020-12-03", "March 2021". Shared by the metadata extractor (a cover's
 * date) and the fetcher (a landing page's date).
 */

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
/** A month in full or as web pages shorten it ("Dec", "Sept."). */
const MONTH = `(${MONTHS.map((m) => (m.length > 3 ? `${m.slice(0, 3)}(?:${m === 'september' ? 't(?:ember)?' : m.slice(3)})?` : m)).join('|')})\\.?(?![a-z])`;
const WEEKDAY = '(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s+)?';
export const PUBLISHED_ON = new RegExp(
  `\\bpublished(?:\\s+on)?:?\\s+${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}\\s+(\\d{4})\\b`,
  'i',
);
export const FULL_DATE = new RegExp(`\\b${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})\\b`, 'i');
const MONTH_YEAR = new RegExp(`\\b${MONTH}\\s+(\\d{4})\\b`, 'i');
/** "December 3, 2020", as American-style pages date themselves. */
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,\\s+(\\d{4})\\b`, 'i');
/** "2020-12-03", as a page's dateline may print it. */
const ISO_DATE = /\b((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b/;
const LONE_YEAR = /(?:^|\s)((?:19|20)\d{2})$/;

const pad = (n: number | string) => String(n).padStart(2, '0');
const monthNumber = (name: string) => MONTHS.findIndex((m) => m.startsWith(name.toLowerCase().slice(0, 3))) + 1;

/** The publication date a cover states, most specific wording first. */
export function coverDate(lines: string[]): string | null {
  const text = lines.join('\n');
  const published = PUBLISHED_ON.exec(text);
  if (published) return `${published[3]}-${pad(monthNumber(published[2]!))}-${pad(published[1]!)}`;
  const full = FULL_DATE.exec(text);
  if (full) return `${full[3]}-${pad(monthNumber(full[2]!))}-${pad(full[1]!)}`;
  const american = MONTH_DAY_YEAR.exec(text);
  if (american) return `${american[3]}-${pad(monthNumber(american[1]!))}-${pad(american[2]!)}`;
  const iso = ISO_DATE.exec(text);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const monthYear = MONTH_YEAR.exec(text);
  if (monthYear) return `${monthYear[2]}-${pad(monthNumber(monthYear[1]!))}`;
  for (const line of lines) {
    const year = LONE_YEAR.exec(line);
    if (year) return year[1]!;
  }
  return null;
}
