/**
 * How a document says when a judgement was made, as opposed to when the document was published:
 * a speech of 2020 reporting "our first round of inspections last year" gives ratings of 2019.
 */

/** A year relative to the document's own: "last year" is the year before it was published. */
export const RELATIVE_YEARS: Array<{ pattern: RegExp; offset: number }> = [
  { pattern: /\blast year\b|\bthe previous year\b/i, offset: -1 },
  { pattern: /\bthis year\b|\bnow\b/i, offset: 0 },
];

/**
 * A year the text names as when: "in 2019", "2019 inspections", "during 2018", and both of "in 2018 and
 * 2019" (a sentence of two years places nothing). Spans ("2018-19") are left out.
 */
export const STATED_YEAR =
  /\b(?:in|during|since)\s+(20\d\d)(?:\s+(?:and|or|to)\s+(20\d\d))?\b(?![-/–]\d)|\b(20\d\d)\s+inspections?\b/gi;

/**
 * A cheap first test of a sentence for any of the patterns above (a year, "year", "now", a round or
 * set of inspections): a sentence without one is placed in time by none of them.
 */
export const MAY_PLACE_IN_TIME = /20\d\d|year|\bnow\b|round|inspection/i;

/**
 * How long before the later one the earlier rating of a change was given: "improve from
 * ‘requires improvement’ to ‘outstanding’ over the past year" puts the first a year before.
 */
export const EARLIER_BY: Array<{ pattern: RegExp; years: number }> = [
  {
    pattern:
      /\b(?:over|in|during) the (?:past|last) (?:year|twelve months|12 months)\b|\bsince last year\b|\ba year (?:ago|earlier)\b/i,
    years: 1,
  },
  { pattern: /\b(?:over|in|during) the (?:past|last) two years\b|\btwo years (?:ago|earlier)\b/i, years: 2 },
];

/** A round of inspections, whose year a sentence elsewhere in the document may give. */
export const ROUNDS: Array<{ pattern: RegExp; round: number }> = [
  { pattern: /\bfirst (?:round|set|year) of (?:our )?inspections?\b|\bfirst[- ]round\b/i, round: 1 },
  { pattern: /\bsecond (?:round|set|year) of (?:our )?inspections?\b|\byear two\b|\bsecond[- ]round\b/i, round: 2 },
];

/**
 * A year printed beside one rating, which is that rating's own whatever else the sentence dates: "having previously
 * been rated ‘Inadequate’ in 2022", "was last inspected 2023, when it was rated as ‘Requires improvement’".
 */
export const YEAR_AFTER_RATING = /^[’'"”]?\s*(?:overall\s+)?(?:in|during)\s+(20\d\d)\b/i;
export const YEAR_BEFORE_RATING =
  /\b(20\d\d),?\s+when\s+(?:it|they|the\s+[\w-]+)\s+(?:was|were)\s+(?:rated|judged)(?:\s+as)?\s*[‘'"“]?$/i;
