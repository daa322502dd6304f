import type { Block } from '../../document.js';
import type { DocumentContext } from '../context.js';

/**
 * Remembers what is read from a document while its blocks live: a genre's score and its findings read the same
 * structure (a transcript's turns, a ratings table's rows), once.
 */
export function perDocument<T>(read: (doc: DocumentContext) => T): (doc: DocumentContext) => T {
  const cache = new WeakMap<Block[], T>();
  return (doc) => {
    if (!cache.has(doc.blocks)) cache.set(doc.blocks, read(doc));
    return cache.get(doc.blocks)!;
  };
}
