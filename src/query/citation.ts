/** Where a finding comes from, in the words a reader needs to find it again. */
export interface Citation {
  title: string | null;
  publisher: string | null;
  published: string | null;
  page: number | null;
  source: string;
}

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
export function citationOf(row: Citation): Citation {
  return { title: row.title, publisher: row.publisher, published: row.published, page: row.page, source: row.source };
}

/** A row's citation, and that citation formatted. */
export function cite(row: Citation): { citation: Citation; cited: string } {
  const citation = citationOf(row);
  return { citation, cited: formatCitation(citation) };
}

/** "Title. Publisher, 24 March 2021, p. 3. source" — parts that are unknown are left out. */
export function formatCitation(c: Citation): string {
  const where = [c.publisher, formatDate(c.published), c.page !== null ? `p. ${c.page}` : null]
    .filter(Boolean)
    .join(', ');
  return [c.title, where, c.source].filter(Boolean).join('. ');
}
