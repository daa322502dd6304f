/** Positioned text as the PDF layout stages see it; display coordinates, y grows downward. */
export interface TextItem {
  text: string;
  x: number;
  /** Baseline. */
  y: number;
  width: number;
  fontSize: number;
  fontName: string;
}

export interface PdfPage {
  number: number;
  width: number;
  height: number;
  items: TextItem[];
  /** Read by OCR (no usable text layer): the mean word confidence (0–100) and the turn it was read at. */
  ocr: { confidence: number; rotation: number } | null;
  /** What went wrong on the page without losing it (OCR refused a page too large). */
  warning?: string;
}

/** Items sharing a baseline, possibly only one column's part of it. */
export interface TextLine {
  page: number;
  text: string;
  x0: number;
  x1: number;
  y: number;
  fontSize: number;
  /** Font of most of the line's characters. */
  fontName: string;
  /** Whether every item on the line is in that one font (a bold heading, say). */
  singleFont: boolean;
}

/** A line in reading order, with the column box it was read from. */
export interface PlacedLine extends TextLine {
  /** Changes whenever reading jumps to another column or band. */
  region: number;
  regionLeft: number;
  regionRight: number;
}
