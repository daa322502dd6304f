import type { Block, ExtractedDocument, Passage } from '../document.js';

/** Blocks in order become passages, each carrying the heading it stands under, and the OCR confidence of its page where it was read by OCR. */
export function toPassages(blocks: Block[], ocr: ExtractedDocument['ocr'] = []): Passage[] {
  const confidence = new Map(ocr.map((o) => [o.page, o.confidence]));
  const open: Array<{ level: number; text: string }> = [];
  return blocks.map((block, ordinal) => {
    if (block.kind === 'heading') {
      while (open.length && open[open.length - 1]!.level >= block.level) open.pop();
    }
    const heading = open.length ? open[open.length - 1]!.text : null;
    if (block.kind === 'heading') open.push({ level: block.level, text: block.text });
    const ocrConfidence = block.page === null ? null : (confidence.get(block.page) ?? null);
    return { ordinal, page: block.page, kind: block.kind, heading, text: block.text, ocrConfidence };
  });
}
