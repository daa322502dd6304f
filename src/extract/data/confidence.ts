/**
 * How sure each rule is of what it finds, as transparent weights: the share of its findings a
 * reader would accept, judged on both development sets (fixtures and real documents). A finding
 * carries the weight of the rule that produced it, lowered by what makes it doubtful (a quote cut
 * off by the end of the copy, a rating whose word was "this rating").
 */
export const RULE_CONFIDENCE = {
  // Quotes: who said it, by how it is attributed.
  'quote.bracket': 0.95,
  'quote.citation': 0.85,
  'quote.named': 0.9,
  'quote.pronoun': 0.8,
  'quote.staff': 0.85,
  'quote.title': 0.7,
  'quote.group': 0.75,
  'quote.body': 0.75,
  'quote.back-reference': 0.7,
  'quote.block': 0.7,
  'quote.continued': 0.75,
  // A short phrase someone named a thing with ("what one inspector called “utter incompetence”"): listed and
  // searchable, but below the export's threshold, as the annotation rules leave short phrases out of quotes.
  'quote.phrase': 0.4,
  'evidence.turn': 0.95,
  'evidence.unlisted-member': 0.85,
  // Ratings.
  'rating.table': 0.95,
  'rating.count': 0.9,
  'rating.breakdown': 0.85,
  'rating.from-to': 0.85,
  'rating.named-body': 0.85,
  'rating.document-body': 0.7,
  'rating.rated-phrase': 0.7,
  // Figures.
  'figure.money': 0.95,
  'figure.share': 0.9,
  'figure.cases': 0.85,
  'figure.people': 0.75,
  // Recommendations.
  'recommendation.labelled': 0.95,
  'recommendation.we-recommend': 0.95,
  'recommendation.body-should': 0.9,
  'recommendation.list-item': 0.85,
  'recommendation.refers-back': 0.75,
  'recommendation.named-body': 0.7,
  // Government responses.
  'response.answer': 0.85,
  // Voices: a signature under a foreword names its author plainly; a speech's title may name an office only.
  'voice.signed': 0.9,
  'voice.speech': 0.85,
} as const;

export type RuleName = keyof typeof RULE_CONFIDENCE;

/** What lowers a finding's confidence below its rule's. */
export const DOUBT = {
  /** The copy stops inside the quotation: its end is the copy's, not the speaker's. */
  cutOff: 0.1,
  /** A rating read from "this rating" or "the same rating": the scale word stands in another clause. */
  ratingByReference: 0.1,
  /** A figure whose topic no word says: it may measure something out of scope. */
  topicUnknown: 0.2,
} as const;

/** A rule's finding, with its confidence lowered by the doubts given (never below zero). */
export function scored(rule: RuleName, ...doubts: number[]): { rule: RuleName; confidence: number } {
  const confidence = doubts.reduce((c, d) => c - d, RULE_CONFIDENCE[rule]);
  return { rule, confidence: Math.max(0, Math.round(confidence * 100) / 100) };
}
