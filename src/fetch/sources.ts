import { parseDocument } from 'htmlparser2';
import { findAll, getAttributeValue } from 'domutils';
import { z } from 'zod';
import type { FetchHints } from '../document.js';
import type { CommitteeSource, DocumentSource, ListingSource } from './manifest.js';

/** One document to fetch, with what is known of it in advance. */
export interface Wanted {
  url: string;
  hints: FetchHints | null;
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

/** Documents a listing page links to, following further listing pages up to `depth`. */
export async function fromListing(
  source: ListingSource,
  getText: (url: string) => Promise<string>,
  allowsHost: (host: string) => boolean,
): Promise<Wanted[]> {
  const follow = new RegExp(source.follow);
  const pages = source.pages ? new RegExp(source.pages) : null;
  const wanted = new Map<string, Wanted>();
  const visited = new Set<string>();
  let frontier = [source.listing];
  for (let depth = 0; depth <= source.depth && frontier.length; depth++) {
    const next: string[] = [];
    for (const page of frontier) {
      if (visited.has(page)) continue;
      visited.add(page);
      for (const link of linksIn(await getText(page), page)) {
        if (!allowsHost(new URL(link).host)) continue;
        if (follow.test(link)) wanted.set(link, { url: link, hints: null });
        else if (pages?.test(link)) next.push(link);
      }
    }
    frontier = next;
  }
  return [...wanted.values()];
}

/** The parts of the Committees API's oral-evidence listing report-miner reads. */
const oralEvidencePage = z.object({
  totalResults: z.number().optional(),
  items: z.array(
    z
      .object({
        id: z.number(),
        meetingDate: z.string().nullish(),
        publicationDate: z.string().nullish(),
        committeeBusinesses: z.array(z.object({ title: z.string().nullish() }).loose()).nullish(),
        witnesses: z
          .array(
            z
              .object({
                name: z.string().nullish(),
                organisations: z
                  .array(z.object({ name: z.string().nullish(), role: z.string().nullish() }).loose())
                  .nullish(),
              })
              .loose(),
          )
          .nullish(),
      })
      .loose(),
  ),
});

const PAGE_SIZE = 30;

/** Oral-evidence sessions of a committee, newest first: transcript URL, title, date and witnesses. */
export async function fromCommittee(
  source: CommitteeSource,
  getText: (url: string) => Promise<string>,
): Promise<Wanted[]> {
  const wanted: Wanted[] = [];
  for (let skip = 0; wanted.length < source.sessions; skip += PAGE_SIZE) {
    const url = `${source.api.replace(/\/$/, '')}/OralEvidence?CommitteeId=${source.committee}&skip=${skip}&take=${PAGE_SIZE}`;
    const parsed = oralEvidencePage.safeParse(JSON.parse(await getText(url)));
    if (!parsed.success)
      throw new Error(`${url}: not the Committees API's oral-evidence shape (${parsed.error.issues[0]?.message})`);
    for (const item of parsed.data.items.slice(0, source.sessions - wanted.length)) {
      const business = item.committeeBusinesses?.find((b) => b.title)?.title;
      const date = (item.meetingDate ?? item.publicationDate)?.slice(0, 10);
      wanted.push({
        url: `${source.api.replace(/\/$/, '')}/OralEvidence/${item.id}/Document/Html`,
        hints: {
          type: 'oral-evidence',
          ...(business ? { title: `Oral evidence: ${business}` } : {}),
          ...(date ? { published: date } : {}),
          witnesses: (item.witnesses ?? []).flatMap((w) => {
            const org = w.organisations?.find((o) => o.name);
            const name = w.name ?? null;
            return name ? [{ name, role: org?.role ?? null, organisation: org?.name ?? null }] : [];
          }),
        },
      });
    }
    if (parsed.data.items.length < PAGE_SIZE) break;
  }
  return wanted;
}
