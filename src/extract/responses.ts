import type { Block } from '../document.js';
import type { Response, ResponseStatus } from '../findings.js';
import type { DocumentContext } from './context.js';
import { scored } from './data/confidence.js';

/** "Recommendation 3", "Recommendation 3:", "3a. PAC recommendation:", "3. ..." in a response document. */
const LABELLED = /^Recommendations?\s+(\d+[a-z]?)\b\s*[:.–-]?\s*/i;
const TREASURY = /^(\d+[a-z]?)\.?\s+(?:PAC|Committee(?:['’]s)?)\s+recommendations?\s*:?\s*/i;
const NUMBERED = /^(\d{1,3}[a-z]?)[.)]\s+/;
/** "Government response", "The Department's response", "Response". */
const WHOSE_RESPONSE = String.raw`^(?:(?:The\s+)?(?:Government|Department|Ministry)(?:['’]s)?\s+)?response`;
/** A label opening an answer, stripped from its text. */
const RESPONSE_LABEL = new RegExp(String.raw`${WHOSE_RESPONSE}\s*[:.–-]?\s*`, 'i');
/** Who answers, opening a paragraph: "The Government", "HMPPS". */
const ANSWERER = String.raw`^(?:The\s+)?(?:Government|government|Department|Ministry|MoJ|HMPPS)\s+`;
/** How a response opens when it has no label: the government says what it does with the recommendation. */
const RESPONSE_OPENING = new RegExp(
  String.raw`${ANSWERER}(?:accepts?|agrees?|disagrees?|does not|partially|rejects?|welcomes?|notes?|has\b)`,
);

/** The answer a response gives, strongest wording first: a refusal or a partial yes is not a yes. */
const STATUSES: Array<[RegExp, ResponseStatus]> = [
  [
    /\b(?:do(?:es)?\s+not|cannot|can\s?not|will\s+not)\s+(?:accept|agree)\b|\bdisagrees?\b|\brejects?\b|\bnot\s+accepted\b/i,
    'not accepted',
  ],
  [
    /\bpartially\s+(?:accepts?|agrees?)\b|\b(?:accepts?|agrees?)\b[^.]{0,40}\bin\s+part\b|\bpartly\s+(?:accepts?|agrees?)\b/i,
    'partially accepted',
  ],
  [
    /\b(?:has|have)\s+(?:already\s+)?(?:been\s+)?implemented\b|\balready\s+(?:been\s+)?(?:in\s+place|implemented|completed)\b|\brecommendation\s+(?:is|has\s+been)\s+implemented\b/i,
    'implemented',
  ],
  [/\baccepts?\b|\bagrees?\b|\baccepted\b/i, 'accepted'],
];

/** A label set before an answer, as a line or with a colon: "Government response", "Response:". */
const ANSWER_LABEL = new RegExp(String.raw`${WHOSE_RESPONSE}\s*(?:[:.–-]|$)`, 'i');
/** An answer that decides: the government accepting, rejecting or agreeing in part, not one "noting" or that "has" done a thing. */
const DECIDING_OPENING = new RegExp(
  String.raw`${ANSWERER}(?:accepts?|agrees?|disagrees?|partially|rejects?|does not accept)\b`,
);

/**
 * How surely a document answers recommendations: its type says so (1); it quotes recommendations by label and answers
 * them under a "Government response" label (0.8); or it opens paragraphs with decisions on them (0.6, from two).
 */
export function responseScore({ blocks, metadata }: DocumentContext): number {
  if (metadata.type === 'government-response') return 1;
  const quotesRecommendations = blocks.some((b) => LABELLED.test(b.text) || TREASURY.test(b.text));
  if (!quotesRecommendations) return 0;
  if (blocks.some((b) => ANSWER_LABEL.test(b.text))) return 0.8;
  return blocks.filter((b) => DECIDING_OPENING.test(b.text)).length >= 2 ? 0.6 : 0;
}

export function responseStatus(text: string): ResponseStatus | null {
  return STATUSES.find(([re]) => re.test(text))?.[1] ?? null;
}

function marker(block: Block, labelled: boolean): { number: string; rest: string } | null {
  const m = (labelled ? (LABELLED.exec(block.text) ?? TREASURY.exec(block.text)) : NUMBERED.exec(block.text)) ?? null;
  return m ? { number: m[1]!, rest: block.text.slice(m[0].length) } : null;
}

/**
 * A government response (or Treasury Minute) answer by answer: the number of the
 * recommendation, the recommendation as quoted, the answer, and what the answer decides.
 */
export function extractResponses({ blocks }: DocumentContext): Response[] {
  const labelled = blocks.some((b) => LABELLED.test(b.text) || TREASURY.test(b.text));
  const found: Array<Response & { answering: boolean }> = [];
  let current: (Response & { answering: boolean }) | null = null;
  for (const block of blocks) {
    const start = block.kind === 'heading' && !labelled ? null : marker(block, labelled);
    if (start) {
      current = {
        page: block.page,
        number: start.number,
        recommendation: start.rest,
        text: '',
        status: null,
        answering: false,
        ...scored('response.answer'),
      };
      found.push(current);
      continue;
    }
    if (!current || (block.kind === 'heading' && !RESPONSE_LABEL.test(block.text))) continue;
    const label = RESPONSE_LABEL.exec(block.text);
    if (label || RESPONSE_OPENING.test(block.text)) current.answering = true;
    const text = label ? block.text.slice(label[0].length) : block.text;
    if (current.answering) current.text = `${current.text} ${text}`.trim();
    else current.recommendation = `${current.recommendation} ${text}`.trim();
  }
  return found
    .filter((r) => r.text)
    .map(({ answering: _answering, ...r }) => ({
      ...r,
      recommendation: r.recommendation || null,
      status: responseStatus(r.text),
    }));
}
