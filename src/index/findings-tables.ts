import type { Findings } from '../findings.js';

/**
 * The table behind each kind of finding and its columns, in the order the export contract
 * lists the fields. Constants, never user input, so they may be spliced into SQL.
 */
export const FINDING_COLUMNS = {
  quotes: ['page', 'text', 'speaker', 'role', 'organisation', 'kind', 'question', 'attribution', 'confidence', 'rule'],
  ratings: ['page', 'subject', 'aspect', 'rating', 'count', 'total', 'evidence', 'year', 'confidence', 'rule'],
  figures: ['page', 'sentence', 'value', 'unit', 'qualifier', 'topic', 'subject', 'phrase', 'confidence', 'rule'],
  recommendations: ['page', 'number', 'text', 'addressee', 'paragraph', 'confidence', 'rule'],
  responses: ['page', 'number', 'recommendation', 'text', 'status', 'confidence', 'rule'],
  voices: ['page', 'opening', 'closing', 'speaker', 'role', 'organisation', 'signature', 'confidence', 'rule'],
} as const satisfies { [K in keyof Findings]: ReadonlyArray<keyof Findings[K][number]> };

export const FINDING_KINDS = Object.keys(FINDING_COLUMNS) as Array<keyof Findings>;
