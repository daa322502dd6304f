import type { Block } from '../src/document.js';
import type { DocumentContext } from '../src/extract/context.js';
import type { DocumentMetadata } from '../src/extract/metadata.js';

/** Blocks from strings: "# text" is a heading, "- text" a list item, anything else a paragraph. */
export function blocks(...texts: string[]): Block[] {
  return texts.map((t) => {
    if (t.startsWith('# ')) return { kind: 'heading', text: t.slice(2), page: 1, level: 2 };
    if (t.startsWith('- ')) return { kind: 'list-item', text: t.slice(2), page: 1, level: 0 };
    return { kind: 'paragraph', text: t, page: 1, level: 0 };
  });
}

export function context(texts: string[], metadata: Partial<DocumentMetadata> = {}): DocumentContext {
  return {
    blocks: blocks(...texts),
    metadata: {
      title: null,
      publisher: 'HM Inspectorate of Probation',
      type: 'research',
      published: null,
      inspected: null,
      ...metadata,
    },
  };
}
