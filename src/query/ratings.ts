import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { providersIn, providerTypeOf, type ProviderType } from '../domain/providers.js';
import type { RatingValue } from '../findings.js';
import { type Citation, type CitationRow, cite } from './citation.js';
import {
  CHRONOLOGICAL,
  CITATION_COLUMNS,
  copiesColumn,
  copiesOf,
  ORIGINALS_ONLY,
  yearOf,
  yearRange,
  nameFilter,
} from './filters.js';
import { likeParam, parseFilters } from './search-core.js';

export const ratingFiltersSchema = z.object({ subject: nameFilter, aspect: nameFilter, ...yearRange }).strict();
export type RatingFilters = z.input<typeof ratingFiltersSchema>;

export interface RatingRow {
  subject: string;
  aspect: string;
  year: number | null;
  rating: RatingValue;
  count: number | null;
  /** What the count is out of, where the text says ("19 of 21"). */
  total: number | null;
  evidence: string;
  citation: Citation;
  cited: string;
  /** Where else the same statement is printed: URL or file of each copy. */
  alsoIn: string[];
}

export interface TimelineEntry extends RatingRow {
  /** The rating this subject and aspect had at the entry before, if any. */
  previous: RatingValue | null;
  change: 'up' | 'down' | 'same' | null;
}

/** A rating's year: when the judgement was made where the document says, else when the document was published. */
const JUDGED_YEAR = 'COALESCE(t.year, CAST(substr(d.published, 1, 4) AS INTEGER))';

const SCALE: RatingValue[] = ['inadequate', 'requires improvement', 'good', 'outstanding'];

interface Row extends CitationRow {
  subject: string;
  aspect: string;
  rating: RatingValue;
  count: number | null;
  total: number | null;
  evidence: string;
  judged: number | null;
  also_in: string | null;
}

/** "DTV" or "the Durham Tees Valley Community Rehabilitation Company" → the recorded provider name. */
function canonicalSubject(subject: string): string {
  // "Durham Tees Valley" names the CRC as readily as "Durham Tees Valley CRC" does.
  return (providersIn(subject)[0] ?? providersIn(`${subject} CRC`)[0])?.name ?? subject;
}

function selectRatings(db: Database, f: z.output<typeof ratingFiltersSchema>): RatingRow[] {
  const rows = db
    .prepare(
      `SELECT t.subject, t.aspect, t.rating, t.count, t.total, t.evidence, t.year AS judged, ${copiesColumn('ratings')},
              ${CITATION_COLUMNS}
       FROM ratings t JOIN documents d ON d.id = t.document_id
       WHERE ${ORIGINALS_ONLY} AND (@subject IS NULL OR t.subject LIKE '%' || @subject || '%' ESCAPE '\\')
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
  return rows.map((r) => ({
    subject: r.subject,
    aspect: r.aspect,
    year: r.judged ?? yearOf(r.published),
    rating: r.rating,
    count: r.count,
    total: r.total,
    evidence: r.evidence,
    ...cite(r),
    alsoIn: copiesOf(r.also_in),
  }));
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

export const tallyFiltersSchema = z
  .object({
    ...yearRange,
    /** Ratings of this aspect only ("overall" unless told): bodies rated on two aspects would count twice. */
    aspect: nameFilter.default('overall'),
    providerType: z.enum(['CRC', 'NPS', 'PDU']).optional(),
  })
  .strict();
export type TallyFilters = z.input<typeof tallyFiltersSchema>;

export interface RatingTally {
  year: number;
  providerType: ProviderType;
  rating: RatingValue;
  /** How many bodies of the type had the rating that year. */
  bodies: number;
  /** Out of how many, where a document says ("19 of 21"); the largest stated. */
  outOf: number | null;
  /** The statements the number rests on. */
  citations: Citation[];
}

/**
 * How many providers of each type had each rating in each year, counting no body twice: an aggregate
 * that several documents restate ("19 CRCs rated requires improvement" in a press release and again in
 * a speech) counts once, as its largest statement; providers rated by name count one each, and an
 * aggregate that already covers them is not added to them. Subjects of no one type ("probation
 * services", both sectors at once) and ratings of standards rather than bodies are left out.
 */
export function ratingTallies(db: Database, filters: TallyFilters = {}): RatingTally[] {
  const f = parseFilters(tallyFiltersSchema, filters);
  const groups = new Map<string, { tally: RatingTally; stated: number; named: Set<string> }>();
  for (const row of ratings(db, { from: f.from, to: f.to, aspect: f.aspect })) {
    const type = providerTypeOf(row.subject);
    if (row.year === null || type === null || /standards$/i.test(row.subject)) continue;
    if (f.providerType && type !== f.providerType) continue;
    const key = JSON.stringify([row.year, type, row.rating]);
    const group = groups.get(key) ?? {
      tally: { year: row.year, providerType: type, rating: row.rating, bodies: 0, outOf: null, citations: [] },
      stated: 0,
      named: new Set<string>(),
    };
    if (row.count === null) group.named.add(row.subject);
    else group.stated = Math.max(group.stated, row.count);
    group.tally.bodies = Math.max(group.stated, group.named.size);
    if (row.total !== null) group.tally.outOf = Math.max(group.tally.outOf ?? 0, row.total);
    group.tally.citations.push(row.citation);
    groups.set(key, group);
  }
  return [...groups.values()]
    .map((g) => g.tally)
    .sort(
      (a, b) =>
        a.year - b.year ||
        a.providerType.localeCompare(b.providerType) ||
        SCALE.indexOf(b.rating) - SCALE.indexOf(a.rating),
    );
}
