import nlp from 'compromise';
import type { Figure, FigureTopic, Qualifier } from '../findings.js';
import type { DocumentContext } from './context.js';
import {
  CAPACITY_NOUN,
  CASELOAD_ANCHOR,
  INSPECTED_CASES,
  NON_PEOPLE_NOUNS,
  PEOPLE_ANCHOR,
  PEOPLE_COUNTED,
  PEOPLE_NOUNS,
  SAMPLED,
  SERVICE_USER_NOUNS,
  SHARE_OF_POSTS,
  SHARE_VERBS,
  STAFF_NOUNS,
  SUPERVISION_CUE,
  TOPIC_KEYWORDS,
  WORKLOAD_WORDS,
} from './data/figure-topics.js';
import { DOUBT, scored, type RuleName } from './data/confidence.js';
import { PEOPLE, RESPONDENTS } from './data/people.js';
import { groupCarriedFrom, subjectOf, type NumberSpan } from './figure-subjects.js';
import { memoize } from './text/memo.js';
import { NUMBER, NUMBER_WORDS, parseNumber } from './text/numbers.js';
import { printedSentences } from './text/sentences.js';
import { alternation } from '../text/patterns.js';

interface Token extends NumberSpan {
  value: number;
  text: string;
  /** Money: GBP, USD or EUR. */
  currency?: string;
}

const MONTHS = /^\s*(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/;
const MONEY = /([£$€])\s?(\d[\d,]*(?:\.\d+)?)\s*(bn|billion|m|million|k|thousand)?\b/gi;
/** The export contract's unit for each currency sign. */
const CURRENCY: Record<string, string> = { '£': 'GBP', $: 'USD', '€': 'EUR' };
const SCALE: Record<string, number> = { bn: 1e9, billion: 1e9, m: 1e6, million: 1e6, k: 1e3, thousand: 1e3 };
const PERCENT = new RegExp(`(?<![\\w.])(${NUMBER})\\s*(?:%|per\\s*cent\\b|percent\\b)`, 'gi');
const FRACTIONS: Array<[RegExp, (m: RegExpExecArray) => number]> = [
  [/\b(two|three)[\s-]thirds\b/gi, () => 66.67],
  [/\b(?:a|one)[\s-]third\b/gi, () => 33.33],
  [/\bthree[\s-]quarters\b/gi, () => 75],
  [/\b(?:a|one)[\s-]quarter\b/gi, () => 25],
  [/\b(?:a|one)[\s-]fifth\b/gi, () => 20],
  [/(?<!and[\s-]a[\s-])\bhalf\b(?![\s-](?:an?\s+)?(?:hour|day|week|year|term))/gi, () => 50],
  [
    new RegExp(
      // "one in three probation officers", and "three in ten were given workloads" of a group named before.
      `\\b(${NUMBER}) (?:in|out of) (${NUMBER})\\b(?=\\s+(?:[\\w-]+\\s+){0,3}(?:${alternation([...PEOPLE, ...RESPONDENTS, 'cases'])})\\b|\\s+(?:${alternation(SHARE_VERBS)})\\b)`,
      'gi',
    ),
    (m) => Math.round(((parseNumber(m[1]!) ?? NaN) / (parseNumber(m[2]!) ?? NaN)) * 10000) / 100,
  ],
];
/** A share counted as "one in five" or "seven out of ten". */
const IN_OR_OUT_OF = /\s(?:in|out of)\s/i;
/** A cheap first test for any of FRACTIONS: their words, or "in" / "out of" between numbers. */
const MAY_BE_FRACTION = new RegExp(`half|third|quarter|fifth|${IN_OR_OUT_OF.source}`, 'i');
/** A number after a hyphen only as a range's upper bound: "50-60 cases", not "2014-15" or "-3". */
const PLAIN = new RegExp(
  `(?<![\\w.£,])(?<!(?<!(?<![\\d.,])\\d{1,3})[-–])(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|${NUMBER_WORDS})(?![\\w%]|\\.\\d|,\\d{3})`,
  'gi',
);
const YEAR = /^(?:19|20)\d{2}$/;
/** A number with a scale word: "1.2 million", "a quarter of a million", "half a million". */
const SCALED = new RegExp(
  `(?<![\\w.,£])(\\d[\\d,]*(?:\\.\\d+)?|a quarter|three quarters|a third|two thirds|half|${NUMBER_WORDS}|an?)\\s+(?:of\\s+)?(?:an?\\s+)?(million|billion|thousand)\\b`,
  'gi',
);
const SCALE_FRACTIONS: Record<string, number> = {
  'a quarter': 0.25,
  'three quarters': 0.75,
  'a third': 1 / 3,
  'two thirds': 2 / 3,
  half: 0.5,
  a: 1,
  an: 1,
};
/** A list or range running into "cases": "60, 70, 80 or more cases", "between 50 and 60 cases". */
const RUNS_INTO_CASES = new RegExp(
  `^(?:\\s*(?:,|and|or|to|-|–)\\s*${NUMBER})*\\s*(?:or more|or less|plus)?\\s*cases\\b`,
  'i',
);
/** Words just before a number that make it an identifier: "Q66", "paragraph 4", "HC 1234". */
const IDENTIFIER_BEFORE = /\b(?:Q|paragraphs?|standard|HC|page|p\.|section|table|figure|chapter|minus)\s*$/i;
/** Number words count cases only right after the caseload word: "a caseload of fifty or more". */
const RIGHT_AFTER_CASELOAD =
  /\b(?:caseloads?|cases)\s+(?:of\s+)?(?:(?:over|above|under|below|around|about|nearly|almost|more than|less than)\s+)?$/i;
/** How far back the patterns anchored at a number look: the longest of them, with room to spare. */
const LOOK_BEHIND = 60;
/** Cheap test for a block worth splitting into sentences: digits, pounds, fractions or number words. */
const MAY_MEASURE = new RegExp(`[\\d£%]|\\b(?:half|third|quarter|fifth|${NUMBER_WORDS})\\b`, 'i');

const QUALIFIER_BEFORE: Array<[RegExp, Qualifier]> = [
  [/\b(?:at least|no fewer than|no less than)\s*$/i, 'at least'],
  [/\b(?:at most|no more than|up to)\s*$/i, 'at most'],
  [/\b(?:more than|over|above|in excess of|exceeding|upwards of)\s*$/i, 'over'],
  [/\b(?:less than|fewer than|under|below)\s*$/i, 'under'],
  [/\b(?:around|about|nearly|almost|approximately|roughly|some|circa|c\.)\s*$/i, 'about'],
  [/\bexactly\s*$/i, 'exactly'],
];
const QUALIFIER_AFTER: Array<[RegExp, Qualifier]> = [
  [/^\s*(?:cases\s+)?(?:or more|or above|or over|and above|plus|\+)/i, 'at least'],
  [/^\s*(?:cases\s+)?(?:or less|or fewer|or below|and below|or under)/i, 'at most'],
];

const FIGURE_RULES: Record<string, RuleName> = {
  money: 'figure.money',
  share: 'figure.share',
  cases: 'figure.cases',
  people: 'figure.people',
};

function scaledValue(number: string, scale: string): number | null {
  const base = SCALE_FRACTIONS[number.toLowerCase()] ?? parseNumber(number);
  return base === null ? null : Math.round(base * SCALE[scale.toLowerCase()]!);
}

function overlaps(tokens: Token[], start: number, end: number): boolean {
  return tokens.some((t) => start < t.end && end > t.start);
}

function moneyTokens(sentence: string): Token[] {
  return [...sentence.matchAll(MONEY)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    value: Number(m[2]!.replace(/,/g, '')) * (m[3] ? SCALE[m[3].toLowerCase()]! : 1),
    kind: 'money' as const,
    text: m[0].trim(),
    currency: CURRENCY[m[1]!]!,
  }));
}

function shareTokens(sentence: string, taken: Token[]): Token[] {
  const tokens: Token[] = [];
  for (const m of sentence.matchAll(PERCENT)) {
    const value = parseNumber(m[1]!);
    if (value !== null && !/minus\s*$/i.test(sentence.slice(Math.max(0, m.index - LOOK_BEHIND), m.index)))
      tokens.push({ start: m.index, end: m.index + m[0].length, value, kind: 'share', text: m[0] });
  }
  if (!MAY_BE_FRACTION.test(sentence)) return tokens;
  for (const [re, value] of FRACTIONS) {
    for (const m of sentence.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      // "Less than half (46 per cent)": the precise figure stands for the fraction; "a quarter of a million" is a count.
      if (
        overlaps([...taken, ...tokens], start, end) ||
        /^\s*\(\s*\d/.test(sentence.slice(end)) ||
        /^\s+(?:of\s+)?an?\s+(?:million|billion|thousand)\b/i.test(sentence.slice(end))
      )
        continue;
      const v = value(m);
      if (Number.isFinite(v)) tokens.push({ start, end, value: v, kind: 'share', text: m[0] });
    }
  }
  return tokens;
}

/** Bare numbers that count cases or people: next to "cases", or soon after a caseload word. */
function countTokens(sentence: string, taken: Token[]): Array<Token & { unit: string }> {
  const anchors = (re: RegExp) => [...sentence.matchAll(re)].map((m) => m.index + m[0].length);
  const caseAnchors = anchors(CASELOAD_ANCHOR);
  const peopleAnchors = anchors(PEOPLE_ANCHOR);
  const wordsBetween = (from: number, to: number) => sentence.slice(from, to).split(/\s+/).filter(Boolean).length;
  const tokens: Array<Token & { unit: string }> = [];
  const onProbation = SUPERVISION_CUE.test(sentence);
  // Counts of people on probation, as press releases and reports state them: "more than 8,400 low and medium-risk offenders".
  for (const m of onProbation ? [...sentence.matchAll(SCALED), ...sentence.matchAll(PLAIN)] : []) {
    const start = m.index;
    const end = start + m[0].length;
    const value = m[2] ? scaledValue(m[1]!, m[2]) : /^\d/.test(m[1]!) ? parseNumber(m[1]!) : null;
    if (value === null || value < 100 || YEAR.test(m[0]) || overlaps([...taken, ...tokens], start, end)) continue;
    if (PEOPLE_COUNTED.test(sentence.slice(end)))
      tokens.push({ start, end, value, kind: 'count', text: m[0], unit: 'people' });
  }
  // A count of cases stands before "cases" or after a caseload word; one of people after a word for people.
  const mayCount = caseAnchors.length > 0 || peopleAnchors.length > 0 || /cases\b/i.test(sentence);
  for (const m of mayCount ? sentence.matchAll(PLAIN) : []) {
    const start = m.index;
    const end = start + m[0].length;
    const before = sentence.slice(0, start);
    const after = sentence.slice(end);
    if (
      overlaps([...taken, ...tokens], start, end) ||
      YEAR.test(m[1]!) ||
      MONTHS.test(after) ||
      MONTHS.test(before.slice(-12).replace(/^.*\b(?=[A-Z])/, ''))
    )
      continue;
    if (IDENTIFIER_BEFORE.test(before.slice(-LOOK_BEHIND)) || SAMPLED.test(before.slice(-LOOK_BEHIND))) continue;
    const value = parseNumber(m[1]!);
    if (value === null) continue;
    const beforeCases = RUNS_INTO_CASES.test(after);
    if (!beforeCases && countsSomethingElse(m[1]!, before, after)) continue;
    const nearCaseload = caseAnchors.some((a) => a <= start && wordsBetween(a, start) <= 12);
    const nearPeople = peopleAnchors.some((a) => a <= start && wordsBetween(a, start) <= 20);
    if (beforeCases || nearCaseload) tokens.push({ start, end, value, kind: 'count', text: m[0], unit: 'cases' });
    else if (nearPeople && value >= 100) tokens.push({ start, end, value, kind: 'count', text: m[0], unit: 'people' });
  }
  return tokens;
}

const startsWithNoun = memoize((words: string) => nlp(words).has('^#Adjective? #Noun'));

/**
 * Near a caseload word, a number may still count something else: "20,000 police officers",
 * "no one else", "five out of nine CRCs". Words for numbers count cases only right after the
 * caseload word ("a caseload of fifty or more").
 */
function countsSomethingElse(number: string, before: string, after: string): boolean {
  if (!/^\d/.test(number) && !RIGHT_AFTER_CASELOAD.test(before.slice(-LOOK_BEHIND))) return true;
  const next = after.trim().split(/\s+/).slice(0, 2).join(' ');
  return /^[a-z]/.test(next) && startsWithNoun(next);
}

function qualifierOf(sentence: string, token: Token): Qualifier | null {
  const before = sentence.slice(Math.max(0, token.start - 30), token.start);
  const after = sentence.slice(token.end, token.end + 20);
  return (
    QUALIFIER_AFTER.find(([re]) => re.test(after))?.[1] ?? QUALIFIER_BEFORE.find(([re]) => re.test(before))?.[1] ?? null
  );
}

/** The clause holding a position: between dashes, semicolons and brackets. */
function clauseAround(sentence: string, pos: number): string {
  const from = Math.max(...[' – ', ' — ', '; ', '('].map((sep) => sentence.lastIndexOf(sep, pos)));
  const tos = [' – ', ' — ', '; ', ')'].map((sep) => sentence.indexOf(sep, pos)).filter((i) => i >= 0);
  return sentence.slice(Math.max(0, from), tos.length ? Math.min(...tos) : sentence.length);
}

function topicFromWords(...texts: string[]): FigureTopic | null {
  for (const text of texts) {
    const found = TOPIC_KEYWORDS.find(([, re]) => re.test(text));
    if (found) return found[0];
  }
  return null;
}

/** What a share is of: people (staff, service users) make it a figure in scope, cases or bodies do not. */
function shareTopic(sentence: string, token: Token, previous: string): FigureTopic {
  const after = sentence
    .slice(token.end)
    .replace(/^\s*\([^)]*\)/, '')
    .replace(/^\s*of\s+/i, '');
  const clause = clauseAround(sentence, token.start);
  const ofCapacityWorked = CAPACITY_NOUN.test(after) && WORKLOAD_WORDS.test(clause);
  // What the share is of follows "of" ("two thirds of the cases") or the count itself ("one in five cases").
  const ofWhat = /^\s*(?:\([^)]*\)\s*)?of\s/i.test(sentence.slice(token.end)) || IN_OR_OUT_OF.test(token.text);
  if (ofWhat && NON_PEOPLE_NOUNS.test(after.trimStart()) && !PEOPLE_NOUNS.test(after.trimStart()) && !ofCapacityWorked)
    return 'other';
  if (SHARE_OF_POSTS.test(clause)) return 'other';
  const topic = topicFromWords(clause, sentence, previous);
  // "cases" made it a caseload, but they are the cases an inspection read.
  if (topic === 'caseload' && INSPECTED_CASES.test(sentence) && !/\bcaseloads?\b/i.test(sentence)) return 'other';
  if (topic) return topic;
  // Shares of people, with no word for what they measure: of staff, or of people on probation.
  if (STAFF_NOUNS.test(clause) || STAFF_NOUNS.test(sentence)) return 'staffing';
  return SERVICE_USER_NOUNS.test(clause) || SERVICE_USER_NOUNS.test(sentence) ? 'compliance' : 'other';
}

/**
 * Numbers that measure something: money (always funding), shares of staff or service users,
 * and counts of cases or of people on probation, each with unit, qualifier, topic and whose
 * figure it is. Dates, years, identifiers and ordinals are not figures.
 */
export function extractFigures({ blocks }: DocumentContext): Figure[] {
  const figures: Figure[] = [];
  for (const block of blocks) {
    if (block.kind === 'heading' || !MAY_MEASURE.test(block.text)) continue;
    let previous = '';
    // Whose figures the sentence before gave: "This is an increase of 90 (16.9%)" is about them too.
    let carried: () => string | null = () => null;
    for (const sentence of printedSentences(block.text)) {
      // Most sentences of a block with a number have none: they are passed by after one test.
      const measures = MAY_MEASURE.test(sentence);
      const money = measures ? moneyTokens(sentence) : [];
      const shares = measures ? shareTokens(sentence, money) : [];
      const counts = measures ? countTokens(sentence, [...money, ...shares]) : [];
      // The group of the sentence's last figure of people, for the sentence after.
      const groups: Array<{ at: number; subject: string }> = [];
      const add = (token: Token, unit: string, topic: FigureTopic) => {
        const subject = subjectOf(sentence, token, carried);
        if (token.kind !== 'money' && subject) groups.push({ at: token.start, subject });
        figures.push({
          page: block.page,
          sentence,
          value: token.value,
          unit,
          qualifier: qualifierOf(sentence, token),
          topic,
          subject,
          phrase: token.text,
          ...scored(
            FIGURE_RULES[token.kind === 'count' ? unit : token.kind] ?? 'figure.cases',
            ...(topic === 'other' ? [DOUBT.topicUnknown] : []),
          ),
        });
      };
      for (const t of money) add(t, t.currency!, 'funding');
      for (const t of shares) add(t, 'percent', shareTopic(sentence, t, previous));
      for (const t of counts) {
        const topic =
          t.unit === 'people'
            ? SUPERVISION_CUE.test(sentence) || topicFromWords(sentence) === 'caseload'
              ? 'caseload'
              : 'other'
            : topicFromWords(clauseAround(sentence, t.start)) === 'workload'
              ? 'workload'
              : 'caseload';
        add(t, t.unit, topic);
      }
      previous = sentence;
      const lastGroup = groups.sort((a, b) => b.at - a.at)[0]?.subject;
      carried = () => lastGroup ?? groupCarriedFrom(sentence);
    }
  }
  return figures.sort((a, b) => (a.page ?? 0) - (b.page ?? 0));
}
