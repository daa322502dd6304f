import { parseDocument } from 'htmlparser2';
import { isText } from 'domhandler';
import { filter, findAll, getAttributeValue, textContent } from 'domutils';
import { coverDate, PUBLISHED_ON } from '../text/dates.js';
import type { FetchHints } from '../document.js';
import type { DocumentSource, ListingSource } from './manifest.js';

/** One document to fetch, with what is known of it in advance. */
export interface Wanted {
  url: string;
  hints: FetchHints | null;
  /** The answer is the Committees API's DocumentFileDetail JSON, the file inside it in base64. */
  wrapped?: boolean;
}

export function fromDocument(source: DocumentSource): Wanted {
  const { url, ...hints } = source;
  return { url, hints: Object.keys(hints).length ? hints : null };
}

/** Absolute http(s) links on a page, in order, each once. */
export function linksIn(html: string, base: string): string[] {
  const dom = parseDocument(html);
  const links = new Set<string>();
  for (const a of findAll((el) => el.name === 'a', dom.children)) {
    const href = getAttributeValue(a, 'href');
    if (!href) continue;
    try {
      const url = new URL(href, base);
      url.hash = '';
      if (url.protocol === 'http:' || url.protocol === 'https:') links.add(url.href);
    } catch {
      // A malformed href is not a link.
    }
  }
  return [...links];
}

/** The date a landing page gives its inspection: a <time datetime>, a published-time meta tag, else its words ("Published: 12 March 2019"). */
export function landingDate(html: string): string | null {
  const dom = parseDocument(html);
  const time = findAll((el) => el.name === 'time' && Boolean(getAttributeValue(el, 'datetime')), dom.children)[0];
  const stamp =
    (time && getAttributeValue(time, 'datetime')) ??
    findAll((el) => el.name === 'meta' && getAttributeValue(el, 'property') === 'article:published_time', dom.children)
      .map((el) => getAttributeValue(el, 'content'))
      .find(Boolean);
  if (stamp && /^\d{4}-\d{2}-\d{2}/.test(stamp)) return stamp.slice(0, 10);
  // Text nodes apart, so that a label and its date never run into the words before them.
  const words = filter(isText, dom.children).map((node) => textContent(node));
  const stated = PUBLISHED_ON.exec(words.join(' '));
  return stated ? coverDate([stated[0]]) : null;
}

/**
 * Documents a listing links to: its pages (`pages`) read up to `maxPages`, and from them, links to
 * documents (`follow`) taken as they are, and links to landing pages (`landing`) read once each
 * for the documents they link to, which take the landing page's date.
 */
export async function fromListing(
  source: ListingSource,
  getText: (url: string) => Promise<string>,
  allowsHost: (host: string) => boolean,
): Promise<Wanted[]> {
  const follow = new RegExp(source.follow);
  const pages = source.pages ? new RegExp(source.pages) : null;
  const landing = source.landing ? new RegExp(source.landing) : null;
  const wanted = new Map<string, Wanted>();
  const landings = new Set<string>();
  const visited = new Set<string>();
  const queue = [source.listing];
  const allowed = (link: string) => allowsHost(new URL(link).host);
  while (queue.length && visited.size < source.maxPages) {
    const page = queue.shift()!;
    if (visited.has(page)) continue;
    visited.add(page);
    for (const link of linksIn(await getText(page), page)) {
      if (!allowed(link)) continue;
      if (follow.test(link)) wanted.set(link, { url: link, hints: null });
      else if (landing?.test(link)) landings.add(link);
      else if (pages?.test(link) && !visited.has(link)) queue.push(link);
    }
  }
  for (const page of landings) {
    const html = await getText(page);
    const published = landingDate(html);
    for (const link of linksIn(html, page)) {
      if (allowed(link) && follow.test(link) && !wanted.has(link))
        wanted.set(link, { url: link, hints: published ? { published } : null });
    }
  }
  return [...wanted.values()];
}
