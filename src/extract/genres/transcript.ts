import { extractEvidence, transcriptScore, turnBlocks } from '../evidence.js';
import type { Genre } from './genre.js';

/** An oral-evidence transcript, with or without question numbers: its turns are its quotes. */
export const transcript: Genre<'quotes'> = {
  name: 'transcript',
  kind: 'quotes',
  match: transcriptScore,
  extract: extractEvidence,
  claims: turnBlocks,
};
