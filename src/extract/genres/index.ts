import type { Findings } from '../../findings.js';
import type { DocumentContext } from '../context.js';
import type { Genre } from './genre.js';
import { governmentResponse } from './government-response.js';
import { ratingsTable } from './ratings-table.js';
import { transcript } from './transcript.js';

/** A genre of any kind of finding. */
export type AnyGenre = { [K in keyof Findings]: Genre<K> }[keyof Findings];

/** Every genre in one registry; each adds the structure it recognises. */
export const GENRES: AnyGenre[] = [ratingsTable, transcript, governmentResponse];

/** How strongly a document must show a genre's structure to be read as one. */
export const GENRE_THRESHOLD = 0.5;

/** The genres a document shows, with how strongly, in the registry's order. */
export function recognise(doc: DocumentContext): Array<{ genre: AnyGenre; score: number }> {
  return GENRES.map((genre) => ({ genre, score: genre.match(doc) })).filter((g) => g.score >= GENRE_THRESHOLD);
}
