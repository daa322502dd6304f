import type { ExtractedDocument, Format } from '../document.js';
import { analyse, type AnalysedDocument } from '../extract/index.js';
import type { FetchHints } from '../index/provenance.js';
import { READERS } from './readers/index.js';

export interface ExtractionTask {
  format: Format;
  bytes: Uint8Array;
  hints: FetchHints | null;
}

export interface ExtractionResult extends AnalysedDocument {
  document: ExtractedDocument;
}

/** Runs in a worker thread: bytes in, document and findings out. A crash here costs one worker, not the ingest. */
export default async function extract(task: ExtractionTask): Promise<ExtractionResult> {
  const document = await READERS[task.format](task.bytes);
  return { document, ...analyse(document, task.hints) };
}
