import { NUMBER, parseNumber } from './text/numbers.js';

/** "1 out of the 21 CRC services", "6 out of 9 CRCs", "two of the seven divisions": the count, then its total. */
const COUNT_OF_TOTAL = new RegExp(`\\b(${NUMBER})\\s+(?:out\\s+)?of\\s+(?:the\\s+|these\\s+)?(${NUMBER})\\b`, 'gi');
/** "all 9 of these CRCs": the count is the whole group. */
const ALL_OF = new RegExp(`\\ball\\s+(${NUMBER})\\s+of\\s+(?:these|the)\\b`, 'gi');
/** "Of the 7 NPS divisions, we gave … to five": the total leads the sentence. */
const OF_THE_TOTAL = new RegExp(`^(?:[\\w’',]+\\s+){0,3}?of\\s+(?:the|these|our)\\s+(${NUMBER})\\b`, 'i');

/**
 * How many bodies a count of ratings is out of, where its sentence says ("19 of 21"): an aggregate
 * keeps its denominator. Only a total in the count's own words, or one that leads the sentence, is
 * taken, and never one smaller than the count.
 */
export function totalOfCount(sentence: string, count: number): number | null {
  for (const m of sentence.matchAll(COUNT_OF_TOTAL)) {
    const [n, total] = [parseNumber(m[1]!), parseNumber(m[2]!)];
    if (n === count && total !== null && total >= count) return total;
  }
  for (const m of sentence.matchAll(ALL_OF)) if (parseNumber(m[1]!) === count) return count;
  const leading = OF_THE_TOTAL.exec(sentence.trim());
  const total = leading ? parseNumber(leading[1]!) : null;
  return total !== null && total >= count ? total : null;
}

/**
 * A total one count of a sentence states holds for the sentence's other counts of the same group:
 * "only 1 out of the 21 CRC services got this rating, with 19 rated as requiring improvement" is 19
 * of 21 too.
 */
export function shareTotals<
  T extends { evidence: string; subject: string; count: number | null; total: number | null },
>(ratings: T[]): T[] {
  const stated = new Map<string, number>();
  for (const r of ratings) if (r.total !== null) stated.set(JSON.stringify([r.evidence, r.subject]), r.total);
  return ratings.map((r) => {
    const total = stated.get(JSON.stringify([r.evidence, r.subject]));
    return r.total === null && r.count !== null && total !== undefined && total >= r.count ? { ...r, total } : r;
  });
}
