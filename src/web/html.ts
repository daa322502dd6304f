/** HTML built with hono's `html` template: every interpolated value is escaped unless it is itself HTML from it. */
import { html } from 'hono/html';
import { HIGHLIGHT_END, HIGHLIGHT_START } from '../query/search-core.js';

export { html };
export type Html = ReturnType<typeof html>;

/** A snippet with its matched words in <mark>, each part escaped. */
export function markedSnippet(snippet: string): Html[] {
  return snippet.split(HIGHLIGHT_START).flatMap((part, i) => {
    if (i === 0) return [html`${part}`];
    const [marked = '', rest = ''] = part.split(HIGHLIGHT_END);
    return [html`<mark>${marked}</mark>`, html`${rest}`];
  });
}

/** The words a snippet marks, for highlighting them again on the document's page. */
export function markedWords(snippet: string): string[] {
  const words = snippet
    .split(HIGHLIGHT_START)
    .slice(1)
    .map((part) => part.split(HIGHLIGHT_END)[0]!.trim())
    .filter(Boolean);
  return [...new Set(words)];
}

/** Text with every occurrence of `words` (whole words, any case) in <mark>, each part escaped. */
export function markedText(text: string, words: string[]): Html[] {
  const wanted = words.map((w) => w.trim()).filter((w) => w.length > 1);
  if (!wanted.length) return [html`${text}`];
  const escaped = wanted.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return text.split(pattern).map((part, i) => (i % 2 ? html`<mark>${part}</mark>` : html`${part}`));
}
