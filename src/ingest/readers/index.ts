import type { ExtractedDocument, Format } from '../../document.js';
import { readHtml } from './html.js';
import { readPdf } from './pdf.js';
import { readText } from './text.js';

/** One reader per format, all behind the same signature. */
export const READERS: Record<Format, (bytes: Uint8Array) => ExtractedDocument | Promise<ExtractedDocument>> = {
  pdf: readPdf,
  html: readHtml,
  text: readText,
};
