import type { Rating } from '../../findings.js';
import { bodyOfDocument } from '../bodies.js';
import type { DocumentContext } from '../context.js';
import { scored } from '../data/confidence.js';
import { normaliseRating } from '../ratings.js';
import { perDocument } from '../text/per-document.js';
import type { Genre } from './genre.js';

/** A rating word as text pulled from table cells may print it: "Requires i mprov ement", "Inadeq uate". */
const SPACED_RATING = `(${['outstanding', 'good', 'requires improvement', 'inadequate'].map((w) => w.replace(' ', '').split('').join('\\s?')).join('|')})`;
/** A ratings-table row: "1.1 Leadership Requires improvement", "Overall rating Good". */
const TABLE_ROW = new RegExp(
  `(?:\\b(\\d\\.\\d)\\s+([A-Z][A-Za-z,&’' -]{2,60}?)|\\b(Overall rating))\\s*:?\\s+${SPACED_RATING}\\b`,
  'gi',
);

/** Every row of the document's table, read once for the genre's score and its ratings. */
const rowsOf = perDocument(({ blocks }) =>
  blocks.flatMap((block) => [...block.text.matchAll(TABLE_ROW)].map((m) => ({ block, m }))),
);

/** How many rows make a table for certain: one row alone ("Overall rating Good") may be a line of prose. */
const TABLE_ROWS = 2;

/** Rows of a "Summary of ratings" table, for the body the report inspects. */
function tableRatings(doc: DocumentContext): Rating[] {
  const { log } = doc;
  const rows = rowsOf(doc);
  if (!rows.length) return [];
  const subject = bodyOfDocument(doc);
  if (!subject) {
    log?.message(
      'ratings.table',
      'a ratings table, but the body it rates is named neither in the title nor in the opening pages; its rows are left out',
      rows[0]!.block.page,
    );
    return [];
  }
  return rows.map(({ block, m }) => ({
    page: block.page,
    subject,
    aspect: m[3] ? 'overall' : `${m[1]} ${m[2]!.trim()}`,
    rating: normaliseRating(m[4]!),
    count: null,
    total: null,
    evidence: m[0],
    // A report's own ratings table: the report's year.
    year: null,
    ...scored('rating.table'),
  }));
}

/**
 * An inspection report's ratings table, in any numbering of its standards ("1.1 Leadership", "2.3
 * Implementation and delivery", "Overall rating"), of a CRC, an NPS division, a PDU or a region.
 */
export const ratingsTable: Genre<'ratings'> = {
  name: 'ratings-table',
  kind: 'ratings',
  match: (doc) => Math.min(1, rowsOf(doc).length / TABLE_ROWS),
  extract: tableRatings,
};
