import type { Block, ExtractedDocument, FetchHints } from '../document.js';
import type { Findings } from '../findings.js';
import type { DocumentContext } from './context.js';
import { extractFigures } from './figures.js';
import { figuresOfSpeakers } from './figures-in-quotes.js';
import { MessageLog, type ExtractionMessage } from './messages.js';
import { extractMetadata, type DocumentMetadata } from './metadata.js';
import { extractQuotes } from './quotes.js';
import { distinctRatings, extractRatings } from './ratings.js';
import { recognise } from './genres/index.js';
import { extractRecommendations } from './recommendations.js';
import { extractVoices } from './voices.js';

/** One extractor: a pure function from a document's blocks to findings of one kind. */
type Extractor = { [K in keyof Findings]: { kind: K; extract: (doc: DocumentContext) => Findings[K] } }[keyof Findings];

/** The generic extractors, in one list: each runs on every document (on the blocks no genre claims) and adds to the kind it names. */
export const EXTRACTORS: Extractor[] = [
  { kind: 'quotes', extract: extractQuotes },
  { kind: 'ratings', extract: extractRatings },
  { kind: 'figures', extract: extractFigures },
  { kind: 'recommendations', extract: extractRecommendations },
  { kind: 'voices', extract: extractVoices },
];

export interface AnalysedDocument {
  metadata: DocumentMetadata;
  findings: Findings;
  messages: ExtractionMessage[];
}

/** Metadata first (extractors read the document's type and publisher), then the genres it shows and the generic extractors. What a source manifest or API already knows wins over what is read off the cover. */
export function analyse(doc: ExtractedDocument, hints: FetchHints | null = null): AnalysedDocument {
  const metadata = { ...extractMetadata(doc), ...(hints ?? {}) };
  const log = new MessageLog();
  for (const warning of doc.warnings) log.message('read', warning);
  const context: DocumentContext = { blocks: doc.blocks, metadata, log };
  const findings: Findings = { quotes: [], ratings: [], figures: [], recommendations: [], responses: [], voices: [] };
  const add = (kind: keyof Findings, found: unknown[]) => {
    const list = findings[kind] as unknown[];
    // One at a time: a spread of a very long list overflows the call stack.
    for (const finding of found) list.push(finding);
  };
  // The genres the document shows first (a ratings table before prose restating it), then the generic extractors,
  // each on the blocks no genre of its kind has claimed.
  const claimed = new Map<keyof Findings, Set<Block>>();
  for (const { genre } of recognise(context)) {
    add(genre.kind, genre.extract(context));
    const taken = claimed.get(genre.kind) ?? new Set<Block>();
    for (const block of genre.claims?.(context) ?? []) taken.add(block);
    claimed.set(genre.kind, taken);
  }
  for (const extractor of EXTRACTORS) {
    const taken = claimed.get(extractor.kind);
    const rest = taken?.size ? { ...context, blocks: context.blocks.filter((b) => !taken.has(b)) } : context;
    add(extractor.kind, extractor.extract(rest));
  }
  findings.ratings = distinctRatings(findings.ratings);
  // Findings of one kind that complete another's: a figure given in a quote is its speaker's.
  findings.figures = figuresOfSpeakers(findings.figures, findings.quotes);
  return { metadata, findings, messages: log.messages };
}
