import { extractResponses, responseScore } from '../responses.js';
import type { Genre } from './genre.js';

/** A government response or Treasury Minute: each recommendation quoted, then the government's answer to it. */
export const governmentResponse: Genre<'responses'> = {
  name: 'government-response',
  kind: 'responses',
  match: responseScore,
  extract: extractResponses,
};
