import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { OTHER_JURISDICTIONS, RATIO_CUES } from '../domain/jurisdictions.js';
import { providerSector } from '../domain/providers.js';
import { alternation } from '../text/patterns.js';
import type { Figure } from '../findings.js';
import { type Citation, type CitationRow, cite } from './citation.js';
import {
  CHRONOLOGICAL,
  CITATION_COLUMNS,
  copiesColumn,
  copiesOf,
  ORIGINALS_ONLY,
  YEAR_CONDITIONS,
  yearOf,
  yearRange,
  nameFilter,
} from './filters.js';
import { likeParam, parseFilters } from './search-core.js';

export const figureFiltersSchema = z
  .object({
    topic: z.enum(['caseload', 'workload', 'funding', 'staffing', 'compliance', 'other']).optional(),
    subject: nameFilter,
    unit: z.string().min(1).optional(),
    ...yearRange,
  })
  .strict();
export type FigureFilters = z.input<typeof figureFiltersSchema>;

export interface FigureRow extends Omit<Figure, 'page'> {
  year: number | null;
  citation: Citation;
  cited: string;
  /** Where else the same sentence is printed: URL or file of each copy. */
  alsoIn: string[];
}

type Row = Omit<FigureRow, 'year' | 'citation' | 'cited' | 'alsoIn'> & CitationRow & { also_in: string | null };

/** Figures with the sentence they stand in and a citation, oldest first; a sentence copied into another document counts once. */
export function figures(db: Database, filters: FigureFilters = {}): FigureRow[] {
  const f = parseFilters(figureFiltersSchema, filters);
  const rows = db
    .prepare(
      `SELECT t.value, t.unit, t.qualifier, t.topic, t.subject, t.phrase, t.sentence, ${copiesColumn('figures')},
              ${CITATION_COLUMNS}
       FROM figures t JOIN documents d ON d.id = t.document_id
       WHERE ${ORIGINALS_ONLY} AND (@topic IS NULL OR t.topic = @topic)
         AND (@subject IS NULL OR t.subject LIKE '%' || @subject || '%' ESCAPE '\\')
         AND (@unit IS NULL OR t.unit = @unit)
         AND ${YEAR_CONDITIONS.join(' AND ')}
       ORDER BY ${CHRONOLOGICAL}`,
    )
    .all({
      topic: f.topic ?? null,
      subject: likeParam(f.subject),
      unit: f.unit ?? null,
      from: f.from ?? null,
      to: f.to ?? null,
    }) as Row[];
  return rows.map(({ source, title, publisher, published, page, url, excerpt, also_in, ...figure }) => ({
    ...figure,
    year: yearOf(published),
    ...cite({ source, title, publisher, published, page, url, excerpt }),
    alsoIn: copiesOf(also_in),
  }));
}

export interface CaseloadSummaryRow {
  year: number | null;
  /** CRC, NPS, or "unspecified" where the sentence names neither. */
  organisation: string;
  figures: number;
  /** Caseload sizes stated (unit "cases"), smallest first. */
  cases: number[];
  /** Shares of staff stated about caseloads (percent). */
  shares: number[];
}

/**
 * The largest caseload one practitioner could hold: beyond it a number of cases is a service's
 * or the country's ("the total probation caseload ... was 264,649"), not a practitioner's.
 */
const MAX_PRACTITIONER_CASELOAD = 1000;

const ELSEWHERE = new RegExp(`\\b(?:${alternation(OTHER_JURISDICTIONS)})\\b`);
const RATIO = new RegExp(`\\b(?:${alternation(RATIO_CUES)})\\b`, 'i');

/**
 * Whether a caseload figure is the size of one practitioner's caseload here, as charts of caseloads
 * show them: not a service's or the country's total, not another country's, not a ratio.
 */
export function isPractitionerCaseload(figure: Pick<FigureRow, 'unit' | 'value' | 'sentence'>): boolean {
  return (
    figure.unit === 'cases' &&
    figure.value <= MAX_PRACTITIONER_CASELOAD &&
    !ELSEWHERE.test(figure.sentence) &&
    !RATIO.test(figure.sentence)
  );
}

/** Which kind of provider a caseload figure is about: its subject first, then its sentence. */
export function organisationType(figure: Pick<FigureRow, 'subject' | 'sentence'>): string {
  return providerSector(figure.subject ?? '') ?? providerSector(figure.sentence) ?? 'unspecified';
}

/** Per year and type of provider, the caseload figures the corpus states. */
export function caseloadSummary(db: Database, filters: Pick<FigureFilters, 'from' | 'to'> = {}): CaseloadSummaryRow[] {
  const groups = new Map<string, CaseloadSummaryRow>();
  for (const figure of figures(db, { ...filters, topic: 'caseload' })) {
    const organisation = organisationType(figure);
    const key = `${figure.year}|${organisation}`;
    const group = groups.get(key) ?? { year: figure.year, organisation, figures: 0, cases: [], shares: [] };
    group.figures++;
    if (isPractitionerCaseload(figure)) group.cases.push(figure.value);
    if (figure.unit === 'percent') group.shares.push(figure.value);
    groups.set(key, group);
  }
  return [...groups.values()]
    .map((g) => ({ ...g, cases: g.cases.sort((a, b) => a - b), shares: g.shares.sort((a, b) => a - b) }))
    .sort((a, b) => (a.year ?? 0) - (b.year ?? 0) || a.organisation.localeCompare(b.organisation));
}
