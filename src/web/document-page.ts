import { formatDate } from '../query/citation.js';
import { DETAIL_KINDS, type DocumentDetail, type DocumentPassage } from '../query/document-detail.js';
import { html, type Html, markedText } from './html.js';
import { page } from './layout.js';

/** A stored field as text: findings' fields are text, numbers or null. */
const text = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** What the page shows of each kind of finding: a line of its fields, then its words. */
const FINDING_LINES: Record<
  (typeof DETAIL_KINDS)[number],
  { label: string; line: (f: Record<string, unknown>) => string; words: string }
> = {
  quotes: {
    label: 'Quotes',
    line: (f) => [f.speaker, f.role, f.organisation].filter(Boolean).join(', '),
    words: 'text',
  },
  recommendations: {
    label: 'Recommendations',
    line: (f) =>
      [f.number ? `Recommendation ${text(f.number)}` : 'Recommendation', f.addressee ? `to ${text(f.addressee)}` : null]
        .filter(Boolean)
        .join(' '),
    words: 'text',
  },
  figures: {
    label: 'Figures',
    line: (f) => [f.phrase, f.unit, f.subject, f.topic].filter(Boolean).join(' · '),
    words: 'sentence',
  },
  ratings: {
    label: 'Ratings',
    line: (f) => [f.subject, f.aspect, f.rating, f.year].filter(Boolean).join(' · '),
    words: 'evidence',
  },
};

function findingsSection(detail: DocumentDetail, kind: (typeof DETAIL_KINDS)[number]): Html | string {
  const rows = detail.findings[kind];
  if (!rows.length) return '';
  const { label, line, words } = FINDING_LINES[kind];
  const items = rows.map((f) => {
    const at = typeof f.page === 'number' ? html` <a href="#page-${f.page}">p. ${f.page}</a>` : '';
    return html`<li>
      <p class="label">${line(f)}${at}</p>
      <p class="text">${text(f[words])}</p>
    </li>`;
  });
  return html`<section class="findings">
    <h3>${label} (${rows.length})</h3>
    <ul>
      ${items}
    </ul>
  </section>`;
}

/** Passages in page order, each page a section one can link to (#page-3); the cited page's words highlighted. */
function passagesByPage(passages: DocumentPassage[], cited: number | null, words: string[]): Html[] {
  const pages = new Map<number | null, DocumentPassage[]>();
  for (const p of passages) pages.set(p.page, [...(pages.get(p.page) ?? []), p]);
  return [...pages].map(([number, ps]) => {
    const marked = number === cited ? words : [];
    const body = ps.map((p) =>
      p.kind === 'heading' ? html`<h4>${markedText(p.text, marked)}</h4>` : html`<p>${markedText(p.text, marked)}</p>`,
    );
    const heading = number === null ? 'Text' : `Page ${number}`;
    return html`<section
      class="page-text${number === cited ? ' cited' : ''}"
      ${number === null ? '' : html` id="page-${number}"`}
    >
      <h3>${heading}</h3>
      ${body}
    </section>`;
  });
}

export interface DocumentView {
  /** The page cited (from the search result), and the words to highlight on it. */
  page: number | null;
  words: string[];
  /** The URL the browser fetches the original PDF from, when the file can be shown. */
  pdfUrl: string | null;
}

/** A document: what it is, its findings by kind, the original page (pdf.js) and its text. */
export function documentPage(detail: DocumentDetail, view: DocumentView): Html {
  const meta = [
    ['Publisher', detail.publisher],
    ['Published', formatDate(detail.published)],
    ['Type', detail.type],
    ['Pages', detail.pages],
    ['Published at', detail.url],
    ['File', detail.source],
  ].filter(([, v]) => v !== null && v !== undefined);
  const viewer =
    view.pdfUrl && view.page !== null
      ? html`<section class="original" aria-labelledby="original-heading">
          <h2 id="original-heading">Page ${view.page} of the original</h2>
          <div
            id="pdf-page"
            class="pdf-page"
            data-file="${view.pdfUrl}"
            data-page="${view.page}"
            data-highlight="${view.words.join(' ')}"
          >
            <p class="loading">Loading the page…</p>
          </div>
        </section>`
      : '';
  return page(
    detail.title ?? detail.source,
    '/documents',
    html`<h1>${detail.title ?? detail.source}</h1>
      <dl class="meta">
        ${meta.map(
          ([k, v]) =>
            html`<dt>${k}</dt>
              <dd>${String(v)}</dd>`,
        )}
      </dl>
      <p class="actions">
        <button type="button" class="copy" data-copy="${detail.cited}">Copy citation</button
        >${detail.excerpt ? html` <span class="note">This copy is an excerpt: its pages are not the published document's.</span>` : ''}
      </p>
      ${viewer}
      <div class="document-columns">
        <section aria-labelledby="findings-heading">
          <h2 id="findings-heading">Findings</h2>
          ${DETAIL_KINDS.map((k) => findingsSection(detail, k))}
        </section>
        <section aria-labelledby="text-heading">
          <h2 id="text-heading">Text</h2>
          ${passagesByPage(detail.passages, view.page, view.words)}
        </section>
      </div>`,
  );
}
