import type { Attribution } from './attribution.js';
import { normaliseOrganisation } from './data/roles.js';
import { DOCUMENT_NOUNS, FROM_A_DOCUMENT, GROUP_SPEAKERS, LEADING_ADVERBIAL } from './data/speech.js';
import { alternation } from '../text/patterns.js';

const GROUP = `(?:${alternation(GROUP_SPEAKERS)})`;
/** "Academics from Sheffield Hallam University", "some witnesses", "probation users". */
const GROUP_PHRASE = new RegExp(
  String.raw`^(?:(?:some|many|several|other|most|a number of|a few|one of the|one|a|an|another|two|three)\s+)?(${GROUP})(?:,?\s+(?:from|at|of|in|with)\s+(?:the\s+)?(.+))?$`,
  'i',
);
/** A body's name: capitalised words with the small words names contain, "Unison", "The National Audit Office". */
const BODY_NAME =
  /^(?:[Tt]he\s+)?([A-Z][\p{L}\p{N}’'&.-]*(?:\s+(?:(?:of|for|and|the|&|on|in)\s+)*[A-Z][\p{L}\p{N}’'&.-]*){0,7})$/u;
/** Words that open a sentence as its subject but name nobody. */
const NOT_A_BODY =
  /^(?:We|It|They|This|That|These|Those|There|He|She|I|You|Our|Its|Their|Some|Many|Other|Another|One|All|Each|If|When|While|Although|As|But|And|So|Yet|A|An)$/;
/** "we heard (first-hand) from probation users about ...": who was heard. */
const HEARD_FROM =
  /\bheard(?:\s+(?:first-hand|directly|evidence))?\s+from\s+(.+?)(?=\s+(?:about|that|on|how|who|what|in)\b|[,:;]|$)/i;
const REFERS_BACK = /^(?:they|it)$/i;
/** Words that say the words were given in evidence, not published. */
const GAVE_EVIDENCE =
  /\btold\s+(?:us|the\s+(?:\w+\s+)?Committee)\b|\b(?:oral|written)\s+evidence\b|\bgave\s+evidence\b|\bin\s+evidence\b/i;

function cleanBody(text: string): string {
  return text.replace(/[.,;:]+$/, '').trim();
}

/** People named by where they work: "Those in the sector", "those working in CRCs". */
const THOSE_IN = /^those\s+(?:working\s+|employed\s+)?(?:in|at|across|within)\s+(?:the\s+)?(.+)$/i;

function classify(phrase: string, sentence: string): Attribution | null {
  const those = THOSE_IN.exec(phrase);
  if (those)
    return {
      speaker: null,
      role: phrase.toLowerCase(),
      organisation: normaliseOrganisation(those[1]!),
      kind: 'statement',
      verbatim: sentence,
      rule: 'quote.group',
    };
  const group = GROUP_PHRASE.exec(phrase);
  // Inspectors speak through their reports ("Inspectors noted “experienced and knowledgeable senior leaders”"): the
  // report's words, unless they gave evidence.
  if (group && /^inspectors?$/i.test(group[1]!) && !GAVE_EVIDENCE.test(sentence)) return null;
  if (group) {
    const body = group[2] ? cleanBody(group[2]) : null;
    return {
      speaker: null,
      role: group[1]!.toLowerCase(),
      organisation: body ? (normaliseOrganisation(body) ?? body) : null,
      kind: 'statement',
      verbatim: sentence,
      rule: 'quote.group',
    };
  }
  const body = BODY_NAME.exec(phrase);
  if (!body || NOT_A_BODY.test(body[1]!.split(/\s+/)[0]!) || DOCUMENT_NOUNS.test(body[1]!)) return null;
  const name = body[1]!;
  // A committee speaks through its reports: "The Justice Committee said that “...”" quotes a report, unless it was evidence given.
  if (/\bCommittee\b/.test(name) && !GAVE_EVIDENCE.test(sentence)) return null;
  return {
    speaker: null,
    role: null,
    organisation: normaliseOrganisation(name) ?? name,
    kind: 'statement',
    verbatim: sentence,
    rule: 'quote.body',
  };
}

/**
 * Who is quoted when nobody is named: the subject of the cue of speech, where it is a body
 * ("The National Audit Office told us that", "Seetec, a CRC parent company, told us") or a
 * group ("Academics from Sheffield Hallam University confirmed that"), or "they"/"it" for
 * whoever was quoted just before. Words a body published ("said in its Annual Report",
 * "according to") are a document's, not a person's.
 */
export function groupAttribution(sentence: string, cue: RegExp, previous: Attribution | null): Attribution | null {
  if (FROM_A_DOCUMENT.test(sentence) || /\baccording to\b/i.test(sentence)) return null;
  const heard = HEARD_FROM.exec(sentence);
  if (heard) return classify(heard[1]!.trim(), sentence);
  const m = cue.exec(sentence);
  if (!m) return null;
  const subject = sentence
    .slice(0, m.index)
    .replace(LEADING_ADVERBIAL, '')
    // An apposition says what the body is: "Seetec, a CRC parent company," → "Seetec".
    .replace(/,\s+(?:a|an|the)\s+[^,]+,?\s*$/, '')
    .replace(
      /\s+(?:also|then|further|both|all|have|has|had|had also|have also|repeatedly|later|subsequently|in evidence|in oral evidence|in written evidence)\s*$/i,
      '',
    )
    .replace(/[\s,]+$/, '')
    .trim();
  if (!subject) return null;
  if (REFERS_BACK.test(subject))
    return previous ? { ...previous, verbatim: sentence, rule: 'quote.back-reference' } : null;
  return classify(subject, sentence);
}
