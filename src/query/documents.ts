import type { Database } from 'better-sqlite3';

/** A document as the export contract (../shared/eval/CONTRACT.md) describes it. */
export interface ExportedDocument {
  source: string;
  title: string | null;
  publisher: string | null;
  type: string | null;
  published: string | null;
  pages: number | null;
  inspected: string | null;
  /** indexed, no-text, or ocr: indexed, some of its pages read by OCR. */
  status: string;
  sha256: string;
  /** Where it is published, when known (fetch record or the folder's published.json). */
  url: string | null;
  passages: number;
  /** What the Committees API says of a committee publication: "HC 482", its inquiry, the publication it answers. */
  paper_number: string | null;
  business: string | null;
  answers: string | null;
}

/** Every readable document, in source order; failed files are reported at ingest, not exported. */
export function* listDocuments(db: Database): Generator<ExportedDocument> {
  yield* db
    .prepare(
      `SELECT d.source, d.title, d.publisher, d.type, d.published, d.pages, d.inspected,
              CASE WHEN d.status = 'indexed' AND EXISTS (SELECT 1 FROM passages p WHERE p.document_id = d.id AND p.ocr_confidence IS NOT NULL)
                   THEN 'ocr' ELSE d.status END AS status,
              d.sha256, d.url,
              (SELECT count(*) FROM passages p WHERE p.document_id = d.id) AS passages,
              d.paper_number, d.business, d.answers
       FROM documents d WHERE d.status <> 'failed' ORDER BY d.source`,
    )
    .iterate() as IterableIterator<ExportedDocument>;
}
