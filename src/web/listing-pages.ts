/** The pages for a blog author and a researcher: ratings by provider and year, caseloads, recurring recommendations, documents. */
import type { ExportedDocument } from '../query/documents.js';
import type { CaseloadSummaryRow } from '../query/figures.js';
import type { RatingRow } from '../query/ratings.js';
import type { RecurringGroup } from '../query/tracking.js';
import type { LinkedResponse } from '../query/responses.js';
import { html, type Html } from './html.js';
import { page } from './layout.js';
import { documentLink } from './links.js';

/** A table that scrolls in its own box on a narrow screen, with its caption and column headings. */
function dataTable(caption: string, columns: Array<string | number>, rows: Html[]): Html {
  return html`<div class="table-wrap">
    <table>
      <caption>
        ${caption}
      </caption>
      <thead>
        <tr>
          ${columns.map((c) => html`<th scope="col">${c}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
  </div>`;
}

/** A chart drawn by the server, with a caption and its SVG to download. */
function chartFigure(src: string, alt: string, caption: string): Html {
  return html`<figure class="chart">
    <img src="${src}" alt="${alt}" />
    <figcaption>${caption} (<a href="${src}" download>SVG</a>).</figcaption>
  </figure>`;
}

/** Links to every row of a search as CSV and JSON. */
function downloads(label: string, query: string): Html {
  return html`<p class="downloads">
    ${label}: <a href="/search.csv?${query}" download>CSV</a> · <a href="/search.json?${query}" download>JSON</a>
  </p>`;
}

/** Providers down, years across: each cell the ratings that provider got that year (overall unless the aspect says). */
export function ratingsPage(rows: RatingRow[]): Html {
  const years = [...new Set(rows.map((r) => r.year).filter((y): y is number => y !== null))].sort();
  const bySubject = new Map<string, RatingRow[]>();
  for (const r of rows) bySubject.set(r.subject, [...(bySubject.get(r.subject) ?? []), r]);
  const cell = (list: RatingRow[]) =>
    [
      ...new Set(
        list.map(
          (r) => `${r.rating}${r.count !== null ? ` (${r.count}${r.total !== null ? ` of ${r.total}` : ''})` : ''}`,
        ),
      ),
    ].join('; ');
  const body = [...bySubject]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([subject, list]) =>
        html`<tr>
          <th scope="row"><a href="/?kind=ratings&amp;provider=${encodeURIComponent(subject)}">${subject}</a></th>
          ${years.map((y) => html`<td>${cell(list.filter((r) => r.year === y))}</td>`)}
        </tr>`,
    );
  return page(
    'Ratings',
    '/ratings',
    html`<h1>Ratings by provider and year</h1>
      ${chartFigure(
        '/charts/ratings.svg',
        'Stacked bars: how many providers got each rating, per year, by type of provider',
        'Overall ratings counted once per provider and year',
      )}
      ${dataTable('Overall ratings as the documents state them', ['Provider', ...years], body)}
      ${downloads('Every rating', 'kind=ratings')}`,
  );
}

export function caseloadsPage(rows: CaseloadSummaryRow[]): Html {
  const body = rows.map(
    (r) =>
      html`<tr>
        <td>${r.year ?? ''}</td>
        <td>${r.organisation}</td>
        <td>${r.figures}</td>
        <td>${r.cases.join(', ')}</td>
        <td>${r.shares.map((s) => `${s}%`).join(', ')}</td>
      </tr>`,
  );
  return page(
    'Caseloads',
    '/caseloads',
    html`<h1>Caseloads</h1>
      ${chartFigure(
        '/charts/caseloads.svg',
        'Points: cases per practitioner that each document states, by year and type of provider',
        'Caseloads as stated in the documents',
      )}
      ${dataTable(
        'Caseload figures by year and provider',
        ['Year', 'Provider', 'Figures', 'Cases stated', 'Shares of staff'],
        body,
      )}
      ${downloads('Every caseload figure', 'kind=figures&topic=caseload')}`,
  );
}

function response(r: LinkedResponse | null | undefined): Html {
  if (!r) return html`<p class="status">No government response in the index.</p>`;
  return html`<p class="status">Response: <strong>${r.status ?? 'status not stated'}</strong> — ${r.text}</p>
    <p class="citation">${r.cited}</p>`;
}

export function recommendationsPage(groups: RecurringGroup[], responses: Map<number, LinkedResponse>): Html {
  const timelines = groups.map(
    (g, i) =>
      html`<section class="timeline">
        <h2>Made in ${g.years.join(', ')} <span class="note">(group ${i + 1})</span></h2>
        <ol>
          ${g.recommendations.map(
            (r) =>
              html`<li>
                <p class="label">
                  ${r.year ?? 'year unknown'} ·
                  ${r.number ? `Recommendation ${r.number}` : 'Recommendation'}${r.addressee ? ` → ${r.addressee}` : ''}
                </p>
                <p class="text">${r.text}</p>
                ${response(responses.get(r.id))}
                <p class="citation"><a href="${documentLink(r.citation)}">${r.cited}</a></p>
              </li>`,
          )}
        </ol>
      </section>`,
  );
  return page(
    'Recommendations',
    '/recommendations',
    html`<h1>Recommendations made again</h1>
      <p>
        Recommendations that come back in reports of different years, grouped by the words they share; each with the
        government's answer where one is indexed. <a href="/?kind=recommendations">Every recommendation</a>.
      </p>
      ${timelines.length ? timelines : html`<p class="summary" role="status">No recommendation in this index is made in two different years.</p>`}`,
  );
}

export function documentsPage(documents: ExportedDocument[]): Html {
  const rows = documents.map(
    (d) =>
      html`<tr>
        <td><a href="${documentLink({ source: d.source, page: null })}">${d.title ?? d.source}</a></td>
        <td>${d.publisher ?? ''}</td>
        <td>${d.published ?? ''}</td>
        <td>${d.type ?? ''}</td>
        <td>${d.pages ?? ''}</td>
        <td>${d.passages}</td>
      </tr>`,
  );
  return page(
    'Documents',
    '/documents',
    html`<h1>Documents</h1>
      ${dataTable(
        `${documents.length} documents in the index`,
        ['Title', 'Publisher', 'Published', 'Type', 'Pages', 'Passages'],
        rows,
      )}`,
  );
}
