import type { FacetValue } from '../query/search-core.js';
import { cards } from './cards.js';
import type { SearchPage } from './finder.js';
import { html, type Html } from './html.js';
import { page } from './layout.js';
import {
  activeFacets,
  FACET_LABELS,
  type FacetName,
  KIND_FACETS,
  KINDS,
  linkTo,
  PAGE_SIZE,
  type SearchState,
} from './search-state.js';

const KIND_LABELS = {
  passages: 'Passages',
  quotes: 'Quotes',
  recommendations: 'Recommendations',
  figures: 'Figures',
  ratings: 'Ratings',
} as const;

/** Kinds whose rows the search words find; figures and ratings are narrowed by their facets alone. */
const SEARCHED_KINDS = new Set(['passages', 'quotes', 'recommendations']);

function searchForm(state: SearchState): Html {
  return html`<form class="search" role="search" action="/" method="get">
    <label for="q">Search</label>
    <input
      id="q"
      name="q"
      type="search"
      value="${state.q}"
      placeholder='caseload*, "unpaid work", Stacey'
      autocomplete="off"
    />
    <input type="hidden" name="kind" value="${state.kind}" />
    <button type="submit">Search</button>
  </form>`;
}

function tabs(state: SearchState): Html {
  const items = KINDS.map(
    (k) =>
      html`<li>
        <a href="${linkTo('/', state, { kind: k })}" ${k === state.kind ? html` aria-current="page"` : ''}
          >${KIND_LABELS[k]}</a
        >
      </li>`,
  );
  return html`<nav class="tabs" aria-label="Kind of result">
    <ul>
      ${items}
    </ul>
  </nav>`;
}

function facetList(state: SearchState, name: FacetName, values: FacetValue[]): Html {
  const current = state[name];
  const items = values.map((v) =>
    v.value === current
      ? html`<li>
          <a
            class="active"
            href="${linkTo('/', state, { [name]: undefined })}"
            aria-label="Remove filter ${FACET_LABELS[name]}: ${v.value}"
            >${v.value} <span class="count">${v.count}</span> <span aria-hidden="true">✕</span></a
          >
        </li>`
      : html`<li>
          <a href="${linkTo('/', state, { [name]: v.value })}">${v.value} <span class="count">${v.count}</span></a>
        </li>`,
  );
  return html`<section class="facet">
    <h3>${FACET_LABELS[name]}</h3>
    <ul>
      ${items}
    </ul>
  </section>`;
}

function facets(state: SearchState, counts: SearchPage['facets']): Html {
  if (!counts)
    return html`<aside class="facets" aria-labelledby="facets-heading">
      <h2 id="facets-heading">Narrow by</h2>
      <p class="note">This search matches too much to count its facets in time; add a word or a filter.</p>
    </aside>`;
  const lists = KIND_FACETS[state.kind]
    .map((name) => [name, counts[name] ?? []] as const)
    .filter(([name, values]) => values.length > 0 || state[name] !== undefined)
    .map(([name, values]) => facetList(state, name, values));
  return html`<aside class="facets" aria-labelledby="facets-heading">
    <h2 id="facets-heading">Narrow by</h2>
    ${lists.length ? lists : html`<p>Nothing to narrow by.</p>`}
  </aside>`;
}

function activeFilters(state: SearchState): Html | string {
  const active = activeFacets(state);
  if (!active.length) return '';
  const chips = active.map(
    ([name, value]) =>
      html`<li>
        <a
          href="${linkTo('/', state, { [name]: undefined })}"
          aria-label="Remove filter ${FACET_LABELS[name]}: ${value}"
          >${FACET_LABELS[name]}: ${value} <span aria-hidden="true">✕</span></a
        >
      </li>`,
  );
  return html`<ul class="chips" aria-label="Filters in use">
    ${chips}
  </ul>`;
}

function pager(state: SearchState, total: number): Html | string {
  const pages = Math.ceil(total / PAGE_SIZE);
  if (pages <= 1) return '';
  const previous =
    state.page > 1 ? html`<a rel="prev" href="${linkTo('/', state, { page: state.page - 1 })}">← Previous</a>` : '';
  const next =
    state.page < pages ? html`<a rel="next" href="${linkTo('/', state, { page: state.page + 1 })}">Next →</a>` : '';
  return html`<nav class="pager" aria-label="Pages of results">
    ${previous}<span>Page ${state.page} of ${pages}</span>${next}
  </nav>`;
}

function downloads(state: SearchState): Html {
  return html`<p class="downloads">
    Download every row: <a href="${linkTo('/search.csv', state, {})}" download>CSV</a> ·
    <a href="${linkTo('/search.json', state, {})}" download>JSON</a>
  </p>`;
}

function summary(state: SearchState, total: number): Html {
  const first = total === 0 ? 0 : (state.page - 1) * PAGE_SIZE + 1;
  const last = Math.min(total, state.page * PAGE_SIZE);
  const noun = KIND_LABELS[state.kind].toLowerCase();
  const note =
    state.q.trim() && !SEARCHED_KINDS.has(state.kind)
      ? html` <span class="note"
          >The search words find passages, quotes and recommendations; ${noun} are narrowed by the facets.</span
        >`
      : '';
  return html`<p class="summary" role="status">
    ${total === 0 ? `No ${noun} found.` : `${first}–${last} of ${total} ${noun}`}${note}
  </p>`;
}

/** The search page: box, kind tabs, facets with counts, the page of results, pages, downloads. */
export function searchPage(state: SearchState, found: SearchPage | null): Html {
  const title = state.q.trim() ? `${state.q} — ${KIND_LABELS[state.kind]}` : 'Search';
  const results = found
    ? html`<div class="layout">
        ${facets(state, found.facets)}
        <section class="results" aria-labelledby="results-heading">
          <h2 id="results-heading" class="visually-hidden">Results</h2>
          ${activeFilters(state)}${summary(state, found.total)}
          <ol class="cards" start="${(state.page - 1) * PAGE_SIZE + 1}">
            ${cards(found.found).map((c) => html`<li>${c}</li>`)}
          </ol>
          ${pager(state, found.total)}${found.total ? downloads(state) : ''}
        </section>
      </div>`
    : '';
  return page(
    title,
    '/',
    html`<h1>Search the reports</h1>
      ${searchForm(state)}${tabs(state)}${results}`,
  );
}
