import type { ExtractedDocument, FetchHints, Format } from './document.js';
import { analyse, type AnalysedDocument } from './extract/index.js';
import { READERS } from './ingest/readers/index.js';

/** A file to read: its bytes, their format, and what its source already says about it. */
export interface ExtractionTask {
  format: Format;
  bytes: Uint8Array;
  hints: FetchHints | null;
}

export interface ExtractionResult extends AnalysedDocument {
  document: ExtractedDocument;
}

/**
 * The pipeline's stages, composed in one place: the reader for the format turns bytes into an
 * extracted document (pages → blocks); extraction builds metadata, findings and messages from it.
 * Ingest runs this in its worker threads and stores what comes back; no stage calls another.
 */
export async function readAndAnalyse(task: ExtractionTask): Promise<ExtractionResult> {
  const document = await READERS[task.format](task.bytes);
  return { document, ...analyse(document, task.hints) };
}
