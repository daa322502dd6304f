/** One result as a card: the words, who said them, the citation to copy, and a link to the page they are on. */
import { type Citation, formatCitation, whoSaid } from '../query/citation.js';
import { html, type Html, markedSnippet, markedWords } from './html.js';
import { documentLink, openingWords } from './links.js';
import type { Found } from './finder.js';

function citationBlock(citation: Citation, cited: string, words: string[]): Html {
  return html`<p class="citation">${formatCitation(citation)}</p>
    <p class="actions">
      <button type="button" class="copy" data-copy="${cited}">Copy citation</button>
      <a href="${documentLink(citation, words)}"
        >Open ${citation.page !== null ? `page ${citation.page}` : 'the document'}</a
      >
    </p>`;
}

const who = (p: { speaker?: string | null; role?: string | null; organisation?: string | null }) => {
  const text = whoSaid(p);
  return text ? html`<p class="who">— ${text}</p>` : '';
};

/** Words to highlight on the page: what the search marked, else the finding's first words. */
const wordsOf = (snippet: string, text: string) => {
  const marked = markedWords(snippet);
  return marked.length ? marked : openingWords(text);
};

export function cards(found: Found): Html[] {
  switch (found.kind) {
    case 'passages':
      return found.hits.map(
        (h) =>
          html`<article class="card">
            ${h.heading ? html`<p class="heading">${h.heading}</p>` : ''}
            <p class="text">${markedSnippet(h.snippet)}</p>
            ${who(h)}${citationBlock(h.citation, h.cited, wordsOf(h.snippet, h.text))}
          </article>`,
      );
    case 'quotes':
      return found.hits.map(
        (h) =>
          html`<article class="card quote">
            <blockquote><p>${markedSnippet(h.snippet)}</p></blockquote>
            ${who(h)} ${citationBlock(h.citation, h.cited, wordsOf(h.snippet, h.text))}
          </article>`,
      );
    case 'recommendations':
      return found.hits.map(
        (h) =>
          html`<article class="card">
            <p class="label">
              ${h.number ? `Recommendation ${h.number}` : 'Recommendation'}${h.addressee ? ` → ${h.addressee}` : ''}
            </p>
            <p class="text">${markedSnippet(h.snippet)}</p>
            ${citationBlock(h.citation, h.cited, wordsOf(h.snippet, h.text))}
          </article>`,
      );
    case 'figures':
      return found.hits.map(
        (f) =>
          html`<article class="card">
            <p class="label">
              <strong>${f.phrase}</strong>${f.qualifier ? ` (${f.qualifier})` : ''} · ${f.value}
              ${f.unit}${f.subject ? ` · ${f.subject}` : ''} · ${f.topic}
            </p>
            <p class="text">${f.sentence}</p>
            ${citationBlock(f.citation, f.cited, [f.phrase])}
          </article>`,
      );
    case 'ratings':
      return found.hits.map(
        (r) =>
          html`<article class="card">
            <p class="label">
              <strong>${r.subject}</strong> · ${r.aspect} · ${r.year ?? 'year unknown'} ·
              <span class="rating">${r.rating}</span
              >${r.count !== null ? ` · ${r.count}${r.total !== null ? ` of ${r.total}` : ''}` : ''}
            </p>
            <p class="text">${r.evidence}</p>
            ${citationBlock(r.citation, r.cited, openingWords(r.evidence))}
          </article>`,
      );
  }
}
