/**
 * The Committees API (committees-api.parliament.uk) as it answers: oral-evidence sessions and
 * committee publications listed in pages (`Skip`/`Take`, no documented order), and their files
 * inside a JSON `DocumentFileDetail` whose `data` is the file in base64.
 */
import type { Agent } from 'undici';
import { z } from 'zod';
import type { FetchHints } from '../document.js';
import { FetchFailure } from './failure.js';
import { download, type Downloaded, getText, type HttpPolicy, storeBytes } from './http.js';
import type { CommitteeSource } from './manifest.js';
import type { Wanted } from './sources.js';

/**
 * The spec's DocumentFile, a file the API holds for a session or publication document: its format names the endpoint
 * to ask, and `url`, where given, is where the file itself is.
 */
const fileEntry = z
  .object({ fileName: z.string().nullish(), fileDataFormat: z.string().nullish(), url: z.string().nullish() })
  .loose();

/** Which of a document's formats to ask for, best first: a transcript's HTML has its turns marked, a PDF only pages. */
const FORMATS = ['Html', 'Pdf'] as const;

/** The format to ask for among those `files` lists, or null when it lists none report-miner reads. */
export function chosenFormat(files: Array<z.infer<typeof fileEntry>> | null | undefined): string | null {
  const listed = new Set((files ?? []).map((f) => f.fileDataFormat?.toLowerCase()));
  return FORMATS.find((f) => listed.has(f.toLowerCase())) ?? null;
}

const witness = z
  .object({
    name: z.string().nullish(),
    organisations: z.array(z.object({ name: z.string().nullish(), role: z.string().nullish() }).loose()).nullish(),
  })
  .loose();

/** The spec's HouseNumber: a paper's number in its House, "482" (HC) or "27" (HL Paper). */
const houseNumber = z.object({ number: z.string().nullish() }).loose().nullish();

/**
 * The spec's Committees.Common.Responses.Common.Submission.OralEvidence, the fields read: `document` is null for a
 * session without a transcript; dates may be only `activityStartDate`; its inquiries and HC numbers are lists.
 */
const oralEvidence = z
  .object({
    id: z.number(),
    meetingDate: z.string().nullish(),
    activityStartDate: z.string().nullish(),
    publicationDate: z.string().nullish(),
    committeeBusinesses: z.array(z.object({ title: z.string().nullish() }).loose()).nullish(),
    hcNumbers: z.array(houseNumber).nullish(),
    witnesses: z.array(witness).nullish(),
    document: z
      .object({ files: z.array(fileEntry).nullish() })
      .loose()
      .nullish(),
  })
  .loose();

/**
 * The spec's Committees.Common.Responses.Publication, the fields read: one publication may hold several documents
 * (Document: documentId, files), has one HC number or HL paper, its inquiries (CommitteeBusinessSummary) and, for a
 * response, the id of the publication it answers.
 */
const publication = z
  .object({
    id: z.number(),
    description: z.string().nullish(),
    publicationStartDate: z.string().nullish(),
    type: z.object({ id: z.number().nullish(), name: z.string().nullish() }).loose().nullish(),
    committee: z.object({ name: z.string().nullish() }).loose().nullish(),
    businesses: z.array(z.object({ title: z.string().nullish() }).loose()).nullish(),
    hcNumber: houseNumber,
    hlPaper: houseNumber,
    responseToPublicationId: z.number().nullish(),
    documents: z.array(z.object({ documentId: z.number(), files: z.array(fileEntry).nullish() }).loose()).nullish(),
  })
  .loose();

/** "HC 482" or "HL Paper 27", as a publication's cover prints its number. */
function paperNumberOf(p: z.infer<typeof publication>): string | null {
  if (p.hcNumber?.number) return `HC ${p.hcNumber.number}`;
  return p.hlPaper?.number ? `HL Paper ${p.hlPaper.number}` : null;
}

/** A page of a listing: `items` may be null. */
const listPage = <T extends z.ZodType>(item: T) =>
  z.object({ totalResults: z.number().nullish(), items: z.array(item).nullish() }).loose();

const publicationTypes = z.array(z.object({ id: z.number(), name: z.string() }).loose());

/**
 * What a document endpoint answers: for a session, the spec's DocumentFileDetail, the file itself in `data` (base64);
 * for a publication's document, its DocumentFile, the file at `url`.
 */
const documentAnswer = z
  .object({
    fileName: z.string().nullish(),
    fileDataFormat: z.string().nullish(),
    data: z.string().nullish(),
    url: z.string().nullish(),
  })
  .loose();

/** Rows per page asked for, and how many pages at most are read of one listing. */
const TAKE = 30;
const MAX_PAGES = 40;

/** What the fetcher asks the API with: text of a URL, and a one-line note of what was left out. */
export interface ApiAccess {
  getText: (url: string) => Promise<string>;
  note: (url: string, reason: string) => void;
}

function parse<T extends z.ZodType>(schema: T, url: string, text: string, shape: string): z.output<T> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${url}: not JSON, so not the Committees API's ${shape}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw new Error(`${url}: not the Committees API's ${shape} (${parsed.error.issues[0]?.message})`);
  return parsed.data;
}

/** Every item of a paged listing (at most MAX_PAGES pages), whatever order the API gives. */
async function allPages<T extends z.ZodType>(
  base: string,
  item: T,
  shape: string,
  access: ApiAccess,
): Promise<Array<z.output<T>>> {
  const items: Array<z.output<T>> = [];
  for (let page = 0; page < MAX_PAGES; page++) {
    const url = `${base}&Skip=${page * TAKE}&Take=${TAKE}`;
    const { items: got, totalResults } = parse(listPage(item), url, await access.getText(url), shape);
    items.push(...(got ?? []));
    if (
      !got ||
      got.length < TAKE ||
      (totalResults !== null && totalResults !== undefined && items.length >= totalResults)
    )
      break;
  }
  return items;
}

/** "2021-03-23T00:00:00" → "2021-03-23". */
const day = (date: string | null | undefined) => (date ? date.slice(0, 10) : null);

/** Newest first, undated last: the API documents no order, so "the newest N" is ours to choose. */
function newest<T>(items: T[], dateOf: (item: T) => string | null, n: number): T[] {
  return [...items].sort((a, b) => (dateOf(b) ?? '').localeCompare(dateOf(a) ?? '')).slice(0, n);
}

const apiBase = (source: CommitteeSource) => source.api.replace(/\/$/, '');

/** A witness as the transcript reader uses it; an organisation's witness (name null) is named by its organisation. */
function witnessOf(w: z.infer<typeof witness>): NonNullable<FetchHints['witnesses']>[number] | null {
  const org = w.organisations?.find((o) => o.name);
  const name = w.name ?? org?.name ?? null;
  return name ? { name, role: org?.role ?? null, organisation: org?.name ?? null } : null;
}

/** The newest `sessions` oral-evidence sessions of a committee that have a transcript, with title, date and witnesses. */
export async function oralEvidenceOf(source: CommitteeSource, access: ApiAccess): Promise<Wanted[]> {
  if (source.sessions === 0) return [];
  const api = apiBase(source);
  const sessions = await allPages(
    `${api}/OralEvidence?CommitteeId=${source.committee}`,
    oralEvidence,
    'oral-evidence listing',
    access,
  );
  const dateOf = (s: z.infer<typeof oralEvidence>) => day(s.meetingDate ?? s.activityStartDate ?? s.publicationDate);
  const wanted: Wanted[] = [];
  for (const session of newest(sessions, dateOf, source.sessions)) {
    const format = chosenFormat(session.document?.files);
    const where = `${api}/OralEvidence/${session.id}`;
    if (!format) {
      access.note(where, 'no transcript published for this session (yet); skipped');
      continue;
    }
    const business = session.committeeBusinesses?.find((b) => b.title)?.title;
    const hc = session.hcNumbers?.find((h) => h?.number)?.number;
    const date = dateOf(session);
    wanted.push({
      url: `${where}/Document/${format}`,
      wrapped: true,
      hints: {
        type: 'oral-evidence',
        ...(business ? { title: `Oral evidence: ${business}`, business } : {}),
        ...(hc ? { paperNumber: `HC ${hc}` } : {}),
        ...(date ? { published: date } : {}),
        witnesses: (session.witnesses ?? []).flatMap((w) => witnessOf(w) ?? []),
      },
    });
  }
  return wanted;
}

/** The report-miner document type of a publication type's name. */
const PUBLICATION_TYPES: Array<[RegExp, string]> = [
  [/\bresponse\b|\btreasury minute/i, 'government-response'],
  [/\breport\b/i, 'committee-report'],
  [/\bwritten evidence\b/i, 'written-evidence'],
  [/\boral evidence\b/i, 'oral-evidence'],
];

export function documentTypeOf(publicationType: string | null | undefined): string {
  return PUBLICATION_TYPES.find(([pattern]) => pattern.test(publicationType ?? ''))?.[1] ?? 'committee-publication';
}

/** The ids of the publication types a manifest names (ids as they are, names looked up in /PublicationType); an unknown name is said and left out. */
async function publicationTypeIds(source: CommitteeSource, access: ApiAccess): Promise<number[]> {
  const wanted = source.publicationTypes;
  if (wanted.every((t) => typeof t === 'number')) return wanted;
  const url = `${apiBase(source)}/PublicationType`;
  const types = parse(publicationTypes, url, await access.getText(url), 'publication types');
  return wanted.flatMap((t) => {
    if (typeof t === 'number') return [t];
    const found = types.find((k) => k.name.toLowerCase() === t.toLowerCase());
    if (!found) access.note(url, `no publication type "${t}"; the API has: ${types.map((k) => k.name).join(', ')}`);
    return found ? [found.id] : [];
  });
}

/** The newest `publications` publications of the types asked for: each document of each, with title, type, date and committee. */
export async function publicationsOf(source: CommitteeSource, access: ApiAccess): Promise<Wanted[]> {
  if (source.publications === 0 || source.publicationTypes.length === 0) return [];
  const api = apiBase(source);
  const ids = await publicationTypeIds(source, access);
  if (!ids.length) return [];
  const types = ids.map((id) => `&PublicationTypeIds=${id}`).join('');
  const found = await allPages(
    `${api}/Publications?CommitteeId=${source.committee}${types}`,
    publication,
    'publications listing',
    access,
  );
  const wanted: Wanted[] = [];
  // A response names the publication it answers by id: its title, where the listing holds it.
  const titles = new Map(found.map((p) => [p.id, p.description]));
  for (const p of newest(found, (x) => day(x.publicationStartDate), source.publications)) {
    const published = day(p.publicationStartDate);
    const paperNumber = paperNumberOf(p);
    const business = p.businesses?.find((b) => b.title)?.title;
    const answers = p.responseToPublicationId ? titles.get(p.responseToPublicationId) : null;
    const hints: FetchHints = {
      type: documentTypeOf(p.type?.name),
      ...(p.description ? { title: p.description } : {}),
      ...(p.committee?.name ? { publisher: p.committee.name } : {}),
      ...(published ? { published } : {}),
      ...(paperNumber ? { paperNumber } : {}),
      ...(business ? { business } : {}),
      ...(answers ? { answers } : {}),
    };
    const documents = p.documents ?? [];
    if (!documents.length) access.note(`${api}/Publications/${p.id}`, 'a publication without documents; skipped');
    for (const d of documents) {
      const format = chosenFormat(d.files);
      const where = `${api}/Publications/${p.id}/Document/${d.documentId}`;
      if (!format) {
        access.note(where, 'no HTML or PDF file of this document; skipped');
        continue;
      }
      // The listing's DocumentFile says where the file is: fetched from there, else asked of the document endpoint.
      const listed = d.files?.find((f) => f.fileDataFormat?.toLowerCase() === format.toLowerCase())?.url;
      wanted.push(
        listed ? { url: new URL(listed, api).href, hints } : { url: `${where}/${format}`, wrapped: true, hints },
      );
    }
  }
  return wanted;
}

/**
 * The file a document endpoint's answer holds: `data` decoded from base64, refused past `maxBytes` once decoded, with
 * `name` the file's own name, to type it by; or, for an answer that holds only where the file is, that `url`.
 */
export function unwrapDocument(
  text: string,
  url: string,
  maxBytes: number,
): { bytes: Buffer; name: string } | { url: string } {
  const detail = parse(documentAnswer, url, text, 'document (DocumentFileDetail or DocumentFile)');
  if (!detail.data) {
    if (detail.url) return { url: new URL(detail.url, url).href };
    throw new Error(`${url}: the answer holds neither the file (data) nor where it is (url)`);
  }
  // base64 is 4 characters for 3 bytes: the decoded size is known before decoding.
  const size = Math.floor((detail.data.replace(/=+$/, '').length * 3) / 4);
  if (size > maxBytes)
    throw new Error(`${url}: too large: ${size} bytes once decoded, over the ${maxBytes}-byte limit`);
  const bytes = Buffer.from(detail.data, 'base64');
  const format = detail.fileDataFormat?.toLowerCase();
  const name = detail.fileName ?? `document.${format === 'pdf' ? 'pdf' : format === 'html' ? 'html' : 'txt'}`;
  return { bytes, name };
}

/** Room for the JSON around a file's base64 (4 characters per 3 bytes). */
const WRAPPER_SLACK = 2 ** 20;

/**
 * Fetches a document endpoint's DocumentFileDetail and stores the file inside it. The endpoints
 * answer 404 or 500 for a session or document without that file: said once, not retried.
 */
export async function downloadWrapped(
  url: string,
  dir: string,
  policy: HttpPolicy,
  dispatcher: Agent,
): Promise<Downloaded> {
  let text: string;
  try {
    text = await getText(url, policy, dispatcher, Math.ceil((policy.maxBytes * 4) / 3) + WRAPPER_SLACK);
  } catch (err) {
    if (err instanceof FetchFailure && (err.status === 404 || err.status === 500))
      throw new FetchFailure(`HTTP ${err.status}: the Committees API has no such document`, { retryable: false });
    throw err;
  }
  let file: ReturnType<typeof unwrapDocument>;
  try {
    file = unwrapDocument(text, url, policy.maxBytes);
  } catch (err) {
    throw new FetchFailure(err instanceof Error ? err.message : String(err), { retryable: false });
  }
  if ('url' in file) {
    const at = new URL(file.url);
    if (!policy.allowsHost(at.host))
      throw new FetchFailure(`the file is at ${at.host}, which the manifest does not allow`, { retryable: false });
    return download(at.href, dir, policy, dispatcher, null);
  }
  return storeBytes(file.bytes, dir, file.name, url);
}
