import { normaliseOrganisation, normaliseStaffRole, TITLES } from './data/roles.js';
import { namesIn, type PeopleRegistry } from './people.js';

export interface Attribution {
  speaker: string | null;
  role: string | null;
  organisation: string | null;
  kind: 'testimony' | 'statement';
  /** As printed. */
  verbatim: string;
}

export interface AttributionContext {
  people: PeopleRegistry;
  /** Who "our" and "we" are: the document's publisher. */
  publisher: string | null;
  /** The person the surrounding paragraph is about, for "He said:"; asked only when a pronoun needs it. */
  subject: () => string | null;
}

const BRACKET = /^\s*[.,]?\s*\(([^()]{2,80})\)/;
const CITATION = /^([A-Z][\p{L}’'-]+)(?: et al\.?)?,?\s+(?:\d{4}[a-z]?)$/u;
/** Words that report speech or writing, or the nouns for it. */
const SPEECH_CUE =
  /\b(?:said|says?|saying|stated?|states|stating|added|adds?|comment(?:ed|s|ing)?|told|tells?|remark(?:ed|s|ing)?|not(?:ed|es|ing)|conclud(?:e|ed|es|ing)|question(?:s|ed|ing)?|warn(?:ed|s|ing)?|explain(?:ed|s|ing)?|argu(?:ed|es|ing)|wr(?:ote|ites|iting)|describ(?:ed|es|ing)|insist(?:ed|s|ing)?|admit(?:ted|s|ting)?|conced(?:ed|es|ing)|claim(?:ed|s|ing)?|statement|words|put it|according to|asked|replied|recalled|acknowledged)\b/i;
const PRONOUN_SUBJECT = /\b(?:he|she)\b/i;
const STAFF_PHRASE = /\b((?:(?:CRC|NPS|HMPPS)\s+)?(?:senior\s+)?(?:leaders?|officials?|managers?)|PSOs?|POs?|SPOs?|(?:senior\s+)?probation (?:services?\s+)?officers?|responsible officers?|practitioners?)\b/;
const TITLE_IN_PROSE = new RegExp(`\\b(our\\s+)?(${TITLES.map((t) => t.replace(/ /g, '\\s+')).join('|')})\\b`, 'i');

function canonicalTitle(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return TITLES.find((t) => t.toLowerCase() === flat.toLowerCase()) ?? flat;
}

/** "(PSO, CRC)", "(NPS senior official)", "(Russell, 2020)" right after a quote. */
export function bracketAttribution(after: string, before: string, ctx: AttributionContext): Attribution | null {
  const m = BRACKET.exec(after);
  if (!m) return null;
  const content = m[1]!.trim();
  const citation = CITATION.exec(content);
  if (citation) {
    const speaker = citation[1]!;
    const known = ctx.people.find(speaker);
    const title = TITLE_IN_PROSE.exec(lastSentence(before));
    return {
      speaker,
      role: known?.role ?? (title ? canonicalTitle(title[2]!) : null),
      organisation: known?.organisation ?? (title?.[1] ? ctx.publisher : null),
      kind: 'statement',
      verbatim: `(${content})`,
    };
  }
  let role: string | null = null;
  let organisation: string | null = null;
  for (const part of content.split(/\s*,\s*/)) {
    const org = normaliseOrganisation(part);
    const staff = org ? null : normaliseStaffRole(part);
    if (org) organisation = org;
    else if (staff) {
      role = staff;
      organisation ??= normaliseOrganisation(part.split(/\s+/)[0]!);
    } else return null;
  }
  return { speaker: null, role, organisation, kind: 'testimony', verbatim: `(${content})` };
}

/** The last sentence of a stretch of text, where a quote's lead-in stands. */
export function lastSentence(text: string): string {
  const parts = text.split(/(?<=[.!?])\s+(?=[A-Z“"‘])/);
  return parts[parts.length - 1] ?? '';
}

/**
 * Who is quoted, from the words leading into the quote: a named person, "he"/"she" for the
 * person the paragraph is about, or staff described by their role ("one remarking, ...").
 * Without a verb or noun of speech, or a colon, nobody is being quoted.
 */
export function proseAttribution(leadIn: string, ctx: AttributionContext): Attribution | null {
  const sentence = lastSentence(leadIn).trim();
  if (!sentence || !(SPEECH_CUE.test(sentence) || /[:,]$/.test(sentence))) return null;
  // A person the document introduces with a title beats any other capitalised pair ("Howard League").
  const named = namesIn(sentence);
  const introduced = named.filter((n) => ctx.people.find(n));
  const name = introduced[introduced.length - 1] ?? named[named.length - 1] ?? (PRONOUN_SUBJECT.test(sentence) ? ctx.subject() : null);
  if (name) {
    const known = ctx.people.find(name);
    return { speaker: known?.name ?? name, role: known?.role ?? null, organisation: known?.organisation ?? null, kind: 'statement', verbatim: sentence };
  }
  const staff = STAFF_PHRASE.exec(sentence);
  if (staff) {
    const role = normaliseStaffRole(staff[1]!);
    const organisation = normaliseOrganisation(staff[1]!.split(/\s+/)[0]!);
    if (role) return { speaker: null, role, organisation, kind: 'testimony', verbatim: sentence };
  }
  return null;
}
