import fs from 'node:fs';
import { z } from 'zod';

const regex = z.string().refine((s) => {
  try {
    new RegExp(s);
    return true;
  } catch {
    return false;
  }
}, 'not a valid regular expression');

/** Metadata the manifest knows about a document, used where the document itself is silent. */
export const documentHints = z
  .object({
    title: z.string().optional(),
    publisher: z.string().optional(),
    type: z.string().optional(),
    published: z
      .string()
      .regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'a date as YYYY, YYYY-MM or YYYY-MM-DD')
      .optional(),
    /** A committee paper's number ("HC 482"), its inquiry, and for a response the title of the report it answers. */
    paperNumber: z.string().optional(),
    business: z.string().optional(),
    answers: z.string().optional(),
  })
  .strict();

/** What the crawler fetches: http and https only (file:, data:, javascript: and ftp: are refused when the manifest is read). */
export const webUrl = z.url({ protocol: /^https?$/, error: 'expected an http or https URL' });

const documentSource = documentHints.extend({ url: webUrl }).strict();
const listingSource = z
  .object({
    listing: webUrl,
    /** Links to documents: a pattern their URL matches. */
    follow: regex,
    /** Links to further listing pages (pagination: "?paged=2"), read up to `maxPages` listing pages in all. */
    pages: regex.optional(),
    maxPages: z.number().int().min(1).max(500).default(20),
    /** Links to landing pages (one per inspection), each read once for its documents' links and its date. */
    landing: regex.optional(),
  })
  .strict();
const committeeSource = z
  .object({
    committee: z.number().int().positive(),
    api: webUrl.default('https://committees-api.parliament.uk/api'),
    /** How many oral-evidence sessions to take, newest first (0: none). */
    sessions: z.number().int().min(0).max(1000).default(30),
    /** Publication types wanted, by name ("Report", "Government Response") or id (/api/PublicationType lists them). */
    publicationTypes: z.array(z.union([z.number().int().positive(), z.string().min(1)])).default([]),
    /** How many of those publications to take, newest first. */
    publications: z.number().int().min(0).max(1000).default(30),
  })
  .strict();

export const manifestSchema = z
  .object({
    /** Where a site owner can reach whoever runs the crawler; goes into the User-Agent. */
    contact: z.url(),
    userAgent: z.string().optional(),
    /** Hosts redirects may lead to, besides each source's own. */
    allowHosts: z.array(z.string()).default([]),
    /** Hosts allowed to resolve to private or loopback addresses (tests on 127.0.0.1). */
    allowPrivateHosts: z.array(z.string()).default([]),
    perHost: z
      .object({ concurrency: z.number().int().min(1).default(2), intervalMs: z.number().int().min(0).default(1000) })
      .strict()
      .default({ concurrency: 2, intervalMs: 1000 }),
    maxBytes: z
      .number()
      .int()
      .positive()
      .default(100 * 2 ** 20),
    timeouts: z
      .object({
        connectMs: z.number().int().positive().default(10_000),
        bodyMs: z.number().int().positive().default(120_000),
      })
      .strict()
      .default({ connectMs: 10_000, bodyMs: 120_000 }),
    retries: z.number().int().min(0).max(10).default(4),
    /** First wait between tries; it doubles, with jitter. */
    backoffMs: z.number().int().min(0).default(1000),
    sources: z.array(z.union([documentSource, listingSource, committeeSource])),
  })
  .strict();

export type Manifest = z.output<typeof manifestSchema>;
export type DocumentSource = z.output<typeof documentSource>;
export type ListingSource = z.output<typeof listingSource>;
export type CommitteeSource = z.output<typeof committeeSource>;
export type DocumentHints = z.output<typeof documentHints>;

export class ManifestError extends Error {}

/** Reads and checks a sources manifest; a bad entry is named by its place: "sources[3].url: Invalid URL". */
export function loadManifest(file: string): Manifest {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ManifestError(
      `${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `not valid JSON (${(err as Error).message})`}`,
    );
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
      .join('')
      .replace(/^\./, '');
    throw new ManifestError(`${file}: ${where || 'manifest'}: ${issue.message}`);
  }
  return parsed.data;
}
