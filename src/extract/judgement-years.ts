import type { Block } from '../document.js';
import {
  EARLIER_BY,
  MAY_PLACE_IN_TIME,
  RELATIVE_YEARS,
  ROUNDS,
  STATED_YEAR,
  YEAR_AFTER_RATING,
  YEAR_BEFORE_RATING,
} from './data/judgement-years.js';
import { sentencesOf } from './text/sentences.js';

export type YearOfSentence = (block: Block, sentence: string) => number | null;

interface Cues {
  /** The year the sentence gives, named or relative to the document's; null when it gives none. */
  year: number | null;
  /**
   * It speaks of a time it does not place: two years ("this year's scores with last year's", "in 2018
   * and 2019"), or "last year" in a document of unknown date. The year said before no longer holds.
   */
  unplaced: boolean;
  round: number | null;
}

const NO_CUES: Cues = { year: null, unplaced: false, round: null };

function cuesOf(sentence: string, published: number | null): Cues {
  if (!MAY_PLACE_IN_TIME.test(sentence)) return NO_CUES;
  const stated = [...sentence.matchAll(STATED_YEAR)].flatMap((m) =>
    [m[1], m[2], m[3]].filter((y) => y !== undefined).map(Number),
  );
  const relative = RELATIVE_YEARS.filter((r) => r.pattern.test(sentence));
  const years = new Set(stated.length ? stated : published === null ? [] : relative.map((r) => published + r.offset));
  return {
    year: years.size === 1 ? [...years][0]! : null,
    unplaced: years.size > 1 || (!stated.length && relative.length > 0 && published === null),
    round: ROUNDS.find((r) => r.pattern.test(sentence))?.round ?? null,
  };
}

/**
 * The year each sentence's judgements were made, where the document says: a year it names, a year
 * relative to its publication, or a round of inspections whose year it gives elsewhere; else the year
 * last said in the same section. Null where the section says none (the publication year is then the
 * reader's best guess, and the query module makes it).
 */
export function judgementYears(blocks: Block[], published: string | null): YearOfSentence {
  const own = published ? Number(published.slice(0, 4)) : null;
  // A block that names no time is not split: every sentence of it has the year carried into it.
  const sentences = blocks.map((block) => {
    const split = MAY_PLACE_IN_TIME.test(block.text);
    return {
      block,
      split,
      cues: split ? sentencesOf(block.text).map((s) => ({ sentence: s, ...cuesOf(s, own) })) : [],
    };
  });
  // A round's year, from any sentence that gives both ("our first round of inspections last year").
  const roundYears = new Map<number, number>();
  for (const { cues } of sentences) {
    for (const c of cues) {
      if (c.round !== null && c.year !== null && !roundYears.has(c.round)) roundYears.set(c.round, c.year);
    }
  }
  const years = new Map<Block, { split: boolean; bySentence: Map<string, number | null>; carriedIn: number | null }>();
  let carried: number | null = null;
  for (const { block, cues, split } of sentences) {
    if (block.kind === 'heading') carried = null;
    const carriedIn = carried;
    const bySentence = new Map<string, number | null>();
    for (const c of cues) {
      // A round is placed only by the year given for it; one that no sentence places places nothing.
      const year = c.round !== null ? (roundYears.get(c.round) ?? null) : c.year;
      carried = c.unplaced || c.round !== null ? year : (year ?? carried);
      bySentence.set(c.sentence, carried);
    }
    years.set(block, { split, bySentence, carriedIn });
  }
  return (block, sentence) => {
    const placed = years.get(block);
    if (!placed) return null;
    return placed.split ? (placed.bySentence.get(sentence) ?? null) : placed.carriedIn;
  };
}

/**
 * The year of the earlier judgement of a change, where the sentence says how long before the later one
 * it was ("over the past year"): counted back from the later one's year, else the document's. Null where
 * the sentence gives no interval.
 */
export function yearBeforeChange(sentence: string, later: number | null, published: string | null): number | null {
  const interval = EARLIER_BY.find(({ pattern }) => pattern.test(sentence))?.years;
  const from = later ?? (published ? Number(published.slice(0, 4)) : null);
  return interval === undefined || from === null ? null : from - interval;
}

/** The year printed right beside a rating (the words before it and after it in its sentence), or null. */
export function yearBesideRating(before: string, after: string): number | null {
  const year = (YEAR_AFTER_RATING.exec(after) ?? YEAR_BEFORE_RATING.exec(before))?.[1];
  return year ? Number(year) : null;
}
