import type { Citation } from '../query/citation.js';

/** Highlighted words carried to a document's page: a few, short, so a link stays a link. */
const MAX_HIGHLIGHT_WORDS = 12;

/** The page of the document a finding comes from, at its page, with `words` highlighted there. */
export function documentLink(citation: Pick<Citation, 'source' | 'page'>, words: string[] = []): string {
  const params = new URLSearchParams({ source: citation.source });
  if (citation.page !== null) params.set('page', String(citation.page));
  const hl = words.slice(0, MAX_HIGHLIGHT_WORDS).join(' ');
  if (hl) params.set('hl', hl);
  return `/document?${params.toString()}${citation.page !== null ? `#page-${citation.page}` : ''}`;
}

/** The first words of a text, to find it again on its page when no search marked any. */
export function openingWords(text: string, count = 6): string[] {
  return text.split(/\s+/).filter(Boolean).slice(0, count);
}
