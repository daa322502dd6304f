import type { Block, Passage } from '../document.js';

/** Blocks in order become passages, each carrying the heading it stands under. */
export function toPassages(blocks: Block[]): Passage[] {
  const open: Array<{ level: number; text: string }> = [];
  return blocks.map((block, ordinal) => {
    if (block.kind === 'heading') {
      while (open.length && open[open.length - 1]!.level >= block.level) open.pop();
    }
    const heading = open.length ? open[open.length - 1]!.text : null;
    if (block.kind === 'heading') open.push({ level: block.level, text: block.text });
    return { ordinal, page: block.page, kind: block.kind, heading, text: block.text };
  });
}
