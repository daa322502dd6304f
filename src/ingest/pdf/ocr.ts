/**
 * Pages without a text layer read by OCR: drawn by pdf.js onto its own canvas (the document's
 * canvasFactory, so the one @napi-rs/canvas pdfjs-dist brings), read by Tesseract (tesseract.js,
 * its English model from the npm package @tesseract.js-data/eng: nothing is downloaded), and the
 * words turned into positioned text items, so the layout stages read them like any text layer.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { createWorker, OEM, type Worker } from 'tesseract.js';
import type { TextItem } from './types.js';

const LANG_PATH = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@tesseract.js-data/eng/package.json')),
  '4.0.0_best_int',
);

/** Resolution pages are read at: Tesseract reads best at 300 dpi. */
const DPI = 300;
/** Largest image drawn for one page; a bigger page is drawn smaller, a page too big even at 72 dpi is refused. */
const MAX_PIXELS = 40_000_000;
const MAX_SIDE = 14_000;
/** Below this mean word confidence a page may be on its side: it is read again turned, and the best reading kept. */
const TURN_BELOW = 60;
const FONT_NAME = 'ocr';
/** Words read with less confidence than this are specks and smudges, not words. */
const MIN_WORD_CONFIDENCE = 30;

/**
 * Tesseract often reads the letter I as a bar: "|'ve", and "| am" where a lower-case word follows.
 * A bar before anything else is a speck or a rule line, and is dropped (null).
 */
function mended(word: string, next: string | undefined): string | null {
  if (/^\|['’]/.test(word)) return `I${word.slice(1)}`;
  if (word !== '|') return word;
  return next && /^\p{Ll}/u.test(next) ? 'I' : null;
}

export interface OcrReading {
  items: TextItem[];
  /** Page size in the reading's orientation (a page read turned by 90° swaps them). */
  width: number;
  height: number;
  /** Mean word confidence, 0–100. */
  confidence: number;
  /** Degrees the page image was turned to read it. */
  rotation: number;
}

interface CanvasAndContext {
  canvas: { width: number; height: number; toBuffer(type: 'image/png'): Buffer };
  context: CanvasRenderingContext2DLike;
}

/** The part of the canvas context drawing a turned copy needs. */
interface CanvasRenderingContext2DLike {
  translate(x: number, y: number): void;
  rotate(angle: number): void;
  drawImage(image: unknown, x: number, y: number): void;
}

interface CanvasFactory {
  create(width: number, height: number): CanvasAndContext;
  destroy(target: CanvasAndContext): void;
}

async function startWorker(): Promise<Worker> {
  const worker = await createWorker('eng', OEM.LSTM_ONLY, { langPath: LANG_PATH, gzip: true, cacheMethod: 'none' });
  // Tesseract's own diagnostics ("Image too small to scale!!") would land in the terminal; they go nowhere.
  await worker.setParameters({ debug_file: '/dev/null' });
  return worker;
}

/** One Tesseract worker per document read, made when a page first needs it and ended with the document. */
export class PageReader {
  private worker: Promise<Worker> | null = null;

  constructor(private readonly canvasFactory: CanvasFactory) {}

  /** Reads one page by OCR, or says why it cannot. */
  async read(page: PDFPageProxy): Promise<OcrReading | { error: string }> {
    const base = page.getViewport({ scale: 1 });
    const scale = Math.min(
      DPI / 72,
      Math.sqrt(MAX_PIXELS / (base.width * base.height)),
      MAX_SIDE / Math.max(base.width, base.height),
    );
    if (scale < 1)
      return { error: `${Math.round(base.width)}×${Math.round(base.height)} points: too large to read by OCR` };
    const viewport = page.getViewport({ scale });
    const drawn = this.canvasFactory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
    try {
      await page.render({ canvasContext: drawn.context as never, canvas: drawn.canvas as never, viewport }).promise;
      let best = await this.recognise(drawn, 0, scale, base);
      if (best.confidence < TURN_BELOW) {
        for (const rotation of [90, 270, 180]) {
          const reading = await this.recognise(drawn, rotation, scale, base);
          if (reading.confidence > best.confidence) best = reading;
        }
      }
      return best;
    } finally {
      this.canvasFactory.destroy(drawn);
    }
  }

  /** Reads the drawn page turned by `rotation` degrees; words become text items in points. */
  private async recognise(
    drawn: CanvasAndContext,
    rotation: number,
    scale: number,
    base: { width: number; height: number },
  ): Promise<OcrReading> {
    const image = rotation === 0 ? drawn : this.turned(drawn, rotation);
    try {
      const worker = await (this.worker ??= startWorker());
      const { data } = await worker.recognize(image.canvas.toBuffer('image/png'), {}, { blocks: true, text: false });
      const items: TextItem[] = [];
      const confidences: number[] = [];
      for (const line of (data.blocks ?? []).flatMap((b) => b.paragraphs.flatMap((p) => p.lines))) {
        // Text height from the line's box: ascender to descender is about 1.2 times the font size.
        const fontSize = (line.bbox.y1 - line.bbox.y0) / 1.2 / scale;
        const baseline = Math.max(line.baseline.y0, line.baseline.y1) / scale;
        // Every word counts towards the page's confidence, specks too: a page read on its side is mostly specks.
        for (const w of line.words) if (w.text.trim()) confidences.push(w.confidence);
        const words = line.words.filter((w) => w.text.trim() && w.confidence >= MIN_WORD_CONFIDENCE);
        for (const [i, word] of words.entries()) {
          const text = mended(word.text, words[i + 1]?.text);
          if (text === null) continue;
          items.push({
            text: `${text} `,
            x: word.bbox.x0 / scale,
            y: baseline,
            width: (word.bbox.x1 - word.bbox.x0) / scale,
            fontSize,
            fontName: FONT_NAME,
          });
        }
      }
      const turned = rotation % 180 !== 0;
      return {
        items,
        width: turned ? base.height : base.width,
        height: turned ? base.width : base.height,
        confidence: confidences.length ? confidences.reduce((a, b) => a + b, 0) / confidences.length : 0,
        rotation,
      };
    } finally {
      if (image !== drawn) this.canvasFactory.destroy(image);
    }
  }

  private turned(drawn: CanvasAndContext, rotation: number): CanvasAndContext {
    const { width, height } = drawn.canvas;
    const sideways = rotation % 180 !== 0;
    const target = this.canvasFactory.create(sideways ? height : width, sideways ? width : height);
    target.context.translate(target.canvas.width / 2, target.canvas.height / 2);
    target.context.rotate((rotation * Math.PI) / 180);
    target.context.drawImage(drawn.canvas, -width / 2, -height / 2);
    return target;
  }

  async end(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await (await worker).terminate();
  }
}

/** A text layer not worth reading: no letters, or mostly replacement characters (a broken font encoding). */
export function isGarbage(items: TextItem[]): boolean {
  const text = items.map((i) => i.text).join('');
  const replaced = (text.match(/\uFFFD/g) ?? []).length;
  // Letters are counted only when some were replaced: a page of clean text needs one letter to pass.
  if (replaced === 0) return !/\p{L}/u.test(text);
  return replaced > (text.match(/\p{L}/gu) ?? []).length;
}
