import type { Block } from '../document.js';
import type { Recommendation } from '../findings.js';
import { BULLET } from '../text/list-markers.js';
import type { DocumentContext } from './context.js';
import { scored, type RuleName } from './data/confidence.js';
import { PeopleRegistry } from './people.js';

/** Headings that open a list of recommendations: "Recommendations", "Conclusions and recommendations", "Annex 2: Summary of recommendations with a specific timeframe". */
const SECTION = /^(?:(?:key|our|summary of|conclusions and)\s+)?recommendations?$|\brecommendations\b/i;
const NUMBERED = /^(\d{1,3})\.\s+/;
const CROSS_REFERENCE = /\s*\(Paragraphs?\s+(\d+)[^)]*\)\.?\s*$/i;
const LABEL = /^Recommendation(?:\s+(\d+))?\s*:\s*/i;

/** Bodies a recommendation can be addressed to, as written ("the new Probation Service" is the Probation Service). */
/** What an item may call a body it addresses, before its name: "the new Probation Service". */
const NEW_OR_UNIFIED = String.raw`(?:new|unified|reunified)\s+`;
const BODY = String.raw`(?:[Tt]he\s+)?(?:${NEW_OR_UNIFIED}){0,2}(?:management at\s+)?(?:Ministry of Justice|Ministry|MoJ|HMPPS|HM Prison (?:and|&) Probation Service|HMCTS|MTC|Youth Custody Service|YCS|Government|Department|Secretary of State|Lord Chancellor|Minister|Home Office|Treasury|CRCs?|NPS|National Probation Service|Probation Service|Inspectorate|Parole Board|Prison Service|local authorities|providers|contractor|company|Cabinet Office|NHS England)`;
const LEADING_NEW_OR_UNIFIED = new RegExp(String.raw`^(?:the\s+)?(?:${NEW_OR_UNIFIED})+`, 'i');
const BODY_LIST = String.raw`${BODY}(?:(?:,\s*|\s+and\s+)${BODY})*`;
const RECOMMEND_THAT = new RegExp(String.raw`\brecommends?\s+that\s+(${BODY_LIST}|he|she|they)\b`, 'gi');
const SHOULD = new RegExp(
  String.raw`(?:^|[.;:]\s+|,\s+|\b(?:Report|report|that|then|and|when|if)\s+)(${BODY_LIST})\s+(?:together\s+|also\s+|now\s+|urgently\s+|therefore\s+)?(?:should|must|needs\s+to)\b`,
  'g',
);
/** A body in no list, named in capitals as the subject of "should": "Regional Probation Directors should ...". */
const NAMED_SHOULD =
  /(?:^|[.;:]\s+|,\s+)((?:[Tt]he\s+)?(?!(?:This|It|That|These|Those|They|We|There|Such|Each|Every|All|Any)\b)[A-Z][\p{L}’'-]+(?:\s+(?:of\s+|and\s+|for\s+)?[A-Z][\p{L}’'-]+){0,4})\s+(?:also\s+|now\s+|urgently\s+)?should\b/u;
/** "When the Ministry of Justice responds to our Report it should ...": "it" is the body named before. */
const IT_SHOULD = /\b(?:it|they)\s+(?:should|must)\b/i;
/** Words that recommend whoever is named: "We recommend", "we urge", "we call on". */
const RECOMMENDING =
  /\b(?:we|the committee)\s+(?:also\s+|therefore\s+|strongly\s+)?(?:recommends?|urges?|calls?\s+on)\b/i;
/**
 * "This should include ...", "It should set out ...": what a body was asked for should be done;
 * a recommendation where the item names the body. Other subjects of "should" or "must" ("we must
 * acknowledge", "the new model must provide", "should any attempt be made") only conclude.
 */
const REFERRING_SHOULD = /\b(?:this|it|that|these|they)\s+should\s+(?!be\b|have\s+been\b)/i;

/**
 * "the Ministry" is the Ministry of Justice in these reports; a name keeps no leading article, so that
 * "the Ministry of Justice" and "Ministry of Justice" are one addressee.
 */
function normaliseBody(body: string): string {
  return body
    .replace(LEADING_NEW_OR_UNIFIED, 'the ')
    .replace(/^the management at\s+/i, '')
    .replace(/^the\s+(?=\p{Lu})/iu, '')
    .replace(/\b(?:the\s+)?Minist(?:ry|er)\b(?! of)/g, 'Ministry of Justice')
    .replace(/\s+/g, ' ')
    .trim();
}

const BODY_RE = new RegExp(BODY, 'g');

/** "MTC and the Youth Custody Service" → ["MTC", "the Youth Custody Service"]. */
function splitBodies(list: string): string[] {
  return [...list.matchAll(BODY_RE)].map((m) => normaliseBody(m[0]));
}

function joinList(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * Who a recommendation is addressed to: everyone "we recommend that ..." names, else the
 * body that "should" act ("it should" is the body named before it), else the body the item
 * names. "he" and "she" are the person last named, by their organisation.
 */
export function addresseeOf(text: string, people: PeopleRegistry): string | null {
  const recommended = [...text.matchAll(RECOMMEND_THAT)].map((m) => {
    if (!/^(?:he|she|they)$/i.test(m[1]!)) return splitBodies(m[1]!);
    const named = [...text.slice(0, m.index).matchAll(/\b(?:Mr|Mrs|Ms|Dr|Sir|Dame)\s+[A-Z][\p{L}’'-]+/gu)].pop();
    const person = named ? people.find(named[0].replace(/[’']s$/, '')) : null;
    return person?.organisation ? [person.organisation] : [];
  });
  const named = recommended.flat();
  if (named.length) return joinList([...new Set(named)]);
  const should = SHOULD.exec(text);
  SHOULD.lastIndex = 0;
  if (should) return joinList(splitBodies(should[1]!));
  const namedShould = NAMED_SHOULD.exec(text);
  if (namedShould) return normaliseBody(namedShould[1]!);
  const it = IT_SHOULD.exec(text);
  const mentioned = [...text.slice(0, it ? it.index : text.length).matchAll(BODY_RE)];
  const body = it ? mentioned[mentioned.length - 1] : mentioned[0];
  // Alone, the Ministry is named without its article, as in "the Ministry should" → "Ministry of Justice".
  return body ? normaliseBody(body[0]).replace(/^the (?=Ministry of Justice$)/, '') : null;
}

/** Whether an item recommends something, rather than only concluding: it says "we recommend", or that a body it names should act. */
function recommends(text: string, people: PeopleRegistry): RuleName | null {
  RECOMMEND_THAT.lastIndex = 0;
  SHOULD.lastIndex = 0;
  const rule: RuleName | null =
    RECOMMEND_THAT.test(text) || RECOMMENDING.test(text)
      ? 'recommendation.we-recommend'
      : SHOULD.test(text)
        ? 'recommendation.body-should'
        : NAMED_SHOULD.test(text)
          ? 'recommendation.named-body'
          : REFERRING_SHOULD.test(text) && addresseeOf(text, people) !== null
            ? 'recommendation.refers-back'
            : null;
  RECOMMEND_THAT.lastIndex = 0;
  SHOULD.lastIndex = 0;
  return rule;
}

function stripMarker(text: string): string {
  return text.replace(NUMBERED, '').replace(BULLET, '').trim();
}

/** The number of a numbered item, or null. */
const itemNumber = (block: Block | undefined) => {
  const m = block && block.kind !== 'heading' ? NUMBERED.exec(block.text) : null;
  return m ? Number(m[1]) : null;
};

/**
 * The blocks of each recommendations section, headings excluded. A heading as high as the section's ends it, unless
 * the numbering goes on under it: committees set their conclusions under topic subheadings ("Probation staff").
 */
function sections(blocks: Block[]): Block[][] {
  const found: Block[][] = [];
  for (let i = 0; i < blocks.length; i++) {
    const heading = blocks[i]!;
    if (heading.kind !== 'heading' || !SECTION.test(heading.text)) continue;
    const body: Block[] = [];
    let last: number | null = null;
    for (let j = i + 1; j < blocks.length; j++) {
      const block = blocks[j]!;
      if (block.kind === 'heading' && block.level <= heading.level) {
        const next = blocks.slice(j + 1).find((b) => b.kind !== 'heading');
        if (itemNumber(next) !== (last ?? 0) + 1) break;
        continue;
      }
      if (block.kind === 'heading') continue;
      body.push(block);
      last = itemNumber(block) ?? last;
    }
    found.push(body);
  }
  return found;
}

/**
 * Recommendations from a report's recommendations section: committee-style numbered items
 * ending "(Paragraph N)", "Recommendation:" paragraphs under a numbered conclusion, or an
 * inspectorate's list under "The CRC should:". Items that only conclude are left out.
 */
export function extractRecommendations({ blocks, log }: DocumentContext): Recommendation[] {
  const bodies = sections(blocks);
  if (!bodies.length) return [];
  const people = PeopleRegistry.fromTexts(blocks.map((b) => b.text));
  const found: Recommendation[] = [];
  const labelled = bodies.flat().some((b) => LABEL.test(b.text));
  for (const body of bodies) {
    let number: string | null = null;
    let leadIn: string | null = null;
    for (let k = 0; k < body.length; k++) {
      const block = body[k]!;
      const numbered = NUMBERED.exec(block.text);
      if (numbered) number = numbered[1]!;
      const label = LABEL.exec(block.text);
      if (labelled && !label) continue;
      let text = label ? block.text.slice(label[0].length) : stripMarker(block.text);
      // A labelled recommendation takes the bullet list that follows it.
      while (label && body[k + 1] && BULLET.test(body[k + 1]!.text)) text += ` ${body[++k]!.text}`;
      if (/:$/.test(text) && !label && block.kind !== 'list-item') {
        leadIn = text;
        continue;
      }
      const paragraph = CROSS_REFERENCE.exec(text)?.[1] ?? null;
      text = text.replace(CROSS_REFERENCE, '').trim();
      const rule = label
        ? 'recommendation.labelled'
        : (recommends(text, people) ?? (leadIn && block.kind === 'list-item' ? 'recommendation.list-item' : null));
      if (!rule) continue;
      found.push({
        page: block.page,
        number: label?.[1] ?? (numbered || label ? number : null),
        text,
        addressee: addresseeOf(text, people) ?? (leadIn ? addresseeOf(leadIn, people) : null),
        paragraph,
        ...scored(rule),
      });
    }
  }
  if (!found.length)
    log?.message(
      'recommendations',
      'a recommendations section, but none of its items recommends anything to anyone; nothing read',
    );
  return found;
}
