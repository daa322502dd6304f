import type { Database } from 'better-sqlite3';
import { FINDING_COLUMNS } from '../index/findings-tables.js';
import { type Citation, formatCitation } from './citation.js';
import { DEFAULT_MIN_CONFIDENCE } from './findings.js';

/** The kinds of finding a document's page lists. */
export const DETAIL_KINDS = ['quotes', 'recommendations', 'figures', 'ratings'] as const;
export type DetailKind = (typeof DETAIL_KINDS)[number];

export interface DocumentPassage {
  ordinal: number;
  page: number | null;
  kind: string;
  heading: string | null;
  text: string;
}

/** One document with its text and what was found in it: what a reader checks a finding against. */
export interface DocumentDetail {
  source: string;
  format: string | null;
  title: string | null;
  publisher: string | null;
  type: string | null;
  published: string | null;
  pages: number | null;
  url: string | null;
  excerpt: boolean;
  status: string;
  /** The document as a citation (no page). */
  cited: string;
  passages: DocumentPassage[];
  /** Each kind's findings in reading order, the export's fields (those above the export's confidence). */
  findings: Record<DetailKind, Record<string, unknown>[]>;
}

/** A document's row: what it is, without its text. */
export interface IndexedDocument extends Omit<DocumentDetail, 'excerpt' | 'cited' | 'passages' | 'findings'> {
  id: number;
  excerpt: number;
}

/** The document indexed from `source` (its file or URL) without its text, or null when the index has none. */
export function indexedDocument(db: Database, source: string): IndexedDocument | null {
  return (
    (db
      .prepare(
        `SELECT id, source, format, title, publisher, type, published, pages, url, excerpt, status
         FROM documents WHERE source = ? AND status <> 'failed'`,
      )
      .get(source) as IndexedDocument | undefined) ?? null
  );
}

/** The document indexed from `source` with its text and findings, or null when the index has none. */
export function documentDetail(db: Database, source: string): DocumentDetail | null {
  const doc = indexedDocument(db, source);
  if (!doc) return null;
  const { id, ...fields } = doc;
  const citation: Citation = { ...fields, page: null, excerpt: Boolean(doc.excerpt), ocr: false };
  const passages = db
    .prepare('SELECT ordinal, page, kind, heading, text FROM passages WHERE document_id = ? ORDER BY ordinal')
    .all(id) as DocumentPassage[];
  const findingsOf = (kind: DetailKind) =>
    db
      .prepare(
        `SELECT ${FINDING_COLUMNS[kind].join(', ')} FROM ${kind}
         WHERE document_id = ? AND coalesce(confidence, 1) >= ? ORDER BY ordinal`,
      )
      .all(id, DEFAULT_MIN_CONFIDENCE) as Record<string, unknown>[];
  const findings = Object.fromEntries(DETAIL_KINDS.map((k) => [k, findingsOf(k)])) as DocumentDetail['findings'];
  return { ...fields, excerpt: Boolean(doc.excerpt), cited: formatCitation(citation), passages, findings };
}
