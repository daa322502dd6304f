import { createRequire } from 'node:module';
import path from 'node:path';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem as PdfjsTextItem } from 'pdfjs-dist/types/src/display/api.js';
import { getDocument, OPS, Util } from './pdfjs.js';
import type { ReadOptions } from '../../document.js';
import { isGarbage, PageReader } from './ocr.js';
import type { PdfPage, TextItem } from './types.js';
import { messageOf } from '../../error-message.js';

const pdfjsRoot = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

export interface PdfInfo {
  title: string | null;
  author: string | null;
  creationDate: string | null;
}

export interface OpenedPdf {
  pageCount: number;
  info: PdfInfo;
  pages(): AsyncGenerator<PdfPage | { number: number; error: string }>;
  close(): Promise<void>;
}

function describeOpenError(err: unknown): string {
  // pdfjs rejects with its own exception classes, which it does not export; they are told apart by name.
  const e: { name?: unknown; code?: unknown; message?: unknown } = typeof err === 'object' && err !== null ? err : {};
  if (e.name === 'PasswordException') {
    return e.code === 2 ? 'encrypted: the password given is wrong' : 'encrypted: a password is needed to open it';
  }
  if (e.name === 'InvalidPDFException')
    return `damaged or truncated PDF (${typeof e.message === 'string' ? e.message : 'invalid structure'})`;
  return `could not open the PDF (${messageOf(err)})`;
}

/** Drawing an image: what a scanned page is made of. */
const IMAGE_OPERATORS = new Set([
  OPS.paintImageXObject,
  OPS.paintInlineImageXObject,
  OPS.paintImageMaskXObject,
  OPS.paintImageXObjectRepeat,
]);

/** Whether a page draws any image; a blank page (no text, no image) has nothing for OCR to read. */
async function drawsImage(page: PDFPageProxy): Promise<boolean> {
  const operators = await page.getOperatorList();
  return operators.fnArray.some((fn) => IMAGE_OPERATORS.has(fn));
}

function infoString(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

function toItems(raw: unknown[], viewportTransform: number[]): TextItem[] {
  const items: TextItem[] = [];
  for (const entry of raw) {
    const item = entry as Partial<PdfjsTextItem>;
    if (typeof item.str !== 'string' || !item.transform || item.str.trim() === '') continue;
    const m = Util.transform(viewportTransform, item.transform) as number[];
    const fontSize = Math.hypot(m[2] ?? 0, m[3] ?? 0);
    if (!Number.isFinite(fontSize) || fontSize <= 0) continue;
    items.push({
      text: item.str,
      x: m[4] ?? 0,
      y: m[5] ?? 0,
      width: Math.abs(item.width ?? 0),
      fontSize,
      fontName: item.fontName ?? '',
    });
  }
  return items;
}

export type OpenOptions = ReadOptions;

/** Opens a PDF with pdfjs; pages are read one at a time and released, so memory stays flat. */
export async function openPdf(data: Uint8Array, options: OpenOptions): Promise<OpenedPdf | { error: string }> {
  const task = getDocument({
    data,
    verbosity: 0,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    isOffscreenCanvasSupported: false,
    standardFontDataUrl: path.join(pdfjsRoot, 'standard_fonts') + path.sep,
    cMapUrl: path.join(pdfjsRoot, 'cmaps') + path.sep,
    cMapPacked: true,
    wasmUrl: path.join(pdfjsRoot, 'wasm') + path.sep,
  });
  let doc: PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (err) {
    await task.destroy().catch(() => undefined);
    return { error: describeOpenError(err) };
  }
  const reader = options.ocr ? new PageReader(doc.canvasFactory as ConstructorParameters<typeof PageReader>[0]) : null;
  const meta = await doc.getMetadata().catch(() => null);
  const info = (meta?.info ?? {}) as Record<string, unknown>;
  return {
    pageCount: doc.numPages,
    info: {
      title: infoString(info.Title),
      author: infoString(info.Author),
      creationDate: infoString(info.CreationDate),
    },
    async *pages() {
      for (let number = 1; number <= doc.numPages; number++) {
        try {
          const page = await doc.getPage(number);
          const viewport = page.getViewport({ scale: 1 });
          const content = await page.getTextContent();
          const items = toItems(content.items, viewport.transform);
          if (reader && isGarbage(items) && (await drawsImage(page))) {
            options.onOcrPage?.(number, doc.numPages);
            const reading = await reader.read(page);
            page.cleanup();
            yield 'error' in reading
              ? {
                  number,
                  width: viewport.width,
                  height: viewport.height,
                  items,
                  ocr: null,
                  warning: `OCR: ${reading.error}`,
                }
              : {
                  number,
                  width: reading.width,
                  height: reading.height,
                  items: reading.items,
                  ocr: { confidence: reading.confidence, rotation: reading.rotation },
                };
            continue;
          }
          page.cleanup();
          yield { number, width: viewport.width, height: viewport.height, items, ocr: null };
        } catch (err) {
          yield { number, error: messageOf(err) };
        }
      }
    },
    close: async () => {
      await reader?.end();
      await doc.destroy();
    },
  };
}
