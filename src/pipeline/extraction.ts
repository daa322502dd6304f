import type { MessagePort } from 'node:worker_threads';
import type { ExtractedDocument, FetchHints, Format } from '../document.js';
import { analyse, type AnalysedDocument } from '../extract/index.js';
import type { Findings } from '../findings.js';
import { READERS } from '../ingest/readers/index.js';

/** A file to read: its bytes, their format, and what its source already says about it. */
export interface ExtractionTask {
  format: Format;
  bytes: Uint8Array;
  hints: FetchHints | null;
  /** Read pages without a text layer by OCR. */
  ocr: boolean;
  /** Where to say which page OCR is reading (a worker thread cannot call back: it posts { page, pages }). */
  progress?: MessagePort;
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
  const progress = task.progress;
  const onOcrPage =
    progress &&
    ((page: number, pages: number) => {
      progress.postMessage({ page, pages });
    });
  const document = await READERS[task.format](task.bytes, { ocr: task.ocr, onOcrPage });
  const analysed = analyse(document, task.hints);
  return { document, ...analysed, findings: doubtingOcr(analysed.findings, document.ocr) };
}

/** How much a finding on a page read by OCR is believed, relative to the same words in a text layer. */
const OCR_DOUBT = 0.8;

/** Findings on pages read by OCR are less sure: a misread word can change a quote or a number. */
function doubtingOcr(findings: Findings, ocr: ExtractedDocument['ocr']): Findings {
  if (!ocr.length) return findings;
  const pages = new Set(ocr.map((o) => o.page));
  const doubt = <T extends { page: number | null; confidence: number }>(list: T[]): T[] =>
    list.map((f) => (f.page !== null && pages.has(f.page) ? { ...f, confidence: f.confidence * OCR_DOUBT } : f));
  return {
    quotes: doubt(findings.quotes),
    ratings: doubt(findings.ratings),
    figures: doubt(findings.figures),
    recommendations: doubt(findings.recommendations),
    responses: doubt(findings.responses),
    voices: doubt(findings.voices),
  };
}
