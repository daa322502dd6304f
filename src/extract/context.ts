import type { Block } from '../document.js';
import type { MessageLog } from './messages.js';
import type { DocumentMetadata } from './metadata.js';

/** What every finding extractor reads: a document's blocks in order, and what it is; and where it reports what it could not use. */
export interface DocumentContext {
  blocks: Block[];
  metadata: DocumentMetadata;
  log?: MessageLog;
}
