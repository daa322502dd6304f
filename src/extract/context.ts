import type { Block } from '../document.js';
import type { DocumentMetadata } from './metadata.js';

/** What every finding extractor reads: a document's blocks in order, and what it is. */
export interface DocumentContext {
  blocks: Block[];
  metadata: DocumentMetadata;
}
