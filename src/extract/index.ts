import type { ExtractedDocument, FetchHints } from '../document.js';
import type { Findings } from '../findings.js';
import type { DocumentContext } from './context.js';
import { extractEvidence } from './evidence.js';
import { extractFigures } from './figures.js';
import { figuresOfSpeakers } from './figures-in-quotes.js';
import { MessageLog, type ExtractionMessage } from './messages.js';
import { extractMetadata, type DocumentMetadata } from './metadata.js';
import { extractQuotes } from './quotes.js';
import { extractRatings } from './ratings.js';
import { extractRecommendations } from './recommendations.js';
import { extractResponses } from './responses.js';
import { extractVoices } from './voices.js';

/** One extractor: a pure function from a document's blocks to findings of one kind. */
type Extractor = { [K in keyof Findings]: { kind: K; extract: (doc: DocumentContext) => Findings[K] } }[keyof Findings];

/** Every finding extractor, in one list; each adds to the kind it names. */
export const EXTRACTORS: Extractor[] = [
  { kind: 'quotes', extract: extractQuotes },
  { kind: 'quotes', extract: extractEvidence },
  { kind: 'ratings', extract: extractRatings },
  { kind: 'figures', extract: extractFigures },
  { kind: 'recommendations', extract: extractRecommendations },
  { kind: 'responses', extract: extractResponses },
  { kind: 'voices', extract: extractVoices },
];

export interface AnalysedDocument {
  metadata: DocumentMetadata;
  findings: Findings;
  messages: ExtractionMessage[];
}

/** Metadata first (extractors read the document's type and publisher), then every extractor. What a source manifest or API already knows wins over what is read off the cover. */
export function analyse(doc: ExtractedDocument, hints: FetchHints | null = null): AnalysedDocument {
  const metadata = { ...extractMetadata(doc), ...(hints ?? {}) };
  const log = new MessageLog();
  for (const warning of doc.warnings) log.message('read', warning);
  const context: DocumentContext = { blocks: doc.blocks, metadata, log };
  const findings: Findings = { quotes: [], ratings: [], figures: [], recommendations: [], responses: [], voices: [] };
  for (const extractor of EXTRACTORS) {
    const found = findings[extractor.kind] as unknown[];
    // One at a time: a spread of a very long list overflows the call stack.
    for (const finding of extractor.extract(context)) found.push(finding);
  }
  // Findings of one kind that complete another's: a figure given in a quote is its speaker's.
  findings.figures = figuresOfSpeakers(findings.figures, findings.quotes);
  return { metadata, findings, messages: log.messages };
}
