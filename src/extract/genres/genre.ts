import type { Block } from '../../document.js';
import type { Findings } from '../../findings.js';
import type { DocumentContext } from '../context.js';

/**
 * A kind of document with a structure of its own, recognised by that structure rather than by its type string, in the
 * manner of Aleph's ingestors: each scores how strongly a document shows it and, where it does, reads the findings the
 * structure holds. The generic extractors run on every document as well, on the blocks no genre of their kind claims.
 */
export interface Genre<K extends keyof Findings = keyof Findings> {
  name: string;
  kind: K;
  /** How strongly the document shows the structure, from 0 (not at all) to 1 (certainly). */
  match(doc: DocumentContext): number;
  extract(doc: DocumentContext): Findings[K];
  /** The blocks its findings stand for: the generic extractor of the same kind reads the others (a transcript's turns are its quotes). */
  claims?(doc: DocumentContext): Set<Block>;
}
