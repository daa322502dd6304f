import type { Database } from 'better-sqlite3';
import type { ResponseStatus } from '../findings.js';
import { type Citation, type CitationRow, cite } from './citation.js';
import { CHRONOLOGICAL, CITATION_COLUMNS, ORIGINALS_ONLY } from './filters.js';
import { cosine, tfidfVectors } from './similarity.js';
import { SIMILARITY_THRESHOLD } from './tracking.js';

export interface LinkedResponse {
  status: ResponseStatus | null;
  text: string;
  citation: Citation;
  cited: string;
}

interface ResponseRow extends CitationRow {
  /** The title of the publication the response answers, where its source says (the Committees API). */
  answers: string | null;
  number: string;
  recommendation: string | null;
  text: string;
  status: ResponseStatus | null;
}

interface RecommendationRow {
  id: number;
  number: string | null;
  text: string;
  published: string | null;
  title: string | null;
}

/** "3a" answers recommendation 3 (Treasury Minutes letter the parts of a recommendation). */
const baseNumber = (n: string | null) => n?.replace(/[a-z]$/i, '') ?? null;

/**
 * Which recommendation each government answer answers: the same number, in a report published
 * no later than the answer, and either the recommendation's own words (as the answer quotes
 * them) or the report's title (as the answer's title names it, or its source says it answers).
 */
export function linkResponses(db: Database): Map<number, LinkedResponse> {
  const responses = db
    .prepare(
      `SELECT t.number, t.recommendation, t.text, t.status, d.answers, ${CITATION_COLUMNS}
       FROM responses t JOIN documents d ON d.id = t.document_id ORDER BY ${CHRONOLOGICAL}`,
    )
    .all() as ResponseRow[];
  if (!responses.length) return new Map();
  const recommendations = db
    .prepare(
      `SELECT t.id, t.number, t.text, d.published, d.title FROM recommendations t JOIN documents d ON d.id = t.document_id WHERE ${ORIGINALS_ONLY}`,
    )
    .all() as RecommendationRow[];
  const vectors = tfidfVectors([
    ...recommendations.map((r) => r.text),
    ...responses.map((r) => r.recommendation ?? ''),
  ]);
  const links = new Map<number, LinkedResponse>();
  responses.forEach((response, k) => {
    const quoted = vectors[recommendations.length + k]!;
    let best: { id: number; score: number } | null = null;
    recommendations.forEach((rec, i) => {
      if (baseNumber(rec.number) !== baseNumber(response.number)) return;
      if (rec.published && response.published && rec.published > response.published) return;
      const title = rec.title?.toLowerCase();
      const named = Boolean(
        title && (response.answers?.toLowerCase() === title || response.title?.toLowerCase().includes(title)),
      );
      const score = Math.max(response.recommendation ? cosine(quoted, vectors[i]!) : 0, named ? 1 : 0);
      if (score >= SIMILARITY_THRESHOLD && (!best || score > best.score)) best = { id: rec.id, score };
    });
    const match = best as { id: number; score: number } | null;
    if (!match) return;
    links.set(match.id, { status: response.status, text: response.text, ...cite(response) });
  });
  return links;
}
