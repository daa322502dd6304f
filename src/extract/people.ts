import nlp from 'compromise';
import { memoize } from './text/memo.js';
import { normaliseOrganisation, TITLE_ADJECTIVES, TITLE_PATTERN, TITLE_QUALIFIERS } from './data/roles.js';

export interface Person {
  name: string;
  role: string | null;
  organisation: string | null;
}

const HONORIFIC = String.raw`(?:Dame|Sir|Dr|Mr|Mrs|Ms|Miss|Lord|Lady|Baroness|Baron|Professor|Prof\.?)`;
/** A capitalised word of a name, with a capital inside ("McAllister", "MacAskill") or after a hyphen or apostrophe. */
const WORD = String.raw`[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:[-’'][A-Z]?[a-z]+)?`;
/** Letters after a name: honours, offices, the bench ("John Bache JP", "Dr Jo Farrar CB OBE"). */
const POST_NOMINALS = 'QC|KC|MP|JP|CB|KCB|CBE|OBE|MBE|DBE|KBE';
/** A person's name as printed: optional "Rt Hon.", honorific, up to three capitalised words, post-nominals. */
export const NAME = String.raw`(?:Rt\.? Hon\.?\s+)?(?:${HONORIFIC}\s+)?${WORD}(?:\s+${WORD}){0,2}(?:\s+(?:${POST_NOMINALS}))*`;
const TITLE = TITLE_PATTERN;
const MONTH = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December)\b`;
/** An organisation's name: capitalised words, with the small words names contain, but not a date ("of Clinks in March"). */
export const ORG_NAME = String.raw`(?:[A-Z][\w’'&.-]*)(?:\s+(?:(?:of|for|and|the|&|on|in)\s+)*(?!${MONTH})[A-Z][\w’'&.-]*)*`;

const ANY_TITLE = new RegExp(TITLE);
// "Frances Crook, Chief Executive of the Howard League for Penal Reform, said"
/** Capitalised words narrowing a title ("National Chair", "Prisons Minister"), but no article or "His Majesty’s". */
const TITLE_MODIFIERS = String.raw`(?:(?:(?!(?:The|A|An|His|Her|Our|Their|HM)\b)[A-Z][\w’'-]*|${TITLE_ADJECTIVES.map((w) => w.toLowerCase()).join('|')})\s+){0,2}`;
const NAME_THEN_TITLE = new RegExp(
  `(${NAME}),\\s+(?:the\\s+)?(${TITLE_MODIFIERS}${TITLE})(?:\\s+(?:of|at)\\s+(?:the\\s+)?(${ORG_NAME}))?`,
  'g',
);
// "the Chief Inspector of Probation, Dame Glenys Stacey"
const TITLE_THEN_NAME = new RegExp(
  `\\b(${TITLE_MODIFIERS}${TITLE})(?:\\s+of\\s+(?:the\\s+)?(${ORG_NAME}))?,\\s+(${NAME})`,
  'g',
);
// "MTC Managing Director Mr Mulholland", "Chief Inspector Dame Glenys Stacey"
// "Napo’s general secretary Ian Lawrence"
// ("His Majesty’s Chief Inspector" is one title, not a chief inspector of a body called "His Majesty".)
const BODY_TITLE_NAME = new RegExp(
  `(?<!\\bH(?:er|is)\\s+)\\b(?!H(?:er|is) Majesty)(${ORG_NAME})[’']s\\s+(${TITLE})\\s+(${NAME})`,
  'g',
);
// "NPS Chief Executive Jo Smith", "Napo General Secretary Ian Lawrence": the words before the title name its body
// (titleAndBody), but "HM" is part of the title.
const TITLE_BEFORE_NAME = new RegExp(`\\b(${TITLE_MODIFIERS}${TITLE})\\s+(${NAME})`, 'g');
/** The head noun that ends a body's name before a person's: "the Committee", "the Public Accounts Committee". */
const BODY_HEAD = String.raw`(?:Committee|Inspectorate|Service|Association|Trust|Council|Board|Office|Ministry)`;
// "Chair of the Committee Bob Neill MP said", "Chair of the Public Accounts Committee Meg Hillier MP said": no comma
// between the body and the name, so the body's name ends at its head noun.
const TITLE_OF_BODY_NAME = new RegExp(
  `\\b(${TITLE_MODIFIERS}${TITLE})\\s+of\\s+(?:the\\s+)?((?:[A-Z][\\w’'-]*\\s+){0,4}?${BODY_HEAD})\\s+(${NAME})`,
  'g',
);
// "the re-appointment of Justin Russell as Her Majesty’s Chief Inspector of Probation", "Dame Glenys Stacey has been
// appointed as Her Majesty’s chief inspector of probation", "Justin Russell was appointed Chief Inspector of Probation",
// "Jo Smith is Chief Executive of Clinks": a post given to a person, with its body.
const NAME_AS_TITLE = new RegExp(
  `(${NAME})(?:\\s+(?:has|had)\\s+been\\s+(?:re-?)?appointed(?:\\s+as)?|\\s+(?:was|is)\\s+(?:re-?)?appointed(?:\\s+as)?|\\s+(?:became|is|was|as))\\s+(?:the\\s+)?(?:new\\s+|next\\s+)?(${TITLE_MODIFIERS}${TITLE})(?:\\s+(?:of|at)\\s+(?:the\\s+)?(${ORG_NAME}))?`,
  'g',
);

const TRAILING_POST_NOMINALS = new RegExp(`(?:\\s+(?:${POST_NOMINALS}))+$`);

/** "Rt Hon. Robert Buckland QC MP" → "Robert Buckland"; a possessive "’s" goes too. */
export function cleanName(raw: string): string {
  return raw
    .replace(/^Rt\.? Hon\.?\s+/, '')
    .replace(/[’']s$/, '')
    .replace(TRAILING_POST_NOMINALS, '')
    .trim();
}

const taggedPerson = memoize((name: string) => nlp(name).has('#Person'));
const STARTS_WITH_HONORIFIC = new RegExp(`^${HONORIFIC}\\s`);
const IS_TITLE = new RegExp(`^${TITLE}$`);
const LEADING_HONORIFIC = new RegExp(`^${HONORIFIC}\\s+`);
/** A label of honorific and one name: "Mr Hanson", "Dame Glenys". */
export const HONORIFIC_AND_NAME = new RegExp(`^${HONORIFIC}\\s+\\S+$`);

/** Whether a partial name names the person a fuller one does: every word of it but the honorific is in the fuller. */
export function namesPerson(partial: string, full: string): boolean {
  const words = (n: string) => n.replace(LEADING_HONORIFIC, '').split(/\s+/);
  const have = words(full);
  return words(partial).every((w) => have.includes(w));
}

/** Whether a capitalised phrase names a person rather than a place, body or title (compromise decides). */
export function isPersonName(name: string): boolean {
  if (STARTS_WITH_HONORIFIC.test(name)) return true;
  if (IS_TITLE.test(name) || normaliseOrganisation(name)) return false;
  return taggedPerson(name);
}

const TITLE_AT_END = new RegExp(`(?:${TITLE})$`);
const NOT_A_BODY = memoize((words: string) =>
  nlp(words).has('(#Date|#Adverb|#Verb|#Conjunction|#Preposition|#Pronoun|#Determiner)'),
);

const QUALIFIER_WORDS = new Set(TITLE_QUALIFIERS.map((w) => w.toLowerCase()));
/** What a title says of how it is held, before the post itself: "then", "outgoing", "HM". */
const HOW_HELD = new RegExp(
  String.raw`^(?:then\s+)?(?:(?:${TITLE_ADJECTIVES.join('|')})\s+)?(?:hm\s+|h(?:er|is) majesty[’']s\s+)?`,
  'i',
);

/** A title printed with the body it is held in before it: "Napo General Secretary" → General Secretary of Napo. */
function titleAndBody(role: string | null): { role: string | null; body: string | null } {
  const title = role ? TITLE_AT_END.exec(role) : null;
  if (!role || !title || title.index === 0) return { role, body: null };
  const words = role.slice(0, title.index).trim().split(/\s+/);
  if (words.some((w) => QUALIFIER_WORDS.has(w.toLowerCase()))) return { role, body: null };
  // "Yesterday Chief Inspector ...": a sentence's first word, not a body.
  // "HMIP's head of …": the body's possessive is no part of its name.
  const body = words.join(' ').replace(/[’']s$/, '');
  return { role: title[0], body: NOT_A_BODY(body) ? null : body };
}

/** The people a document names with a title, so a quote's speaker can be given role and organisation. */
export class PeopleRegistry {
  private readonly people: Person[] = [];

  static fromTexts(texts: string[]): PeopleRegistry {
    const registry = new PeopleRegistry();
    // Each pattern needs a title, and most paragraphs have none: one cheap search skips them.
    for (const text of texts.filter((t) => ANY_TITLE.test(t))) {
      for (const m of text.matchAll(NAME_THEN_TITLE)) registry.note(m[1]!, m[2]!, m[3] ?? null);
      for (const m of text.matchAll(TITLE_THEN_NAME)) registry.note(m[3]!, m[1]!, m[2] ?? null);
      for (const m of text.matchAll(BODY_TITLE_NAME)) registry.note(m[3]!, m[2]!, m[1]!);
      for (const m of text.matchAll(TITLE_BEFORE_NAME)) registry.note(m[2]!, m[1]!, null);
      for (const m of text.matchAll(NAME_AS_TITLE)) registry.note(m[1]!, m[2]!, m[3] ?? null);
      for (const m of text.matchAll(TITLE_OF_BODY_NAME)) registry.note(m[3]!, m[1]!, m[2]!);
    }
    return registry;
  }

  note(rawName: string, printedRole: string | null, organisation: string | null): void {
    const name = cleanName(rawName);
    if (!isPersonName(name)) return;
    const { role, body } = titleAndBody(printedRole);
    const printedOrg = organisation ?? body;
    const org = printedOrg ? (normaliseOrganisation(printedOrg) ?? printedOrg.trim().replace(/[.,;:]+$/, '')) : null;
    const known = this.find(name);
    if (!known) {
      this.people.push({ name, role: role?.replace(/\s+/g, ' ') ?? null, organisation: org });
      return;
    }
    // The fullest mention wins: "Dame Glenys Stacey" over "Dame Glenys", a longer title over a shorter.
    if (name.length > known.name.length) known.name = name;
    if (role && role.length > (known.role?.length ?? 0)) known.role = role.replace(/\s+/g, ' ');
    if (org && !known.organisation) known.organisation = org;
  }

  /** The person last given a title ("the Minister of State, Lucy Frazer" for "the Minister"). */
  withRole(title: string): Person | null {
    // "the Chief Inspector" is the outgoing, interim or HM one too.
    const bare = (t: string) => t.toLowerCase().replace(HOW_HELD, '');
    const wanted = bare(title);
    return (
      [...this.people]
        .reverse()
        .find((p) => p.role && (bare(p.role) === wanted || bare(p.role).startsWith(`${wanted} `))) ?? null
    );
  }

  /** A person by full or partial name: "Dame Glenys" finds "Dame Glenys Stacey", "Russell" a Russell. */
  find(name: string): Person | null {
    return this.people.find((p) => namesPerson(cleanName(name), p.name)) ?? null;
  }
}

const NAME_RE = new RegExp(NAME, 'g');

const LEADING_BODY_HEAD = new RegExp(`^${BODY_HEAD}$`);

/** Words that make the capitalised words after them a place: "a probation officer in Kent". */
const PLACE_BEFORE = /\b(?:in|at|from|across|near|around|throughout)\s+$/i;

/** A title ending where a capitalised run's first word ends: "Chief Inspector of Probation" before "Justin Russell". */
const TITLE_ENDS = new RegExp(`(?:${TITLE})$`);
const LONGEST_TITLE = 80;

/**
 * A capitalised run that names a person, or null: after "in" or "at" it names a place, unless a title says otherwise
 * ("in Dame Glenys's view"); a title's last word is no part of the name ("of Probation Justin Russell").
 */
function personAt(text: string, m: RegExpMatchArray): string | null {
  const firstWord = /^\S+/.exec(m[0])![0];
  const firstEnd = m.index! + firstWord.length;
  const inTitle = m[0].includes(' ') && TITLE_ENDS.test(text.slice(Math.max(0, firstEnd - LONGEST_TITLE), firstEnd));
  // "Committee Bob Neill" (of "Chair of the Committee Bob Neill"): a body's head noun is no part of the name after it.
  const afterBody = m[0].includes(' ') && LEADING_BODY_HEAD.test(firstWord);
  const name = cleanName(inTitle || afterBody ? m[0].slice(firstWord.length).trim() : m[0]);
  if (!STARTS_WITH_HONORIFIC.test(name) && PLACE_BEFORE.test(text.slice(Math.max(0, m.index! - 12), m.index)))
    return null;
  return isPersonName(name) ? name : null;
}

/** People named in a stretch of text, in order. */
export function namesIn(text: string): string[] {
  return [...text.matchAll(NAME_RE)].map((m) => personAt(text, m)).filter((n): n is string => n !== null);
}

/** The first person named in a stretch of text, without judging every other capitalised phrase in it. */
export function firstNameIn(text: string): string | null {
  for (const m of text.matchAll(NAME_RE)) {
    const name = personAt(text, m);
    if (name) return name;
  }
  return null;
}
