/** What the domain extractors find in a document; field names follow the export contract. */

/** How a finding was found: the rule (cue or recogniser) that produced it, and how sure it is, 0–1. */
export interface Scored {
  rule: string;
  confidence: number;
}

export type QuoteKind = 'testimony' | 'statement' | 'evidence';

export interface Quote extends Scored {
  page: number | null;
  /** The quoted words, verbatim, white space collapsed, without the enclosing quote marks. */
  text: string;
  speaker: string | null;
  /** Normalised: PO, PSO, SPO, "NPS senior official", "Chief Executive", ... */
  role: string | null;
  /** Normalised: CRC, NPS, HMPPS, "Howard League for Penal Reform", ... */
  organisation: string | null;
  kind: QuoteKind;
  /** Oral evidence: the question number the turn falls under, "Q66". */
  question: string | null;
  /** The attribution as printed: "(PSO, CRC)", "Frances Crook, Chief Executive of ...". */
  attribution: string | null;
}

export type RatingValue = 'outstanding' | 'good' | 'requires improvement' | 'inadequate';

export interface Rating extends Scored {
  page: number | null;
  /** The rated body ("Durham and Tees Valley CRC") or, for a count, the group ("CRC services"). */
  subject: string;
  /** "overall", or a standard or area: "through the gate", "2.1 Assessment". */
  aspect: string;
  rating: RatingValue;
  /** How many bodies, for an aggregate; null for one body's own rating. */
  count: number | null;
  /** How many bodies the count is out of, where the text says ("19 of 21"); else null. */
  total: number | null;
  /** The sentence or table row it was read from. */
  evidence: string;
  /** When the judgement was made, where the text says ("last year", "in our first round", "in 2019"); else null. */
  year: number | null;
}

export type FigureTopic = 'caseload' | 'workload' | 'funding' | 'staffing' | 'compliance' | 'other';
export type Qualifier = 'over' | 'under' | 'at least' | 'at most' | 'about' | 'exactly';

export interface Figure extends Scored {
  page: number | null;
  sentence: string;
  value: number;
  unit: string;
  qualifier: Qualifier | null;
  topic: FigureTopic;
  subject: string | null;
  /** The words the number was read from: "two thirds", "£822m". */
  phrase: string;
}

export interface Recommendation extends Scored {
  page: number | null;
  number: string | null;
  text: string;
  addressee: string | null;
  paragraph: string | null;
}

export type ResponseStatus = 'accepted' | 'partially accepted' | 'not accepted' | 'implemented';

/** One answer in a government response or Treasury Minute. */
export interface Response extends Scored {
  page: number | null;
  /** The number of the recommendation it answers, as printed. */
  number: string;
  /** The recommendation as the response quotes it, if it does. */
  recommendation: string | null;
  text: string;
  status: ResponseStatus | null;
}

/**
 * Passages a document gives as one person's own words (a signed foreword, a speech): the author's
 * text, not a quote, shown with its speaker when a passage in it is found.
 */
export interface Voice extends Scored {
  page: number | null;
  /** The first and last passage (block ordinals) in the voice. */
  opening: number;
  closing: number;
  speaker: string | null;
  role: string | null;
  organisation: string | null;
  /** What says who it is, as printed: the signature, or the speech's title. */
  signature: string;
}

export interface Findings {
  quotes: Quote[];
  ratings: Rating[];
  figures: Figure[];
  recommendations: Recommendation[];
  responses: Response[];
  voices: Voice[];
}

/** What extraction noticed about a document but could not use (see src/extract/messages.ts). */
export interface ExtractionMessage {
  page: number | null;
  /** The extractor or rule that noticed it: "quotes.unattributed", "ratings.table", "evidence". */
  rule: string;
  text: string;
}

export const NO_FINDINGS: Findings = {
  quotes: [],
  ratings: [],
  figures: [],
  recommendations: [],
  responses: [],
  voices: [],
};
