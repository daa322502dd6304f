/** The document model every stage after ingest works on: pages → blocks with page numbers. */

export type Format = 'pdf' | 'html' | 'text';

export type BlockKind = 'heading' | 'paragraph' | 'list-item' | 'quote';

export interface Block {
  kind: BlockKind;
  text: string;
  /** 1-based page the block starts on; null for formats without pages. */
  page: number | null;
  /** Heading level for headings (1 = largest); 0 for other blocks. */
  level: number;
}

export interface DeclaredMetadata {
  title: string | null;
  author: string | null;
  siteName: string | null;
  /** As written in the file: an ISO date from HTML meta tags or a PDF creation date. */
  date: string | null;
  /** Where the page says it is published: HTML's canonical link or og:url (http or https only). */
  url: string | null;
}

export const NO_DECLARED_METADATA: DeclaredMetadata = {
  title: null,
  author: null,
  siteName: null,
  date: null,
  url: null,
};

/** What the manifest or an API says about a document before anyone reads it. */
export interface FetchHints {
  title?: string;
  publisher?: string;
  type?: string;
  published?: string;
  /** Oral evidence: the witnesses the Committees API lists. */
  witnesses?: Array<{ name: string; role: string | null; organisation: string | null }>;
  /** A committee publication's paper number: "HC 482", "HL Paper 27". */
  paperNumber?: string;
  /** The committee business (inquiry) a publication belongs to. */
  business?: string;
  /** A response: the title of the publication it answers. */
  answers?: string;
}

export interface ExtractedDocument {
  format: Format;
  pages: number | null;
  /** What the file says about itself (PDF Info, HTML <title> and meta tags), before any domain rules. */
  declared: DeclaredMetadata;
  blocks: Block[];
  /** Problems that did not stop extraction, e.g. pages that failed. */
  warnings: string[];
  /** Pages read by OCR, each with its mean word confidence (0–100); none for a document with a text layer. */
  ocr: Array<{ page: number; confidence: number }>;
}

/** How a reader reads: whether pages without a text layer are read by OCR. */
export interface ReadOptions {
  ocr: boolean;
  /** Told as each page is about to be read by OCR (slow: a few seconds a page), for a progress display. */
  onOcrPage?: (page: number, pages: number) => void;
}

/** A passage as stored in the index: a block with its nearest heading. */
export interface Passage {
  ordinal: number;
  page: number | null;
  kind: BlockKind;
  heading: string | null;
  text: string;
  /** Read by OCR: the page's mean word confidence (0–100); null for a text layer's words. */
  ocrConfidence: number | null;
}
