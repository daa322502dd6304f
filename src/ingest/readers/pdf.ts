import type { ExtractedDocument, ReadOptions } from '../../document.js';
import { orderLines } from '../pdf/columns.js';
import { removeRunningFurniture, type PageLines } from '../pdf/furniture.js';
import { clusterLines } from '../pdf/lines.js';
import { openPdf, type PdfInfo } from '../pdf/load.js';
import { buildBlocks } from '../pdf/paragraphs.js';

export class UnreadableDocumentError extends Error {}

/** PDF dates look like D:20210329120000+01'00'; the date part is what a reader needs. */
function pdfDate(raw: string | null): string | null {
  const m = raw ? /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(raw) : null;
  if (!m) return null;
  return [m[1], m[2], m[3]].filter(Boolean).join('-');
}

function declared(info: PdfInfo): ExtractedDocument['declared'] {
  return { title: info.title, author: info.author, siteName: null, date: pdfDate(info.creationDate), url: null };
}

export async function readPdf(bytes: Uint8Array, options: ReadOptions = { ocr: false }): Promise<ExtractedDocument> {
  const pdf = await openPdf(bytes, options);
  if ('error' in pdf) throw new UnreadableDocumentError(pdf.error);
  try {
    const warnings: string[] = [];
    const pages: Array<PageLines & { number: number; width: number }> = [];
    const ocr: ExtractedDocument['ocr'] = [];
    for await (const page of pdf.pages()) {
      if ('error' in page) {
        warnings.push(`page ${page.number}: ${page.error}`);
        continue;
      }
      if (page.warning) warnings.push(`page ${page.number}: ${page.warning}`);
      if (page.ocr) {
        ocr.push({ page: page.number, confidence: Math.round(page.ocr.confidence) });
        if (page.ocr.rotation) warnings.push(`page ${page.number}: read by OCR turned ${page.ocr.rotation}°`);
      }
      pages.push({ number: page.number, width: page.width, height: page.height, lines: clusterLines(page.items) });
    }
    const cleaned = removeRunningFurniture(pages);
    const lines = cleaned.flatMap((page, i) => orderLines(page.lines, pages[i]!.width, pages[i]!.number));
    return {
      format: 'pdf',
      pages: pdf.pageCount,
      declared: declared(pdf.info),
      blocks: buildBlocks(lines),
      warnings,
      ocr,
    };
  } finally {
    await pdf.close();
  }
}
