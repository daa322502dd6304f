import type { Block } from '../document.js';
import type { Rating, RatingValue } from '../findings.js';
import { BACK_REFERENCE, GROUP_HEADS, STANDARD_HEADS } from './data/bodies.js';
import { bodiesIn, bodyOfDocument, listedBodies, sameBody } from './bodies.js';
import { DOUBT, scored, type RuleName } from './data/confidence.js';
import type { DocumentContext } from './context.js';
import { NUMBER, parseNumber } from './text/numbers.js';
import { judgementYears, yearBeforeChange, yearBesideRating, type YearOfSentence } from './judgement-years.js';
import { shareTotals, totalOfCount } from './rating-totals.js';
import { sentencesOf } from './text/sentences.js';

const RATING_WORDS = [
  'outstanding',
  'good',
  'requires improvement',
  'requiring improvement',
  'require improvement',
  'inadequate',
];
const RATING = `(${RATING_WORDS.join('|')})`;
/**
 * A rating word counts only in a rating's context: in quote marks (with the comma some copies set inside them:
 * "‘Requiring Improvement,’"), or after "rated", "rating of", "judged".
 */
const MENTION = new RegExp(
  `[‘'"“](${RATING_WORDS.join('|')})[,.]?[’'"”]|\\b(?:rated(?:\\s+as)?|ratings?\\s+of|judged(?:\\s+to\\s+be|\\s+as)?)\\s+${RATING}\\b|\\b(?:got|received|given|achieved|awarded)\\s+(?:this|that|the\\s+same)\\s+rating\\b`,
  'gi',
);
/** A quoted rating word is a rating only where the sentence speaks of rating: "did not know what ‘good’ looks like" is not one. */
const RATING_CUE = /\b(?:rat(?:ed|ing|ings)|judged|judgements?|grades?|graded|scored?|category)\b|\bas\s+[‘'"“]/i;
/** Cheap test for a block worth splitting into sentences. */
const MAY_RATE = /outstanding|good|improvement|inadequate|rating/i;
/** Mentions that rate nothing: alternatives, near misses, negations, equivalences, judgements of cases. */
const NOT_A_RATING_BEFORE =
  /(?:\bor\s+$|\boff being rated\s*$|\bequivalent to (?:a\s+)?$|\bcases?\b(?!\s+(?:supervision|management|work|administration))[^.;–]{0,60}$|\b(?:not|never|nor)\s+(?:(?:been|be|being|yet|ever)\s+){0,2}(?:rated|judged|given|awarded)(?:\s+as)?\s*$|\b(?:short|close)\s+(?:of|to)\s+(?:being\s+rated\s+|an?\s+)?$|(?:,\s*|\bbut\s+)not\s+$|\bneither\b[^.;]*\bnor\b[^.;]*$)/i;
const NOT_A_RATING_AFTER = /^\s*(?:or|\/)\s+[‘'"“]?(?:outstanding|good|requires|inadequate)/i;

const GROUP = String.raw`(?:(?:CRC|NPS|PDU|probation|individual|quality|private|public|local|regional|youth|offending|justice|the)\s+)*(?:${GROUP_HEADS.join('|')})\b`;
/** Ways a count of rated bodies is written before the rating, nearest wins. */
const COUNT_BEFORE = [
  new RegExp(`\\b(${NUMBER}) out of (?:the )?${NUMBER}(?:\\s+(${GROUP}))?`, 'gi'),
  new RegExp(`\\ball (${NUMBER}) of (?:these|the)\\s+(${GROUP})`, 'gi'),
  new RegExp(`\\b(${NUMBER}) of (?:these|the)\\s+(?:${NUMBER}\\s*)?(${GROUP})?`, 'gi'),
  new RegExp(`\\b(?:gave|given|give)\\s+(${NUMBER}|one|a|an)\\s+(${GROUP})\\s+an?\\s+rating`, 'gi'),
  new RegExp(
    `(?<!\\bof\\s+(?:the\\s+|these\\s+)?)\\b(${NUMBER})(?:\\s+(${GROUP}))?\\s+(?:were\\s+|was\\s+|being\\s+|(?:have|has|had) been\\s+|(?:is|are) )?(?:rated|judged)\\b`,
    'gi',
  ),
  // A list of counts: "six probation services as ‘Good’", "rated four probation services ‘Inadequate’", "three probation services improving their overall rating to ‘good’".
  new RegExp(
    `(?<!\\bof\\s+(?:the\\s+|these\\s+)?)\\b(${NUMBER})\\s+(${GROUP})(?:\\s+(?:as|(?:improving|improved|raising|raised|moving|moved)\\s+their\\s+(?:overall\\s+)?ratings?\\s+to))?\\s*[‘'"“]`,
    'gi',
  ),
  // A count whose group was named before it: "seven were rated ‘Requires improvement’ and two ‘Inadequate’", "we rated two as ‘Inadequate’".
  new RegExp(`(?:^|\\band\\s+|,\\s*|\\brated\\s+)(${NUMBER})\\s+(?:as\\s+)?[‘'"“]`, 'gi'),
  // Every one of a group, however far from the rating: "Both PDUs were rated", "All three PDUs in the region were rated".
  new RegExp(`\\b(both|all\\s+${NUMBER})\\s+(?:(?:of\\s+)?(?:the|these)\\s+)?(${GROUP})`, 'gi'),
  // No body at all: "none were categorised as ‘Inadequate’", "No NPS division was rated ‘Outstanding’" (a count of zero).
  new RegExp(
    `\\b(none|no)(?:\\s+of\\s+(?:the|these)(?:\\s+${NUMBER})?)?(?:\\s+(${GROUP}))?(?:\\s+(?:in|across|within)\\s+(?:the\\s+)?[\\w’'-]+)?\\s+(?:was|were|is|are|has|have)\\b`,
    'gi',
  ),
  // A body's own standards: "rated all four aspects of case supervision ‘Inadequate’".
  new RegExp(
    `\\ball\\s+(${NUMBER})\\s+(${[...STANDARD_HEADS, 'standards'].join('|')})\\s+of\\s+[\\w\\s-]{3,40}?\\s*[‘'"“]`,
    'gi',
  ),
];
const COUNT_AFTER = new RegExp(`^\\s*(?:to|for)\\s+(${NUMBER})\\b`, 'i');
const FROM_TO = new RegExp(`^\\s*from\\s+(${NUMBER})\\s+to\\s+(${NUMBER})\\b`, 'i');
const GROUP_ANYWHERE = new RegExp(`\\b(?:${NUMBER}\\s+(?:of\\s+(?:these|the)\\s+)?)(${GROUP})`, 'gi');

/** Standards and areas a rating may be about, as reports name them. */
const ASPECTS: Array<[RegExp, string]> = [
  [/\bthrough[- ]the[- ]gate\b/i, 'through the gate'],
  [/\bcase supervision\b/i, 'case supervision'],
  [/\bunpaid work\b/i, 'unpaid work'],
  [/\bcourt work\b/i, 'court work'],
  [/\bvictim work\b/i, 'victim work'],
  [/\bleadership\b/i, 'leadership'],
  [/\binformation and facilities\b/i, 'information and facilities'],
  [/\bimplementation and delivery\b/i, 'implementation and delivery'],
  // Not a description of the rating itself: "its second lowest assessment".
  [/(?<!\b(?:lowest|highest|its|an?|overall)\s)\bassessment\b/i, 'assessment'],
  [/\bplanning\b/i, 'planning'],
  [/\breviewing\b/i, 'reviewing'],
];

export function normaliseRating(text: string): RatingValue {
  const flat = text.toLowerCase().replace(/\s+/g, '');
  return flat.endsWith('improvement') ? 'requires improvement' : (flat as RatingValue);
}

function groupName(raw: string | undefined): string | null {
  if (!raw) return null;
  const name = raw
    .replace(/^(?:the|individual)\s+/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  return /standards$/i.test(name) && !/^quality/i.test(name) ? `quality ${name}` : name;
}

interface Count {
  value: number;
  group: string | null;
  end: number;
}

/** A count's words as a number: digits and number words, "a", "both", "all three", "none". */
function countValue(words: string): number | null {
  if (/^(?:none|no)$/i.test(words)) return 0;
  if (/^both$/i.test(words)) return 2;
  const all = /^all\s+(.+)$/i.exec(words);
  return parseNumber(all?.[1] ?? words) ?? (/^an?$/i.test(words) ? 1 : null);
}

function nearestCount(before: string): Count | null {
  let best: Count | null = null;
  for (const re of COUNT_BEFORE) {
    for (const m of before.matchAll(re)) {
      const value = countValue(m[1]!);
      const end = m.index + m[0].length;
      if (value !== null && (!best || end > best.end)) best = { value, group: groupName(m[2]), end };
    }
  }
  // Only a count standing in the same clause as the rating belongs to it.
  return best && !/[;–—]/.test(before.slice(best.end)) ? best : null;
}

function lastGroup(text: string): string | null {
  const all = [...text.matchAll(GROUP_ANYWHERE)];
  return groupName(all[all.length - 1]?.[1]);
}

/** "overall" said of the rating itself, right before it: "The overall rating is", "an overall ‘…’ rating". */
const OVERALL_BESIDE = /\boverall\s+(?:rating\s+)?(?:(?:for\s+[^,;]{1,40}?\s+)?(?:is|was|of)\s+)?$/i;
/** How far from its rating word an aspect is named to be that rating's own: "rated ‘Outstanding’ for its leadership". */
const OWN_ASPECT_CHARS = 40;
/** Between two ratings, words that join them as one judgement: "from ‘requires improvement’ to ‘outstanding’". */
const JOINED_RATINGS = /^[’'"”\s]*(?:to|and|or|then|,)?\s*[‘'"“]?$/i;

interface Mention {
  index: number;
  end: number;
}

const distanceTo = (mention: Mention, at: number, end: number) =>
  at >= mention.end ? at - mention.end : Math.max(0, mention.index - end);

/** The aspects' patterns, to find every place a sentence names each. */
const ASPECTS_EVERYWHERE = ASPECTS.map(([re, aspect]) => [new RegExp(re.source, 'gi'), aspect] as const);

interface AspectNamed extends Mention {
  aspect: string;
}

/** Every place a sentence names an aspect, in the order of ASPECTS. */
function aspectsNamedIn(sentence: string): AspectNamed[] {
  return ASPECTS_EVERYWHERE.flatMap(([re, aspect]) =>
    [...sentence.matchAll(re)].map((m) => ({ aspect, index: m.index, end: m.index + m[0].length })),
  );
}

/**
 * The aspect named within OWN_ASPECT_CHARS of a mention, not past the ratings either side, and nearer to it than
 * to any other rating ("‘Good’ for leadership and ‘Requires improvement’ for …": leadership is the first's), or null.
 */
function ownAspect(named: AspectNamed[], mentions: Mention[], i: number, length: number): string | null {
  const mention = mentions[i]!;
  const from = Math.max(mentions[i - 1]?.end ?? 0, mention.index - OWN_ASPECT_CHARS);
  const to = Math.min(mentions[i + 1]?.index ?? length, mention.end + OWN_ASPECT_CHARS);
  let best: { aspect: string; distance: number } | null = null;
  for (const { aspect, index, end } of named) {
    if (index < from || end > to) continue;
    const distance = distanceTo(mention, index, end);
    // A tie goes to the rating before: "‘Good’ for leadership and ‘…’".
    const nearer = (other: Mention, j: number) =>
      j !== i && (distanceTo(other, index, end) < distance || (j < i && distanceTo(other, index, end) === distance));
    if (mentions.some(nearer)) continue;
    if (!best || distance < best.distance) best = { aspect, distance };
  }
  return best?.aspect ?? null;
}

/**
 * What each rating of a sentence is of: the aspect named right beside it ("judged ‘Good’ overall, and rated
 * ‘Outstanding’ for its leadership"); the aspect of the rating it is joined to ("for through the gate work improve
 * from ‘requires improvement’ to ‘outstanding’"); else one the sentence names that is no other rating's own
 * ("On through the gate, six of nine were rated ‘outstanding’"); else overall, or the standards counted.
 */
function aspectsOf(sentence: string, mentions: Mention[], groupAt: (i: number) => string | null): string[] {
  const named = aspectsNamedIn(sentence);
  const own = mentions.map((_, i) => ownAspect(named, mentions, i, sentence.length));
  const unclaimed = named.find((n) => !own.includes(n.aspect))?.aspect ?? null;
  const aspects: string[] = [];
  mentions.forEach((m, i) => {
    const joined = i > 0 && JOINED_RATINGS.test(sentence.slice(mentions[i - 1]!.end, m.index));
    const standards = () => {
      const group = groupAt(i);
      return group && /standards$/.test(group) ? group : 'overall';
    };
    // "The overall rating is ‘…’": overall, whatever aspect the sentence goes on to name.
    const overall = OVERALL_BESIDE.test(sentence.slice(Math.max(0, m.index - OWN_ASPECT_CHARS), m.index));
    aspects.push(
      own[i] ?? (joined ? aspects[i - 1]! : null) ?? (overall ? 'overall' : null) ?? unclaimed ?? standards(),
    );
  });
  return aspects;
}

/** "(five NPS divisions and one CRC)" after a count: the sub-groups it is made of. */
const BREAKDOWN = /^\s*[’'"”]?\s*\(([^()]{3,80})\)/;
const BREAKDOWN_PART = new RegExp(`^(${NUMBER})\\s+(${GROUP})$`, 'i');

/** The sub-group counts of a breakdown; none when it only restates the total ("(one CRC)" after "one probation service"). */
function breakdownOf(after: string, total: number): Array<{ value: number; group: string }> {
  const m = BREAKDOWN.exec(after);
  if (!m) return [];
  const parts = m[1]!.split(/\s*,\s*|\s+and\s+/).map((part) => BREAKDOWN_PART.exec(part.trim()));
  if (!parts.length || parts.some((p) => !p)) return [];
  const counts = parts.map((p) => ({ value: parseNumber(p![1]!) ?? NaN, group: groupName(p![2])! }));
  if (counts.some((c) => !Number.isFinite(c.value)) || (counts.length === 1 && counts[0]!.value === total)) return [];
  return counts;
}

/**
 * The bodies a rating without a count is about: one named in its sentence, each of a list of them before the rating
 * ("Lambeth PDU and Ealing PDU were both rated"), or the document's own when the sentence refers back to it.
 */
/** "The overall rating is", "the overall rating for Wales was": the document's own. */
const OWN_RATING_BEFORE = /\b(?:the|its)\s+overall\s+rating\s+(?:for\s+[^,;]{1,40}?\s+)?(?:is|was)\s*$/i;
/** "awarded a ‘Good’ rating": given, with no one named as given it. */
const AWARDED_BEFORE = /\b(?:awarded|given|gave|received|achieved)\s+(?:it\s+)?an?\s+(?:overall\s+)?$/i;
const RATING_NOUN_AFTER = /^\s*rating\b/i;

function ratedBodies(
  sentence: string,
  before: string,
  after: string,
  itemFrom: number,
  respective: { index: number; of: number } | null,
  focusOf: () => string | null,
): Array<{ name: string; rule: RuleName }> {
  const named = bodiesIn(sentence);
  const listed = listedBodies(sentence, named).filter((b) => b.end <= before.length);
  // "Leeds PDU and Bradford PDU were rated ‘Good’ and ‘Requires improvement’, respectively": one each, in order.
  if (respective && listed.length === respective.of)
    return [{ name: listed[respective.index]!.name, rule: 'rating.named-body' }];
  if (listed.length > 1) return listed.map((b) => ({ name: b.name, rule: 'rating.named-body' }));
  // "X PDU was rated ‘Inadequate’, while Y PDU was rated ‘Good’": each rating is of the body named in its own part.
  const own = named.filter((b) => b.index >= itemFrom && b.end <= before.length);
  if (own.length && itemFrom > 0) return [{ name: own[0]!.name, rule: 'rating.named-body' }];
  if (named.length) return [{ name: (named.find((b) => b.known) ?? named[0]!).name, rule: 'rating.named-body' }];
  // "The overall rating is ‘Requires improvement’", "therefore awarded a ‘Good’ rating for leadership": a rating no
  // phrase names the holder of is the rating of the body the document is about.
  if (OWN_RATING_BEFORE.test(before) || (AWARDED_BEFORE.test(before) && RATING_NOUN_AFTER.test(after))) {
    const focus = focusOf();
    if (focus) return [{ name: focus, rule: 'rating.document-body' }];
  }
  const refersBack = before
    .split(/[\s,;:]+/)
    .some((_, i, words) => BACK_REFERENCE.test(words.slice(i, i + 2).join(' ')) || BACK_REFERENCE.test(words[i]!));
  const focus = refersBack ? focusOf() : null;
  if (focus) return [{ name: focus, rule: 'rating.document-body' }];
  // "rated the probation service in Leeds as ‘Good’", "The service in Cumbria was rated ‘Good’": the phrase the verb rates.
  const rated = (RATED_OBJECT.exec(before) ?? RATED_SUBJECT.exec(before))?.[1]?.trim();
  return rated && NAMES_A_SERVICE.test(rated) ? [{ name: rated, rule: 'rating.rated-phrase' }] : [];
}

/** What "rated ... as" rates: "rated the probation service in Leeds as". */
const RATED_OBJECT = /\brated\s+(?:the\s+)?((?:[\w’'-]+\s+){0,7}?[\w’'-]+)\s+as\s*$/i;
/** What "was rated" rates: "The probation service in Leeds was rated". */
const RATED_SUBJECT =
  /(?:^|[,;:]\s+)(?:the\s+)?((?:[\w’'-]+\s+){0,7}?[\w’'-]+)\s+(?:was|were|has been|have been|is|had been)\s+(?:rated|judged)(?:\s+as)?\s*$/i;
/** A phrase that names a service and where it is: "probation service in Leeds", "Leeds probation". */
const NAMES_A_SERVICE =
  /\b(?:service|services|probation|division|region|area|PDU|CRC|YOT|team)\b.*\b[A-Z]|\b[A-Z][\w’'-]+\b.*\b(?:service|services|probation|division|region|area|PDU|CRC|YOT|team)\b/;

/** Ratings given in the order of the bodies listed before them. */
const RESPECTIVELY = /\brespectively\b/i;

/** The first rating of a change: "from ‘X’ to ‘Y’". */
const CHANGE_FROM = /\bfrom\s*$/i;
const CHANGE_TO = /^\s*to\s+[‘'"“]?(?:outstanding|good|requires|inadequate)/i;

/** One judgement: a rating restated later is the same one, an earlier inspection's rating of the body is another. */
const ratingKey = (r: Rating) => [sameBody(r.subject), r.aspect, r.rating, r.count, r.year].join('|');

/**
 * Ratings on the four-point scale stated in prose: counts of bodies ("only 1 out of the 21
 * CRC services got this rating, with 19 rated as requiring improvement", "six probation
 * services as ‘Good’ (five NPS divisions and one CRC)"), a named provider's own ratings
 * ("Durham and Tees Valley CRC ... improve from ‘requires improvement’ to ‘outstanding’"),
 * and a rating of the body the document is about ("gave an overall ‘Requires improvement’
 * rating"); an inspection report's ratings table is the rating-table genre's. One row per judgement:
 * a count restated later in the document is not a second rating.
 */
export function extractRatings(doc: DocumentContext): Rating[] {
  const { blocks, metadata } = doc;
  // The body the document is about, looked for only when a rating needs it: most documents rate nothing.
  let focus: string | null | undefined;
  const focusOf = () => (focus === undefined ? (focus = bodyOfDocument(doc)) : focus);
  const ratings: Rating[] = [];
  // When each judgement was made, worked out only once something is rated.
  let years: YearOfSentence | undefined;
  const yearAt = (block: Block, sentence: string) =>
    (years ??= judgementYears(blocks, metadata.published))(block, sentence);
  let lastRating: RatingValue | null = null;
  // The group last counted ("these nine" are the CRCs of the sentence before).
  let paragraphGroup: string | null = null;
  for (const block of blocks) {
    if (block.kind === 'heading' || !MAY_RATE.test(block.text)) continue;
    for (const sentence of sentencesOf(block.text)) {
      if (/^\[.*\]\.?$/.test(sentence)) continue;
      const speaksOfRating = RATING_CUE.test(sentence);
      // Where the last mention (and its breakdown) ended: a list of counts in one sentence is read item by item.
      let itemStart = 0;
      const mentions = [...sentence.matchAll(MENTION)];
      // A year printed beside one rating is that rating's; the sentence's year then dates none of the others.
      const besideYears = mentions.map((m) =>
        yearBesideRating(sentence.slice(0, m.index), sentence.slice(m.index + m[0].length)),
      );
      const sentenceYear = () => {
        const year = yearAt(block, sentence);
        return besideYears.includes(year) ? null : year;
      };
      const aspects = aspectsOf(
        sentence,
        mentions.map((m) => ({ index: m.index, end: m.index + m[0].length })),
        // Only the sentence's own count of standards makes them the aspect; a group carried from before does not.
        (i) => lastGroup(sentence.slice(0, mentions[i]!.index)),
      );
      for (const [i, m] of mentions.entries()) {
        const word = m[1] ?? m[2];
        if (m[1] && !speaksOfRating) continue;
        const rating: RatingValue | null = word ? normaliseRating(word) : lastRating;
        if (!rating) continue;
        lastRating = rating;
        const before = sentence.slice(0, m.index);
        const after = sentence.slice(m.index + m[0].length);
        const itemFrom = itemStart;
        const item = sentence.slice(itemFrom, m.index);
        itemStart = m.index + m[0].length + (BREAKDOWN.exec(after)?.[0].length ?? 0);
        if (NOT_A_RATING_BEFORE.test(before) || NOT_A_RATING_AFTER.test(after)) continue;
        const group = lastGroup(before) ?? paragraphGroup;
        const aspect = aspects[i]!;
        const byReference = word ? [] : [DOUBT.ratingByReference];
        const add = (subject: string, count: number | null, rule: RuleName, earlierOfChange = false) => {
          if (count === 0) return;
          const judged = besideYears[i] ?? sentenceYear();
          const earlier = earlierOfChange ? yearBeforeChange(sentence, judged, metadata.published) : null;
          ratings.push({
            page: block.page,
            subject,
            aspect,
            rating,
            count,
            total: count === null ? null : totalOfCount(sentence, count),
            evidence: sentence,
            year: earlier ?? judged,
            ...scored(rule, ...byReference),
          });
        };
        const fromTo = FROM_TO.exec(after);
        if (fromTo && group) {
          add(group, parseNumber(fromTo[1]!), 'rating.from-to');
          add(group, parseNumber(fromTo[2]!), 'rating.from-to');
          continue;
        }
        // With the mention itself, so "19 rated as ..." sees its "rated".
        const counted = nearestCount(item + m[0]);
        const countAfter = COUNT_AFTER.exec(after);
        if (counted || countAfter) {
          const count = counted?.value ?? parseNumber(countAfter![1]!);
          const ownStandards = counted?.group && STANDARD_HEADS.includes(counted.group);
          const subject = ownStandards ? focusOf() : (counted?.group ?? group);
          if (subject) add(subject, count, 'rating.count');
          if (count) for (const part of breakdownOf(after, count)) add(part.group, part.value, 'rating.breakdown');
          continue;
        }
        // "improve from ‘requires improvement’ to ‘outstanding’ over the past year": the first is the earlier inspection's.
        const earlierOfChange = CHANGE_FROM.test(before) && CHANGE_TO.test(after);
        // An unquoted mention holds its verb ("have been judged inadequate"): the phrase it rates stands before the word.
        const verb = word && !m[1] ? m[0].slice(0, m[0].length - word.length) : '';
        const respective = RESPECTIVELY.test(sentence) ? { index: i, of: mentions.length } : null;
        for (const body of ratedBodies(sentence, before + verb, after, itemFrom, respective, focusOf))
          add(body.name, null, body.rule, earlierOfChange);
      }
      paragraphGroup = lastGroup(sentence) ?? paragraphGroup;
    }
  }
  return distinctRatings(ratings);
}

/** One row per judgement, whichever reader found it first (a ratings table, then prose restating it). */
export function distinctRatings(ratings: Rating[]): Rating[] {
  const seen = new Set<string>();
  return shareTotals(ratings).filter((r) => !seen.has(ratingKey(r)) && !!seen.add(ratingKey(r)));
}
