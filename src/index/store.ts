import type { Database, Statement } from 'better-sqlite3';
import type { Passage } from '../document.js';
import { NO_FINDINGS, type ExtractionMessage, type Findings } from '../findings.js';
import { FINDING_COLUMNS, FINDING_KINDS } from './findings-tables.js';

export type DocumentStatus = 'indexed' | 'no-text' | 'failed';

export interface DocumentRecord {
  source: string;
  sha256: string;
  format: string | null;
  title: string | null;
  publisher: string | null;
  type: string | null;
  published: string | null;
  inspected: string | null;
  /** A committee publication's paper number, inquiry and the publication it answers, where its source says. */
  paperNumber: string | null;
  business: string | null;
  answers: string | null;
  pages: number | null;
  status: DocumentStatus;
  error: string | null;
  bytes: number;
  pipelineVersion: number;
  /** Where the document is published, when known; `excerpt` when this copy's pages are not the published ones. */
  url: string | null;
  excerpt: boolean;
  /** What the fetch record or the folder's sidecar said of the file (JSON): when it changes, the file is read again. */
  described: string | null;
}

/** What identifies one version of one file. */
export type FileIdentity = Pick<
  DocumentRecord,
  'source' | 'sha256' | 'bytes' | 'pipelineVersion' | 'url' | 'excerpt' | 'described'
>;

export interface StoredState {
  sha256: string;
  status: DocumentStatus;
  error: string | null;
  pipelineVersion: number;
  described: string | null;
}

/** Prepared statements for the ingest writer; every value is bound, never spliced. */
export class DocumentStore {
  private readonly stateBySource;
  private readonly sourceBySha;
  private readonly deleteDocument;
  private readonly deletePassages;
  private readonly insertDocument;
  private readonly insertPassage;
  private readonly deleteMessages;
  private readonly insertMessage;
  private readonly findingStatements: Array<{ kind: keyof Findings; insert: Statement; remove: Statement }>;

  constructor(private readonly db: Database) {
    this.stateBySource = db.prepare<
      [string],
      {
        sha256: string;
        status: DocumentStatus;
        error: string | null;
        pipeline_version: number;
        described: string | null;
      }
    >('SELECT sha256, status, error, pipeline_version, described FROM documents WHERE source = ?');
    this.sourceBySha = db.prepare<[string, string], { source: string }>(
      "SELECT source FROM documents WHERE sha256 = ? AND source <> ? AND status <> 'failed' LIMIT 1",
    );
    this.deleteDocument = db.prepare<[string]>('DELETE FROM documents WHERE source = ?');
    // Explicit rather than by cascade, so the FTS delete triggers run whatever the foreign-key setting.
    this.deletePassages = db.prepare<[string]>(
      'DELETE FROM passages WHERE document_id IN (SELECT id FROM documents WHERE source = ?)',
    );
    this.insertDocument = db.prepare(
      `INSERT INTO documents (source, sha256, format, title, publisher, type, published, inspected, paper_number, business, answers, pages, status, error, bytes, pipeline_version, indexed_at, url, excerpt, described)
       VALUES (@source, @sha256, @format, @title, @publisher, @type, @published, @inspected, @paperNumber, @business, @answers, @pages, @status, @error, @bytes, @pipelineVersion, @indexedAt, @url, @excerpt, @described)`,
    );
    this.deleteMessages = db.prepare<[string]>(
      'DELETE FROM messages WHERE document_id IN (SELECT id FROM documents WHERE source = ?)',
    );
    this.insertMessage = db.prepare(
      'INSERT INTO messages (document_id, ordinal, page, rule, text) VALUES (?, ?, ?, ?, ?)',
    );
    this.insertPassage = db.prepare(
      'INSERT INTO passages (document_id, ordinal, page, kind, heading, text, ocr_confidence) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.findingStatements = FINDING_KINDS.map((kind) => {
      const columns = FINDING_COLUMNS[kind];
      return {
        kind,
        insert: db.prepare(
          `INSERT INTO ${kind} (document_id, ordinal, ${columns.join(', ')}) VALUES (?, ?, ${columns.map(() => '?').join(', ')})`,
        ),
        remove: db.prepare(`DELETE FROM ${kind} WHERE document_id IN (SELECT id FROM documents WHERE source = ?)`),
      };
    });
  }

  state(source: string): StoredState | null {
    const row = this.stateBySource.get(source);
    return row
      ? {
          sha256: row.sha256,
          status: row.status,
          error: row.error,
          pipelineVersion: row.pipeline_version,
          described: row.described,
        }
      : null;
  }

  /** Another source already indexed with these exact bytes, if any. */
  sameContentAs(sha256: string, source: string): string | null {
    return this.sourceBySha.get(sha256, source)?.source ?? null;
  }

  /** Records a file that could not be read, so an unchanged copy is not retried on every run. */
  saveFailure(file: FileIdentity, reason: string): void {
    const empty = {
      format: null,
      title: null,
      publisher: null,
      type: null,
      published: null,
      inspected: null,
      paperNumber: null,
      business: null,
      answers: null,
      pages: null,
    };
    this.save({ ...file, ...empty, status: 'failed', error: reason }, []);
  }

  /** Replaces whatever the index held for this source, all or nothing. */
  save(
    record: DocumentRecord,
    passages: Passage[],
    findings: Findings = NO_FINDINGS,
    messages: ExtractionMessage[] = [],
  ): void {
    this.db.transaction(() => {
      for (const { remove } of this.findingStatements) remove.run(record.source);
      this.deleteMessages.run(record.source);
      this.deletePassages.run(record.source);
      this.deleteDocument.run(record.source);
      const { lastInsertRowid } = this.insertDocument.run({
        ...record,
        excerpt: record.excerpt ? 1 : 0,
        indexedAt: new Date().toISOString(),
      });
      for (const p of passages)
        this.insertPassage.run(lastInsertRowid, p.ordinal, p.page, p.kind, p.heading, p.text, p.ocrConfidence);
      messages.forEach((m, ordinal) => this.insertMessage.run(lastInsertRowid, ordinal, m.page, m.rule, m.text));
      for (const { kind, insert } of this.findingStatements) {
        const columns: readonly string[] = FINDING_COLUMNS[kind];
        findings[kind].forEach((item, ordinal) => {
          const row = item as unknown as Record<string, unknown>;
          insert.run(lastInsertRowid, ordinal, ...columns.map((c) => row[c] ?? null));
        });
      }
    })();
  }
}
