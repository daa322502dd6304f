import type { ExtractedDocument, Format, ReadOptions } from '../../document.js';
import { readHtml } from './html.js';
import { readPdf } from './pdf.js';
import { readText } from './text.js';

/** One reader per format, all behind the same signature. */
export const READERS: Record<
  Format,
  (bytes: Uint8Array, options: ReadOptions) => ExtractedDocument | Promise<ExtractedDocument>
> = {
  pdf: readPdf,
  html: readHtml,
  text: readText,
};
