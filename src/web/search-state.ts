/**
 * A search page's whole state as URL parameters, so a search can be bookmarked and shared:
 * parsed with zod at the edge, turned back into links for tabs, facets and pages.
 */
import { z } from 'zod';
import { MAX_FILTER_LENGTH } from '../query/filters.js';
import { MAX_QUERY_LENGTH } from '../query/search-core.js';

export const KINDS = ['passages', 'quotes', 'recommendations', 'figures', 'ratings'] as const;
export type Kind = (typeof KINDS)[number];

/** Hits a page shows. */
export const PAGE_SIZE = 20;

const name = z.string().trim().min(1).max(MAX_FILTER_LENGTH).optional();

/** The facets a person can narrow by: URL parameter → label. */
export const FACET_LABELS = {
  publisher: 'Publisher',
  type: 'Document type',
  year: 'Year',
  role: 'Role',
  organisation: 'Organisation',
  quote_kind: 'Kind of quote',
  addressee: 'Addressee',
  provider: 'Provider',
  subject: 'Subject',
  topic: 'Topic',
  aspect: 'Aspect',
  rating: 'Rating',
} as const;
export type FacetName = keyof typeof FACET_LABELS;

/** Which facets each kind of result has. */
export const KIND_FACETS: Record<Kind, FacetName[]> = {
  passages: ['publisher', 'type', 'year'],
  quotes: ['role', 'organisation', 'quote_kind', 'publisher', 'type', 'year'],
  recommendations: ['addressee', 'publisher', 'type', 'year'],
  figures: ['topic', 'subject', 'year'],
  ratings: ['provider', 'aspect', 'rating', 'year'],
};

export const searchStateSchema = z.object({
  q: z.string().max(MAX_QUERY_LENGTH, `at most ${MAX_QUERY_LENGTH} characters`).default(''),
  kind: z.enum(KINDS, { error: `one of ${KINDS.join(', ')}` }).default('passages'),
  page: z.coerce
    .number({ error: 'a page number' })
    .int('a page number')
    .min(1, 'pages start at 1')
    .max(100_000)
    .default(1),
  publisher: name,
  type: name,
  year: z
    .string()
    .regex(/^\d{4}$/, 'a four-digit year')
    .optional(),
  role: name,
  organisation: name,
  quote_kind: z.enum(['testimony', 'statement', 'evidence']).optional(),
  addressee: name,
  provider: name,
  subject: name,
  topic: z.enum(['caseload', 'workload', 'funding', 'staffing', 'compliance', 'other']).optional(),
  aspect: name,
  rating: z.enum(['outstanding', 'good', 'requires improvement', 'inadequate']).optional(),
});
export type SearchState = z.output<typeof searchStateSchema>;

/** A bad parameter in a page's URL: a 400 with one line saying which and why. */
export class BadRequest extends Error {}

/** The state of a URL's query parameters; unknown parameters are ignored, bad ones refused. */
export function parseSearchState(params: Record<string, string>): SearchState {
  const parsed = searchStateSchema.safeParse(params);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new BadRequest(`bad parameter ${issue.path.join('.') || '(none)'}: ${issue.message}`);
  }
  return parsed.data;
}

/** The URL of `path` with `state` changed by `change` (undefined removes a parameter); the page goes back to 1 unless given. */
export function linkTo(
  path: string,
  state: SearchState,
  change: Partial<Record<keyof SearchState, string | number | undefined>>,
): string {
  const next: Record<string, string | number | undefined> = { ...state, page: undefined, ...change };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(next)) {
    if (
      value === undefined ||
      value === '' ||
      (key === 'kind' && value === 'passages') ||
      (key === 'page' && value === 1)
    )
      continue;
    params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** The facets of `state` that are set and apply to its kind: what is narrowing the results. */
export function activeFacets(state: SearchState): Array<[FacetName, string]> {
  return KIND_FACETS[state.kind].flatMap((f) => (state[f] === undefined ? [] : [[f, state[f]] as [FacetName, string]]));
}
