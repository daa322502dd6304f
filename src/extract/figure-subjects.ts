import nlp from 'compromise';
import {
  BODIES_AS_GROUPS,
  EQUATING_VERBS,
  HEDGES,
  MEASURE_HEADS,
  MONEY_HEADS,
  NOT_MODIFIERS,
  PAYING_VERBS,
} from './data/figure-subjects.js';
import { OFFICER_KINDS, PEOPLE, PEOPLE_ING_WORDS } from './data/people.js';
import { PEOPLE_COUNTED } from './data/figure-topics.js';
import { memoize } from './text/memo.js';
import { NUMBER_WORDS } from './text/numbers.js';
import { alternation } from '../text/patterns.js';

/** Where a number stands in its sentence, and what it measures. */
export interface NumberSpan {
  start: number;
  end: number;
  kind: 'money' | 'share' | 'count';
}

const HEDGE = `(?:(?:${alternation(HEDGES)})\\s+)?`;
const PEOPLE_HEAD = `(?:(?:${alternation(OFFICER_KINDS)})\\s+)?(?:${alternation(PEOPLE)})`;
/** A number is no part of whose figure it is: "one in three probation officers" is about probation officers. */
const NOT_A_MODIFIER = `(?!(?:${alternation(NOT_MODIFIERS)})\\b|(?:${NUMBER_WORDS}|million|billion|thousand)\\b|[\\d,.]+\\b)`;
/** A grade is part of it: "band 4 probation officers", "level 3 staff". */
const GRADE = String.raw`(?:band|grade|level|tier)\s+\d+\s+`;
/** A group, with up to two words that narrow it ("CRC staff", "experienced practitioners", "third sector organisations"). */
const groupPhrase = (head: string) =>
  new RegExp(String.raw`(?<![\w,.])((?:${GRADE})?(?:${NOT_A_MODIFIER}[\w’'-]+\s+){0,2}${head})\b`, 'gi');
const PEOPLE_PHRASE = groupPhrase(PEOPLE_HEAD);
/** Bodies are the group only where a sentence names no people: "staff in CRCs" is about staff. */
const BODIES_PHRASE = groupPhrase(`(?:${alternation(BODIES_AS_GROUPS)})`);
/** Where the group is, when a proper name says: "staff in CRCs", "probation staff in Norway". */
const PLACE_AFTER = /^(?:\s+caseloads?)?\s+in\s+[A-Z][\w’'-]*(?:\s+(?:(?:and|of)\s+)?[A-Z][\w’'-]*)*/;

/** What people are, right after the group: "people on probation", "offenders under supervision", "men on licence". */
const ON_PROBATION = /^\s+(?:on|under)\s+(?:probation(?:\s+supervision)?|supervision|licence)\b/i;

/** "two thirds of whom": the group named before. */
const OF_WHOM = /^\s*\)?\s*(?:\([^)]*\)\s*)?of\s+whom\b/i;
/** "46 per cent) of probation practitioners", "two thirds of NPS responsible officers". */
const OF_GROUP = /^\s*\)?\s*(?:\([^)]*\)\s*)?of\s+/i;
/** Someone speaking of their own work: the figure is the speaker's, and the speaker is known only from the quote. */
const FIRST_PERSON = /\b(?:I|I[’']m|I[’']ve|I[’']d)\b|\b(?:my|me|My)\b/;

/** Where people counted are: "people were under probation supervision in England and Wales". */
const WHERE_PEOPLE_ARE =
  /^\s*(?:were|are|was|is|currently|now|being|\s)*((?:under|on)\s+(?:probation|supervision)[^,.;]*?)(?=\s+(?:by|at|as|who|which|from|since|between)\b|\s+and\s+\d|[,.;]|$)/i;
/** Who holds the people counted: "DLNR CRC supervises more than 8,400 ... offenders", "six CRCs supervising 18% of" (a pronoun names nobody). */
const SUPERVISOR = new RegExp(
  `(?:^|[,;]\\s+|\\bwith\\s+)(?!(?:It|They|He|She|We|This|That|These|Those)\\b)((?:the\\s+)?(?:[A-Z\\d][\\w’'-]*|(?:${NUMBER_WORDS})\\s+[\\w’'-]+)(?:\\s+(?:[A-Z][\\w’'-]*|and|of))*)\\s+(?:supervises|supervised|supervising|manages|managed|managing|is responsible for|was responsible for)\\s+${HEDGE}$`,
);

/** What money is for, right after it: "£4 billion for new prison places", "£22 million a year investment in “through-the-gate” support for offenders". */
const MONEY_PURPOSE =
  /^\s*(?:(?:a|per)\s+year\s+|more\s+)?(?:(?:investment|spending|funding|uplift|boost|cut)\s+)?(?:(?:has been|was|were|is|will be)\s+(?:committed|paid|given|awarded|allocated|granted|spent|invested)\s+)?(?:for|to support|to fund|on|towards|in|to)\s+((?:the\s+)?[“"‘]?[\w’'-]+[”"’]?(?:\s+[“"‘]?[\w’'()-]+[”"’]?){0,5}?)(?=\s*[,;.]|\s+(?:and|but|which|in order|when|where|as|if|because|without|by|over)\b|\s*$)/i;
/** What money is for, a few words on: "£4 billion in capital spending to support building new prisons", "£315 million set aside for maintaining the prison estate". */
const LATER_PURPOSE =
  /^[^,;.£]{0,40}?\b(?:to support|to fund|to pay for|set aside for|earmarked for|ring-fenced for)\s+((?:[\w’'-]+\s+){0,4}?[\w’'-]+)(?=\s*[,;.]|\s+(?:and|but|which|when|where|as|if|because|by|over)\b|\s*$)/i;
/** What the amount is itself: "£10.4 billion net economic benefits to society over ...". */
const MONEY_NOUN =
  /^\s*((?:[a-z][\w-]*\s+){0,3}(?:benefits?|savings?|costs?|losses|deficit|budget|funding|investment|contracts?|payments?)(?:\s+to\s+[a-z]+)?)\b/;
/** What the amount is, named before it: "a maintenance backlog of around £1 billion", "a backlog valued in November 2019 at nearly £1 billion". */
const MONEY_NAMED_BEFORE = new RegExp(
  `((?:[\\w’'-]+\\s+)?(?:${alternation(MONEY_HEADS)}))\\s+(?:(?:valued|estimated|put|priced)\\s+(?:[^,;£]*?\\s+)?at|of|worth|totalling)\\s+${HEDGE}$`,
  'i',
);
/** Whom money goes to: "paying CRCs £822m", "budgeted to pay firms £2.5bn". */
const PAYEE = new RegExp(
  `\\b(?:${alternation(PAYING_VERBS)})\\s+((?:the\\s+)?[\\w’'-]+(?:\\s+[A-Z][\\w’'-]*)?)\\s+${HEDGE}$`,
  'i',
);
/** Not whom money went to: pronouns, and the particle of "paid out £2.2bn". */
const NOT_A_PAYEE = /^(?:them|us|it|him|her|you|me|those|these|out|back|up|off|over|down|for)$/i;
/** A measure equated with the number: "At the end of December 2017, the total probation caseload ... was 264,649". */
const EQUATED = new RegExp(`(?:^|,\\s+)([^,;:–—]+?)\\s+(?:${alternation(EQUATING_VERBS)})\\s+${HEDGE}$`, 'i');
const MEASURE = new RegExp(`\\b(?:${alternation(MEASURE_HEADS)})\\b`, 'i');
/** Longer than this, the words before "was" are a clause, not a measure's name. */
const MAX_MEASURE_WORDS = 12;

const isAdjective = memoize((word: string) => nlp(word).has('^#Adjective$'));

/** A phrase as a name: without quote marks or a leading article. */
const plainPhrase = (phrase: string) =>
  phrase
    .replace(/[“”"‘’]/g, '')
    .trim()
    .replace(/^(?:the|a|an)\s+/i, '');

/** A phrase as a name, and without an evaluative first word ("an eye-watering backlog"). */
function namePhrase(phrase: string): string {
  const words = plainPhrase(phrase).split(/\s+/);
  return (words.length > 1 && isAdjective(words[0]!) ? words.slice(1) : words).join(' ');
}

function equatedMeasure(before: string): string | null {
  const phrase = EQUATED.exec(before)?.[1];
  // "My caseload is over 70": the speaker's own, for the quote to say whose.
  if (!phrase || !MEASURE.test(phrase) || FIRST_PERSON.test(phrase) || phrase.split(/\s+/).length > MAX_MEASURE_WORDS)
    return null;
  return plainPhrase(phrase);
}

function moneySubject(sentence: string, span: NumberSpan): string | null {
  const after = sentence.slice(span.end);
  const before = sentence.slice(0, span.start);
  // "£64 million in 2016": a date is when, not what for.
  const purpose = [MONEY_PURPOSE, LATER_PURPOSE, MONEY_NOUN]
    .map((re) => re.exec(after)?.[1])
    .find((p) => p && !/^\d/.test(p));
  if (purpose) return purpose.replace(/[“”"‘’]/g, '');
  const named = MONEY_NAMED_BEFORE.exec(before)?.[1];
  if (named) return namePhrase(named);
  const payee = PAYEE.exec(before)?.[1];
  if (payee && !NOT_A_PAYEE.test(payee)) return payee;
  return equatedMeasure(before);
}

/** A count of people on probation: who holds them, or who they are and where. */
function peopleCountedSubject(sentence: string, span: NumberSpan): string {
  const holder = SUPERVISOR.exec(sentence.slice(0, span.start))?.[1];
  if (holder) return holder;
  const counted = PEOPLE_COUNTED.exec(sentence.slice(span.end))!;
  const where = WHERE_PEOPLE_ARE.exec(sentence.slice(span.end + counted[0].length))?.[1];
  const people = counted[1]!.replace(/^(?:low|medium|high|and|-|risk|\s)+(?=\w)/i, '').trim();
  return where ? `${people} ${where}` : people;
}

interface Group {
  index: number;
  /** The group with its place: "staff in CRCs". */
  phrase: string;
  /** The group alone: "staff". */
  bare: string;
}

/** A share with a place of its own and no group: "86 per cent of staff in CRCs and 33 per cent in NPS divisions". */
const OWN_PLACE =
  /^\s+in\s+((?:[A-Z][\w’'-]*\s+)*[A-Z][\w’'-]*(?:\s+(?:divisions|areas|regions|services|teams|offices|units|PDUs|CRCs))?)\b/;

/** Two groups named as one: "both POs and PSOs", "probation officers and PSOs". */
const JOINED = /^\s*(?:,|and|or|,\s*and)\s*$/;

/**
 * A group's words without a clause run into them: "Inspectors found staff" and "We surveyed probation officers" name
 * staff and probation officers ("newly qualified officers" keeps its words: no subject before the verb).
 */
const withoutClause = memoize((phrase: string): string => {
  const terms = nlp(phrase).terms().json() as Array<{ text: string; terms: Array<{ tags: string[] }> }>;
  const tags = terms.map((t) => t.terms[0]?.tags ?? []);
  let cut = -1;
  for (let i = 0; i < tags.length - 1; i++) {
    const subjectBefore = i > 0 && (tags[i - 1]!.includes('Noun') || tags[i - 1]!.includes('Pronoun'));
    if (tags[i]!.includes('Pronoun') || (tags[i]!.includes('Verb') && subjectBefore)) cut = i;
  }
  return cut < 0
    ? phrase
    : terms
        .slice(cut + 1)
        .map((t) => t.text)
        .join(' ');
}, 500);

/** A preposition or conjunction just before a group: "to keeping people safe", "and engaging people on probation". */
const AFTER_A_LINK = /\b(?:to|and|or|of|in|on|by|for|with|without|from|about|at)\s+$/i;

/**
 * A group's words without a verb in -ing opening them, where a preposition or conjunction stands before: "(to)
 * keeping people" is people kept safe, not a kind of people; "(of) existing staff" keeps its word.
 */
function withoutGerund(phrase: string): string {
  const [first, ...rest] = phrase.split(/\s+/);
  const verb = rest.length > 0 && /ing$/i.test(first!) && !PEOPLE_ING_WORDS.includes(first!.toLowerCase());
  return verb ? rest.join(' ') : phrase;
}

/** The groups that matches in a text name, each with the place a proper name gives it; groups joined by "and" are one. */
function groupsOf(text: string, matches: Iterable<RegExpMatchArray>): Group[] {
  const groups: Array<{ index: number; phrase: string; end: number }> = [];
  for (const m of matches) {
    const end = m.index! + m[0].length;
    const last = groups[groups.length - 1];
    if (last && JOINED.test(text.slice(last.end, m.index))) {
      last.phrase = text.slice(last.index, end);
      last.end = end;
    } else {
      const phrase = withoutClause(AFTER_A_LINK.test(text.slice(0, m.index)) ? withoutGerund(m[1]!) : m[1]!);
      groups.push({ index: m.index! + m[1]!.length - phrase.length, phrase, end });
    }
  }
  return groups.map(({ index, phrase, end }) => {
    const status = ON_PROBATION.exec(text.slice(end))?.[0] ?? '';
    const place = PLACE_AFTER.exec(text.slice(end + status.length))?.[0].replace(/^\s+caseloads?/, '') ?? '';
    return { index, phrase: phrase + status + place, bare: phrase };
  });
}

/** The groups of people a text names or, where it names none, the bodies. */
function groupsIn(text: string): Group[] {
  const people = groupsOf(text, text.matchAll(PEOPLE_PHRASE));
  return people.length ? people : groupsOf(text, text.matchAll(BODIES_PHRASE));
}

/** The group a share is "of", right after the "of": people or bodies ("a quarter of providers"). */
function groupRightAfter(text: string): Group | undefined {
  return [groupsOf(text, text.matchAll(PEOPLE_PHRASE))[0], groupsOf(text, text.matchAll(BODIES_PHRASE))[0]]
    .filter((g): g is Group => g !== undefined && g.index < 12)
    .sort((a, b) => a.index - b.index)[0];
}

/** A number just before a group: the group is counted ("623 probation services officers"). */
const COUNTED_BEFORE = new RegExp(String.raw`(?:\d[\d,]*|\b(?:${NUMBER_WORDS}))\s+(?:\w+\s+)?$`, 'i');
/** What a counted group did, right after it: a past verb, passive or active, and what it acted on (compromise patterns). */
const COUNTED_EVENT = '^#Auxiliary? #Auxiliary? #PastTense';
const COUNTED_EVENT_ON = `${COUNTED_EVENT} #Determiner? #Adjective? #Noun+`;

/** What the sentence says a counted group did: "were appointed" → "appointed", "left the service" → "who left the service". */
function eventOf(after: string): string | null {
  const clause = nlp(after.split(/[,;:.]/)[0]!);
  const acted = clause.match(COUNTED_EVENT_ON);
  const match = acted.found ? acted : clause.match(COUNTED_EVENT);
  if (!match.found) return null;
  const event = match.not('#Auxiliary').text().trim();
  return match.has('#Passive') ? event : `who ${event}`;
}

/**
 * The group a sentence is about, for the sentence after: "623 probation services officers were appointed.
 * This is an increase of 90 (16.9%)" is an increase in the officers appointed, not in all officers.
 */
export const groupCarriedFrom = memoize((sentence: string): string | null => {
  const group = groupsIn(sentence)[0];
  if (!group) return null;
  if (!COUNTED_BEFORE.test(sentence.slice(0, group.index))) return group.phrase;
  const event = eventOf(sentence.slice(group.index + group.phrase.length));
  return event ? `${group.phrase} ${event}` : group.phrase;
}, 500);

/** A sentence in the first person singular: its figures are the speaker's own. */
export function speaksOfOwnWork(sentence: string): boolean {
  return FIRST_PERSON.test(sentence);
}

/**
 * Whose figure a number is: the group it is a share of, the people counted and their holder, the
 * measure it is equated with, or the group nearest it; for money, what it is for or what it is.
 * A sentence that names no group takes the group of the sentence before (`carried`, asked only then). A figure
 * someone gives of their own work ("I used to have 67 cases") is theirs: left null here, for the
 * quote's speaker to fill.
 */
export function subjectOf(
  sentence: string,
  span: NumberSpan,
  carried: () => string | null = () => null,
): string | null {
  if (span.kind === 'money') return moneySubject(sentence, span);
  const after = sentence.slice(span.end);
  const before = sentence.slice(0, span.start);
  if (span.kind === 'count' && PEOPLE_COUNTED.test(after)) return peopleCountedSubject(sentence, span);
  const holder = SUPERVISOR.exec(before)?.[1];
  if (holder) return holder;
  if (OF_WHOM.test(after)) return groupsIn(before).pop()?.phrase ?? carried();
  const of = OF_GROUP.exec(after);
  if (of) {
    const group = groupRightAfter(after.slice(of[0].length, of[0].length + 80));
    if (group) return group.phrase;
  }
  const ownPlace = span.kind === 'share' ? OWN_PLACE.exec(after)?.[1] : undefined;
  if (ownPlace) {
    const group = groupsIn(before).pop();
    if (group) return `${group.bare} in ${ownPlace}`;
  }
  const measure = equatedMeasure(before);
  if (measure) return measure;
  if (speaksOfOwnWork(sentence)) return null;
  const nearest = groupsIn(sentence).sort((a, b) => Math.abs(a.index - span.start) - Math.abs(b.index - span.start))[0];
  return nearest?.phrase ?? carried();
}
