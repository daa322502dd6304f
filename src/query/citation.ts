/** Where a finding comes from, in the words a reader needs to find it again. */
export interface Citation {
  title: string | null;
  publisher: string | null;
  published: string | null;
  page: number | null;
  /** The local file or the URL it was fetched from. */
  source: string;
  /** Where the document is published, when known. */
  url: string | null;
  /** This copy is an excerpt: its pages are not the published document's. */
  excerpt: boolean;
  /** The cited page was read by OCR: a reader checks the page image before quoting it. */
  ocr: boolean;
}

/** "Dame Glenys Stacey, HM Chief Inspector of Probation, HM Inspectorate of Probation": who said it, each part once. */
export function whoSaid(p: { speaker?: string | null; role?: string | null; organisation?: string | null }): string {
  return [p.speaker, p.speaker === p.role ? null : p.role, p.organisation].filter(Boolean).join(', ');
}

/** A citation as SQLite returns it (CITATION_COLUMNS): `excerpt` is 0 or 1. */
export type CitationRow = Omit<Citation, 'excerpt' | 'ocr'> & { excerpt: number | boolean; ocr?: number | null };

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2021-03-24" → "24 March 2021", "2021-03" → "March 2021", "2021" → "2021". */
export function formatDate(iso: string | null): string | null {
  if (!iso) return null;
  const [year, month, day] = iso.split('-');
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  if (!monthName) return year ?? null;
  return day ? `${Number(day)} ${monthName} ${year}` : `${monthName} ${year}`;
}

/** The citation of a row selected with CITATION_COLUMNS (and whatever else). */
export function citationOf(row: CitationRow): Citation {
  const { title, publisher, published, page, source, url } = row;
  return {
    title,
    publisher,
    published,
    page,
    source,
    url,
    excerpt: Boolean(row.excerpt),
    ocr: typeof row.ocr === 'number',
  };
}

/** A row's citation, and that citation formatted. */
export function cite(row: CitationRow): { citation: Citation; cited: string } {
  const citation = citationOf(row);
  return { citation, cited: formatCitation(citation) };
}

/**
 * "Title. Publisher, 24 March 2021, p. 3. https://…/report.pdf#page=3": the published URL where it is known
 * (a PDF's at the page cited), else the file. An excerpt's pages are its own, so it is cited as
 * "Excerpt of <URL>, p. 3 of this copy", with the copy's file. Parts that are unknown are left out.
 * `locator` places the finding where a page cannot: a transcript's question number, "Q66".
 */
export function formatCitation(c: Citation, locator: string | null = null): string {
  const page = c.page !== null ? `p. ${c.page}${c.ocr ? ' (text from OCR)' : ''}` : locator;
  const when = [c.publisher, formatDate(c.published)];
  if (c.url && c.excerpt) {
    // A page of the copy is not the original's; a question number is the transcript's own.
    const where = [`Excerpt of ${c.url}`, c.page !== null ? `${page} of this copy` : locator]
      .filter(Boolean)
      .join(', ');
    return [c.title, when.filter(Boolean).join(', '), where, c.source].filter(Boolean).join('. ');
  }
  const link = c.url && c.page !== null ? `${c.url}#page=${c.page}` : (c.url ?? c.source);
  return [c.title, [...when, page].filter(Boolean).join(', '), link].filter(Boolean).join('. ');
}
