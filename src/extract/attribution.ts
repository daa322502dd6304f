import {
  normaliseOrganisation,
  normaliseStaffRole,
  organisationOfOffice,
  TITLE_PATTERN,
  TITLES,
} from './data/roles.js';
import type { RuleName } from './data/confidence.js';
import { namedCommittee } from './data/publishers.js';
import { SPEECH_CUES } from './data/speech.js';
import { groupAttribution } from './group-attribution.js';
import { cleanName, NAME, namesIn, type Person, type PeopleRegistry } from './people.js';
import { alternation, phrasePattern } from '../text/patterns.js';

export interface Attribution {
  speaker: string | null;
  role: string | null;
  organisation: string | null;
  kind: 'testimony' | 'statement';
  /** How the speaker was found. */
  rule: RuleName;
  /** As printed. */
  verbatim: string;
}

export interface AttributionContext {
  people: PeopleRegistry;
  /** Who "our" and "we" are: the document's publisher. */
  publisher: string | null;
  /** The person the surrounding paragraph is about, for "He said:"; asked only when a pronoun needs it. */
  subject: () => string | null;
  /** Who was quoted last, for "They explained that ...". */
  previous: Attribution | null;
}

/** Where testimony came from, printed beside the role: "(Probation practitioner, North West region)". */
const LOCATION =
  /^(?:(?:[A-Z][\p{L}-]*\s+){1,4}(?:region|division|area|PDU|office|team)|(?:PDU|region|area|office|team)\s+[A-Z\d]{1,3})$/u;
const BRACKET = /^\s*[.,]?\s*\(([^()]{2,80})\)/;
const CITATION = /^([A-Z][\p{L}’'-]+)(?: et al\.?)?,?\s+(?:\d{4}[a-z]?)$/u;
/** Words that report speech or writing, or the nouns for it (the lexicon is data). */
const SPEECH_CUE = phrasePattern(SPEECH_CUES);
const PRONOUN_SUBJECT = /\b(?:he|she)\b/i;
const STAFF_PHRASE =
  /\b((?:(?:CRC|NPS|HMPPS)\s+)?(?:[Ss]enior\s+)?(?:[Ll]eaders?|[Oo]fficials?|[Mm]anagers?)|PSOs?|POs?|SPOs?|(?:[Ss]enior\s+)?[Pp]robation (?:services?\s+)?officers?|[Rr]esponsible officers?|[Pp]ractitioners?|[Ss]taff(?: members?)?)\b/;
const TITLE_IN_PROSE = new RegExp(`\\b(our\\s+)?(${TITLE_PATTERN})\\b`, 'i');

function canonicalTitle(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return TITLES.find((t) => t.toLowerCase() === flat.toLowerCase()) ?? flat;
}

/** "(PSO, CRC)", "(NPS senior official)", "(Russell, 2020)" right after a quote. */
function bracketAttribution(after: string, before: string, ctx: AttributionContext): Attribution | null {
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
      rule: 'quote.citation',
    };
  }
  return staffLabel(content, `(${content})`);
}

/** How many words a part of a staff label may have that says neither role nor body: "female", "North West". */
const MAX_DESCRIPTION_WORDS = 4;

/**
 * "PSO, CRC", "Probation practitioner, North West region", "PSO, NPS, female": a role or body, with
 * places and short descriptions beside it; anything longer, or no role or body at all, is no label.
 */
function staffLabel(content: string, verbatim: string): Attribution | null {
  let role: string | null = null;
  let organisation: string | null = null;
  for (const part of content.split(/\s*,\s*/)) {
    const org = normaliseOrganisation(part);
    const staff = org ? null : normaliseStaffRole(part);
    if (org) organisation = org;
    else if (staff) {
      role = staff;
      organisation ??= normaliseOrganisation(part.split(/\s+/)[0]!);
    } else if (!LOCATION.test(part) && part.split(/\s+/).length > MAX_DESCRIPTION_WORDS) return null;
  }
  if (!role && !organisation) return null;
  return { speaker: null, role, organisation, kind: 'testimony', verbatim, rule: 'quote.bracket' };
}

/** "“…” – PSO, CRC": a staff label after a dash, ending the paragraph. */
const DASH_LABEL = /^\s*[–—]\s*([^.()“”"]{2,60}?)\.?\s*$/;

/** A staff label after a quote, in brackets or after a dash. */
export function labelAttribution(after: string, before: string, ctx: AttributionContext): Attribution | null {
  const dashed = DASH_LABEL.exec(after)?.[1]!.trim();
  return bracketAttribution(after, before, ctx) ?? (dashed ? staffLabel(dashed, `– ${dashed}`) : null);
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
  const named = namesIn(sentence).map((n) => knownPart(n, ctx.people) ?? n);
  const introduced = named.filter((n) => ctx.people.find(n));
  const printedName = introduced[introduced.length - 1] ?? named[named.length - 1];
  const name = printedName ?? (PRONOUN_SUBJECT.test(sentence) ? ctx.subject() : null);
  if (name) return personAttribution(name, sentence, ctx, printedName ? 'quote.named' : 'quote.pronoun');
  const staff = STAFF_PHRASE.exec(sentence);
  if (staff) {
    const role = normaliseStaffRole(staff[1]!);
    const organisation = normaliseOrganisation(staff[1]!.split(/\s+/)[0]!);
    if (role) return { speaker: null, role, organisation, kind: 'testimony', verbatim: sentence, rule: 'quote.staff' };
  }
  if (!SPEECH_CUE.test(sentence)) return sentence.endsWith(':') ? titleAttribution(sentence, ctx, TITLE_LEADS) : null;
  return titleAttribution(sentence, ctx, TITLE_SUBJECT) ?? groupAttribution(sentence, SPEECH_CUE, ctx.previous);
}

/**
 * "The Minister told the Committee that", "The Regional Probation Director told us", "The Chief Executive of HMPPS said":
 * a title as the speaker (with capitalised words narrowing it, and the body it is of), the person the document gave that
 * title to where it did.
 */
const BODY_OF_TITLE = String.raw`[A-Z][\p{L}\p{N}’'&-]*(?:\s+(?:(?:of|and|the|&)\s+)*[A-Z][\p{L}\p{N}’'&-]*){0,5}`;
const TITLED = String.raw`^(?:[A-Z][\w ,]*?,\s+)?(?:[Tt]he\s+)?((?:[A-Z][\w’'-]*\s+){0,2}?(?:${TITLE_PATTERN}))(?:\s+(?:of|at|for)\s+(?:the\s+)?(${BODY_OF_TITLE}))?`;
// "The CEO of MTCnovo, a CRC parent company, explained that": an apposition may stand between the title and its cue.
const TITLE_SUBJECT = new RegExp(
  String.raw`${TITLED}(?:,\s+(?:a|an|the)\s+[^,]+,)?\s+(?:also\s+|then\s+)?(?:${alternation(SPEECH_CUES)})\b`,
  'u',
);
/** A title leading a sentence that sets out its holder's words after a colon: "The Chief Inspector cited public protection as his concern:". */
const TITLE_LEADS = new RegExp(String.raw`${TITLED}\s+[a-z][^:]*:$`, 'u');

function titleAttribution(sentence: string, ctx: AttributionContext, pattern: RegExp): Attribution | null {
  const m = pattern.exec(sentence);
  if (!m) return null;
  const role = canonicalTitle(m[1]!);
  const holder = ctx.people.withRole(role);
  if (holder) return personAttribution(holder.name, sentence, ctx, 'quote.title');
  const body = m[2];
  return {
    speaker: null,
    role,
    organisation: body ? (normaliseOrganisation(body) ?? body) : organisationOfOffice(role, ctx.publisher),
    kind: 'statement',
    verbatim: sentence,
    rule: 'quote.title',
  };
}

/** "Probation Justin Russell" (of "Chief Inspector of Probation Justin Russell"): the part of a capitalised run the document knows as a person. */
function knownPart(name: string, people: PeopleRegistry): string | null {
  const words = name.split(/\s+/);
  for (let i = 1; i < words.length - 1; i++) {
    const rest = words.slice(i).join(' ');
    if (people.find(rest)) return rest;
  }
  return null;
}

function personAttribution(
  name: string,
  verbatim: string,
  ctx: AttributionContext,
  rule: RuleName,
  printed: Partial<Person> = {},
): Attribution {
  const known = ctx.people.find(name);
  const role = known?.role ?? printed.role ?? null;
  const organisation = namedCommittee(
    known?.organisation ?? printed.organisation ?? organisationOfOffice(role, ctx.publisher),
    ctx.publisher,
  );
  return { speaker: known?.name ?? name, role, organisation, kind: 'statement', verbatim, rule };
}

/** "..., said Jane Smith, chief executive of Clinks." — the name, then what she is, of which body. */
const SAID_NAME = new RegExp(
  String.raw`^(?:said|says|added|adds|warned|explained|argued|commented|noted|insisted|continued|went on)\s+(${NAME})(?:,\s+(?:the\s+)?([\p{L} -]+?)\s+(?:of|at|for)\s+(?:the\s+)?([\p{L}&’' -]+?))?(?=[,.;]|$)`,
  'u',
);
/** How far after a quote its attribution may stand: the rest of the sentence, if short. */
const MAX_TRAILING_WORDS = 16;
/** "a probation officer in the North East said": how long the speaker's words may be. */
const MAX_TRAILING_SUBJECT_WORDS = 8;
/**
 * A speaker named after the cue: "said a PSO", "says one senior manager", "added another officer", and a title
 * with "the": "said the chief inspector", "said the Minister" (not "said the report").
 */
const INVERTED_SPEAKER = new RegExp(String.raw`^\s+(?:(?:a|an|one|another)\s|the\s+(?:${TITLE_PATTERN})\b)`, 'i');

/**
 * Who is quoted, from the words after the quote: "“We are overwhelmed,” one probation officer
 * told us.", "“...,” said Jane Smith, chief executive of Clinks.", "“...,” he says."
 */
export function trailingAttribution(after: string, ctx: AttributionContext): Attribution | null {
  const rest = after.replace(/^[\s,.;:–—-]+/, '');
  const sentence = /^[^.!?“"]*/.exec(rest)![0].trim();
  if (!sentence || sentence.split(/\s+/).length > MAX_TRAILING_WORDS || !SPEECH_CUE.test(sentence)) return null;
  const said = SAID_NAME.exec(sentence);
  if (said) {
    const name = cleanName(said[1]!);
    // "HM Chief Inspector of Probation" is one title, not a title of a body called "Probation".
    const office =
      said[2] && said[3] && new RegExp(`^(?:the\\s+)?${TITLE_PATTERN}$`).test(`${said[2]} of ${said[3]}`)
        ? `${said[2]} of ${said[3]}`
        : null;
    const printed = office
      ? { role: office, organisation: organisationOfOffice(office, ctx.publisher) }
      : { role: said[2] ?? null, organisation: said[3] ?? null };
    return personAttribution(knownPart(name, ctx.people) ?? name, sentence, ctx, 'quote.named', printed);
  }
  // The words before the cue are the speaker: "one probation officer told us", "he says", "Ms Jones said".
  const cue = SPEECH_CUE.exec(sentence)!;
  // "said a PSO in the North West": the speaker after the cue, read as if before it.
  const afterCue = sentence.slice(cue.index + cue[0].length);
  const subject = sentence.slice(0, cue.index).trim() || (INVERTED_SPEAKER.test(afterCue) ? afterCue.trim() : '');
  if (!subject || subject.split(/\s+/).length > MAX_TRAILING_SUBJECT_WORDS) return null;
  return proseAttribution(`${subject} ${cue[0]}`, ctx);
}
