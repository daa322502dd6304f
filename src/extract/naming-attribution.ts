import type { Attribution, AttributionContext } from './attribution.js';
import { normaliseStaffRole, organisationOfOffice, TITLE_PATTERN, TITLES } from './data/roles.js';
import { DESCRIBING_VERBS, DOCUMENT_NOUNS, NAMING_VERBS } from './data/speech.js';
import { namesIn } from './people.js';
import { alternation } from '../text/patterns.js';

/**
 * Who named the thing, right before the phrase: "what one inspector called", "the Chief Inspector called it",
 * "Dame Glenys described the findings as": up to four words, then the naming verb ending the text before the
 * quote (with up to four words of what is named after it, or, for a describing verb, up to six and "as").
 */
const WORD = String.raw`[\p{L}’'-]+`;
const NAMED_BY = new RegExp(
  String.raw`((?:${WORD}\s+){0,3}${WORD})\s+(?:(?:${alternation(NAMING_VERBS)})(?:\s+(?!(?:for|on|upon|in|out|off|up|to)\b)(?:${WORD}\s+){0,3}${WORD})?|(?:${alternation(DESCRIBING_VERBS)})\s+(?:${WORD}\s+){0,6}?as)\s*$`,
  'iu',
);
/** Words that open the clause the namer stands in: "the litany and what one inspector called" → "one inspector". */
const CLAUSE_OPENER = /^.*\b(?:what|which|and|but|as|while|that|whom|how)\s+/i;
/** A speaker who is one of a group: "one inspector", "a probation officer", "another manager". */
const ONE_OF = /^(?:one|a|an|another|the)\s+/i;
const TITLE = new RegExp(`^(?:the\\s+)?(${TITLE_PATTERN})$`, 'i');
/** Words before a naming verb that name nobody, or a body whose words a document is (a committee's are its report's). */
const NOBODY = /^(?:it|they|this|that|these|those|we|he|she|which|who|what|is|was|were|are|one|another)$/i;
const A_BODY = /\b(?:committee|government|ministry|department|inspectorate|council|company|companies)$/i;

/** The pattern spans at most a dozen words: only the end of a long text before a quote is searched, from a word's start. */
const REACH = 240;
const lastWords = (text: string) =>
  text.length <= REACH ? text : text.slice(text.indexOf(' ', text.length - REACH) + 1);

/**
 * A short phrase someone named something with: whose it is, where the words before the quote say so.
 * The annotation rules leave such phrases out of quotes, so a caller keeps them below the export's threshold.
 */
export function namingAttribution(before: string, ctx: AttributionContext): Attribution | null {
  const m = NAMED_BY.exec(lastWords(before));
  if (!m) return null;
  const subject = m[1]!.replace(CLAUSE_OPENER, '').trim();
  if (DOCUMENT_NOUNS.test(subject)) return null;
  const verbatim = m[0].trim();
  const found = (speaker: string | null, role: string | null, organisation: string | null, kind: Attribution['kind']) =>
    ({ speaker, role, organisation, kind, verbatim, rule: 'quote.phrase' }) as const;
  const named = namesIn(subject).pop();
  if (named) {
    const known = ctx.people.find(named);
    return found(known?.name ?? named, known?.role ?? null, known?.organisation ?? null, 'statement');
  }
  const title = TITLE.exec(subject);
  if (title) {
    const role = TITLES.find((t) => t.toLowerCase() === title[1]!.toLowerCase()) ?? title[1]!;
    return found(null, role, organisationOfOffice(role, ctx.publisher), 'statement');
  }
  const one = subject.replace(ONE_OF, '');
  if (one === subject || NOBODY.test(one) || A_BODY.test(one) || one.split(/\s+/).length > 2) return null;
  const staff = normaliseStaffRole(one);
  return staff ? found(null, staff, null, 'testimony') : found(null, one.toLowerCase(), null, 'statement');
}
