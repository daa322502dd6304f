import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { providersIn } from '../domain/providers.js';
import type { RatingValue } from '../findings.js';
import { type Citation, cite } from './citation.js';
import { CHRONOLOGICAL, CITATION_COLUMNS, firstStatements, yearOf, yearRange, nameFilter } from './filters.js';
import { likeParam, parseFilters } from './search-core.js';

export const ratingFiltersSchema = z.object({ subject: nameFilter, aspect: nameFilter, ...yearRange }).strict();
export type RatingFilters = z.input<typeof ratingFiltersSchema>;

export interface RatingRow {
  subject: string;
  aspect: string;
  year: number | null;
  rating: RatingValue;
  count: number | null;
  evidence: string;
  citation: Citation;
  cited: string;
}

export interface TimelineEntry extends RatingRow {
  /** The rating this subject and aspect had at the entry before, if any. */
  previous: RatingValue | null;
  change: 'up' | 'down' | 'same' | null;
}

/** A rating's year: when the judgement was made where the document says, else when the document was published. */
const JUDGED_YEAR = 'COALESCE(t.year, CAST(substr(d.published, 1, 4) AS INTEGER))';

const SCALE: RatingValue[] = ['inadequate', 'requires improvement', 'good', 'outstanding'];

interface Row extends Citation {
  subject: string;
  aspect: string;
  rating: RatingValue;
  count: number | null;
  evidence: string;
  judged: number | null;
}

/** "DTV" or "the Durham Tees Valley Community Rehabilitation Company" → the recorded provider name. */
function canonicalSubject(subject: string): string {
  // "Durham Tees Valley" names the CRC as readily as "Durham Tees Valley CRC" does.
  return (providersIn(subject)[0] ?? providersIn(`${subject} CRC`)[0])?.name ?? subject;
}

function selectRatings(db: Database, f: z.output<typeof ratingFiltersSchema>): RatingRow[] {
  const rows = db
    .prepare(
      `SELECT t.subject, t.aspect, t.rating, t.count, t.evidence, t.year AS judged, ${CITATION_COLUMNS}
       FROM ratings t JOIN documents d ON d.id = t.document_id
       WHERE (@subject IS NULL OR t.subject LIKE '%' || @subject || '%' ESCAPE '\\')
         AND (@aspect IS NULL OR t.aspect LIKE '%' || @aspect || '%' ESCAPE '\\')
         AND (@from IS NULL OR ${JUDGED_YEAR} >= @from)
         AND (@to IS NULL OR ${JUDGED_YEAR} <= @to)
       ORDER BY t.subject, ${CHRONOLOGICAL}`,
    )
    .all({
      subject: likeParam(f.subject && canonicalSubject(f.subject)),
      aspect: likeParam(f.aspect),
      from: f.from ?? null,
      to: f.to ?? null,
    }) as Row[];
  return firstStatements(rows, (r) => JSON.stringify([r.subject, r.aspect, r.rating, r.count, r.evidence])).map((r) => {
    return {
      subject: r.subject,
      aspect: r.aspect,
      year: r.judged ?? yearOf(r.published),
      rating: r.rating,
      count: r.count,
      evidence: r.evidence,
      ...cite(r),
    };
  });
}

/**
 * One row per subject, aspect and year: the rating a provider (or, for counts, a group) had
 * that year; where a year's documents state several, the last one stated.
 */
export function ratings(db: Database, filters: RatingFilters = {}): RatingRow[] {
  const latest = new Map<string, RatingRow>();
  for (const row of selectRatings(db, parseFilters(ratingFiltersSchema, filters))) {
    // Counts of different sizes are different facts ("19 rated requires improvement", "9 ...").
    latest.set(
      JSON.stringify([row.subject, row.aspect, row.year, row.count === null ? null : `${row.rating}:${row.count}`]),
      row,
    );
  }
  return [...latest.values()];
}

/** Every rating stated for a provider, oldest first, with how each moved from the one before for the same aspect. */
export function ratingsTimeline(db: Database, subject: string): TimelineEntry[] {
  const f = parseFilters(ratingFiltersSchema, { subject });
  const last = new Map<string, RatingValue>();
  return (
    selectRatings(db, f)
      .filter((r) => r.count === null)
      // By the year of the judgement; within a year, in the order the documents state them.
      .sort((a, b) => (a.year ?? Infinity) - (b.year ?? Infinity))
      .map((row) => {
        const previous = last.get(row.aspect) ?? null;
        last.set(row.aspect, row.rating);
        const delta = previous === null ? null : SCALE.indexOf(row.rating) - SCALE.indexOf(previous);
        return { ...row, previous, change: delta === null ? null : delta > 0 ? 'up' : delta < 0 ? 'down' : 'same' };
      })
  );
}
