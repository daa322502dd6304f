import type { ExtractedDocument, Format } from '../document.js';
import { READERS } from './readers/index.js';

export interface ExtractionTask {
  format: Format;
  bytes: Uint8Array;
}

/** Runs in a worker thread: bytes in, extracted document out. A crash here costs one worker, not the ingest. */
export default async function extract(task: ExtractionTask): Promise<ExtractedDocument> {
  return READERS[task.format](task.bytes);
}
