import type { Database } from 'better-sqlite3';
import type { ExtractionMessage } from '../findings.js';

export interface ExportedMessage extends ExtractionMessage {
  source: string;
}

/** What extraction noticed and could not use, per document, in source and reading order. */
export function* listMessages(db: Database): Generator<ExportedMessage> {
  yield* db
    .prepare(
      'SELECT d.source, m.page, m.rule, m.text FROM messages m JOIN documents d ON d.id = m.document_id ORDER BY d.source, m.ordinal',
    )
    .iterate() as IterableIterator<ExportedMessage>;
}
