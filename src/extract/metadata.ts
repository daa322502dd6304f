import type { Block, ExtractedDocument } from '../document.js';
import {
  COMMITTEE_ON_COVER,
  PRESS_OFFICE_PAGE,
  PUBLISHERS,
  RELEASE_TOLD,
  CHIEF_QUOTED,
  REPORT_MARKERS,
  SITE_NAMES,
  OWN_VOICE,
  TYPES_BY_SELF_DESCRIPTION,
  TYPES_BY_TITLE,
  type PublisherEntry,
} from './data/publishers.js';
import { focalBody } from './bodies.js';
import { OFFICES } from './data/roles.js';
import { coverDate, FULL_DATE, PUBLISHED_ON } from '../text/dates.js';

export interface DocumentMetadata {
  title: string | null;
  publisher: string | null;
  type: string;
  /** YYYY-MM-DD, YYYY-MM or YYYY. */
  published: string | null;
  /** The provider an inspection report is about, by its recorded name. */
  inspected: string | null;
  /** Oral evidence: witnesses known from outside the transcript (the Committees API). */
  witnesses?: Array<{ name: string; role: string | null; organisation: string | null }>;
  /** What a committee publication's source says of it (the Committees API): "HC 482", its inquiry, what it answers. */
  paperNumber?: string;
  business?: string;
  answers?: string;
}

/** Words a masthead prints beside the publisher's name, its press office's label among them ("– Press release"). */
const MASTHEAD_WORDS = /\b(?:House of (?:Commons|Lords)|the|and|press releases?|news(?: releases?)?)\b|[–—|,-]/gi;
/** The inspectorate's posts head themselves with their date: "02 September 2022 – The ‘voice of the Probation Service’ …". */
const DATED_HEADLINE = new RegExp(String.raw`^\s*${FULL_DATE.source}\s*[–—-]\s+`, 'i');
const withoutDate = (text: string) => text.replace(DATED_HEADLINE, '');
/** Between a page's title and the site's names: " - ", " | ", " – ". */
const PAGE_TITLE_SEPARATOR = /\s+[-–|]\s+/;
const JUNK_TITLE = /^(?:untitled|document\d*)$|\.(?:docx?|pdf|indd|rtf)$|^microsoft word\b/i;
/** Where a format has no pages, the short blocks before the first real paragraph stand in for a cover. */
const COVER_BLOCKS = 8;
const BODY_PARAGRAPH_LENGTH = 200;
/** A news story's first paragraph is at least a sentence long. */
const LEDE_LENGTH = 80;
const COVER_LINE_LENGTH = 150;
const OPENING_BLOCKS = 6;

function coverOf(doc: ExtractedDocument): Block[] {
  const firstPage = doc.blocks.filter((b) => b.page === 1);
  if (firstPage.length) return firstPage;
  const body = doc.blocks.findIndex((b) => b.text.length > BODY_PARAGRAPH_LENGTH);
  return doc.blocks.slice(0, Math.min(COVER_BLOCKS, body < 0 ? COVER_BLOCKS : body));
}

function isoDate(raw: string | null): string | null {
  const m = raw ? /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(raw) : null;
  return m ? [m[1], m[2], m[3]].filter(Boolean).join('-') : null;
}

interface PageTitle {
  title: string;
  publisher?: PublisherEntry;
}

/**
 * The title a file declares, without the site's name after it; where it ends in who publishes it, as
 * Parliament's pages do ("Probation workforce - Committee of Public Accounts - House of Commons"), the title
 * before, and that publisher. Null where the file declares none worth having.
 */
function pageTitleOf(doc: ExtractedDocument): PageTitle | null {
  const declared = doc.declared.title;
  if (!declared || JUNK_TITLE.test(declared)) return null;
  const suffix = doc.declared.siteName ? ` - ${doc.declared.siteName}` : null;
  const own = suffix && declared.endsWith(suffix) ? declared.slice(0, -suffix.length) : declared;
  const parts = own.split(PAGE_TITLE_SEPARATOR);
  // "… - Committees - UK Parliament": the site's own names end the title, before or without a publisher.
  while (parts.length > 1 && SITE_NAMES.includes(parts[parts.length - 1]!)) parts.pop();
  for (let i = 1; i < parts.length; i++) {
    const publisher = firstBodyNamed(parts.slice(i).join(' '));
    if (publisher) return { title: parts.slice(0, i).join(' - '), publisher };
  }
  return { title: parts.join(' - ') };
}

/** A cover's line naming only its House, above the committee's name. */
const HOUSE_ALONE = /^(?:the\s+)?House of (?:Commons|Lords)$/i;

/** A line that is only a publisher's name ("Justice Committee", "House of Commons Committee of Public Accounts"). */
function isMasthead(text: string): boolean {
  if (HOUSE_ALONE.test(text.trim())) return true;
  const publisher = firstBodyNamed(text);
  return !!publisher && text.replace(publisher.pattern, '').replace(MASTHEAD_WORDS, '').trim() === '';
}

/** A title's words alone, so "Oral evidence - Probation" and "Oral evidence: Probation, HC 999" begin alike. */
const wordsOf = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

function titleOf(doc: ExtractedDocument, cover: Block[], page: PageTitle | null): string | null {
  if (page) {
    const { title } = page;
    // A page titled only "Oral evidence" heads itself "Oral evidence: Probation caseloads, HC 999".
    const fuller = cover.find(
      (b) => b.kind === 'heading' && b.text.length > title.length && wordsOf(b.text).startsWith(wordsOf(title)),
    );
    return fuller?.text ?? title;
  }
  // A dated line or a separator ("--oo00oo--") heads a post but does not name it; nor does the publisher's masthead.
  // A headline after its date does.
  const names = (text: string) => /\p{L}{2,}.*\s.*\p{L}{2,}/u.test(text) && !FULL_DATE.test(text) && !isMasthead(text);
  const titled = (b: Block) => b.kind === 'heading' && names(withoutDate(b.text));
  const top = cover.filter(titled).reduce<Block | null>((best, b) => (!best || b.level < best.level ? b : best), null);
  // A plain-text file has no headings to speak of: its first short line names it.
  const first = cover.map((b) => withoutDate(b.text)).find((text) => !isMasthead(text) && !FULL_DATE.test(text));
  const firstLine = doc.format === 'text' && first && first.length <= 150 ? first : null;
  // Its first line is its title even where a shorter line below reads as a heading ("Third Special Report").
  const heading = top ?? doc.blocks.find(titled);
  return firstLine ?? (heading ? withoutDate(heading.text) : null);
}

function typeOf(doc: ExtractedDocument, title: string | null, publisher: PublisherEntry | undefined): string {
  // A web page of a site no publisher list knows is a blog post, whatever its words.
  if (!publisher && doc.format === 'html' && doc.declared.siteName) return 'blog';
  // A press office's page says so above its title ("Home › Media › Press releases"), whatever the title is about ("Inspection finds ...").
  if (doc.blocks.slice(0, COVER_BLOCKS).some((b) => b.text !== title && PRESS_OFFICE_PAGE.test(b.text)))
    return 'press-release';
  // A lede that tells of a report's release is news of it, whatever the headline says ("Final Annual Report of …").
  const lede = doc.blocks.find((b) => b.kind !== 'heading' && b.text !== title && b.text.length > LEDE_LENGTH);
  if (lede && RELEASE_TOLD.test(lede.text)) return 'press-release';
  const titled = TYPES_BY_TITLE.find(([re]) => re.test(title ?? ''));
  if (titled) return titled[1];
  const opening = doc.blocks
    .slice(0, 40)
    .map((b) => b.text)
    .join('\n');
  const described = TYPES_BY_SELF_DESCRIPTION.find(([re]) => re.test(opening));
  if (described) return described[1];
  // A post heads itself with its date, as the inspectorate's blog does ("21 September 2023 - A farewell from ...").
  if (!publisher?.parliamentary && doc.blocks.slice(0, COVER_BLOCKS).some((b) => DATED_HEADLINE.test(b.text)))
    return 'blog';
  // Outside Parliament, a text that quotes a chief inspector in the third person is news of the inspectorate ("said
  // Dame Glenys Stacey, HM Chief Inspector of Probation", "Chief Inspector of Probation Justin Russell said:"): its
  // reports speak as "we".
  if (!publisher?.parliamentary) return CHIEF_QUOTED.test(opening) ? 'press-release' : 'other';
  // A committee's page of prose that bears no mark of a report is news: a weekly update, a notice of a session.
  const prose = doc.blocks.some((b) => b.kind !== 'heading' && b.text.length > BODY_PARAGRAPH_LENGTH);
  const text = doc.blocks.map((b) => b.text).join('\n');
  return prose && !REPORT_MARKERS.test(text) ? 'press-release' : 'committee-report';
}

/**
 * The body a text names first, of those `accept` takes (every publisher, or committees only); a committee in
 * no list is named as printed.
 */
export function firstBodyNamed(
  text: string,
  accept: (body: PublisherEntry) => boolean = () => true,
): PublisherEntry | undefined {
  const found = PUBLISHERS.filter(accept)
    .map((p) => ({ p, at: text.search(p.pattern) }))
    .filter((f) => f.at >= 0);
  const first = found.sort((a, b) => a.at - b.at)[0];
  const committee = COMMITTEE_ON_COVER.exec(text);
  if (committee && (!first || committee.index <= first.at) && !first?.p.pattern.test(committee[1]!)) {
    return { name: committee[0].replace(/\s+/g, ' '), pattern: COMMITTEE_ON_COVER, parliamentary: true };
  }
  return first?.p;
}

/** The publisher named first on the cover (a cover mentions other bodies further down). */
function publisherOf(coverText: string, title: string | null): PublisherEntry | undefined {
  // The title names what a document is about ("Key challenges facing the Ministry of Justice"), not who published it.
  return firstBodyNamed(title ? coverText.split(title).join(' ') : coverText);
}

/**
 * An inspectorate's own release that never spells out its name: it calls itself "the Inspectorate", or tells of its
 * chief publishing today, and names the chief inspector's office ("The outgoing Chief Inspector of Probation, ...").
 */
function inspectorateSpeaking(opening: Block[]): PublisherEntry | undefined {
  const text = opening.map((b) => b.text).join('\n');
  if (!OWN_VOICE.test(text)) return undefined;
  const body = OFFICES.find(([office]) => office.test(text))?.[1];
  return PUBLISHERS.find((p) => p.name === body);
}

/** A title that names its publisher as a part of its own: "Justice Committee - weekly update". */
function titledPublisher(title: string | null): PublisherEntry | undefined {
  const parts = title?.split(PAGE_TITLE_SEPARATOR) ?? [];
  return parts.length > 1
    ? parts.map((part) => (isMasthead(part) ? firstBodyNamed(part) : undefined)).find(Boolean)
    : undefined;
}

/** Title, publisher, type and publication date, from the cover and what the file declares. */
export function extractMetadata(doc: ExtractedDocument): DocumentMetadata {
  const cover = coverOf(doc);
  const coverText = [doc.declared.author ?? '', ...cover.map((b) => b.text)].join('\n');
  const page = pageTitleOf(doc);
  const title = titleOf(doc, cover, page);
  // A plain text without a cover may name its publisher only in its opening paragraphs.
  const opening =
    doc.format === 'text'
      ? doc.blocks
          .slice(0, OPENING_BLOCKS)
          .map((b) => b.text)
          .join('\n')
      : '';
  const publisher =
    publisherOf(coverText, title) ??
    page?.publisher ??
    (doc.declared.siteName ? undefined : publisherOf(opening, title)) ??
    titledPublisher(title) ??
    (doc.declared.siteName ? undefined : inspectorateSpeaking(doc.blocks.slice(0, OPENING_BLOCKS)));
  // A date in a body paragraph is what the text is about ("In May 2019, the Government announced"), not when it was published.
  const coverLines = cover
    .filter((b) => b.kind === 'heading' || b.text.length <= COVER_LINE_LENGTH || PUBLISHED_ON.test(b.text))
    .map((b) => b.text)
    .filter((t) => t !== title);
  // A PDF's creation date is when the file was made, often long after publication.
  const declaredDate = doc.format === 'pdf' ? null : isoDate(doc.declared.date);
  const type = typeOf(doc, title, publisher);
  return {
    title,
    publisher: publisher?.name ?? doc.declared.siteName,
    type,
    published: declaredDate ?? coverDate(coverLines),
    inspected: type === 'inspection' ? focalBody(title, [coverText]) : null,
  };
}
