import type { FigureTopic } from '../../findings.js';

/**
 * Words that say what a number measures, strongest first: a clause about workloads or the
 * WMT is about workload even when it counts cases. Checked on the clause holding the number,
 * then its sentence, then the sentence before.
 */
export const TOPIC_KEYWORDS: Array<[FigureTopic, RegExp]> = [
  ['workload', /\bworkloads?\b|\bWMT\b|\bcapacity\b|\bstress(?:ed|ful)?\b|\b(?:non-)?(?:attributable|effective) time\b|\bhours? (?:worked|a week)\b/i],
  ['compliance', /\bcompl(?:y|ied|ying|iance)\b|\bbreach(?:es|ed)?\b|\benforcement\b|\bnon-compliance\b/i],
  ['caseload', /\bcaseloads?\b|\bcases\b|\bthe case\b|\bsupervis(?:ed|ing)\b|\bmanaged by probation\b|\bprobationers\b/i],
  ['staffing', /\bstaff(?:ing)?\b|\bvacanc(?:y|ies)\b|\bturnover\b|\babsen(?:t|ces?)\b|\bagency\b|\brecruit/i],
];

/** Whom a share is of: a share of cases, inspections or bodies is not a figure about people. */
export const PEOPLE_NOUNS =
  /^(?:the\s+|our\s+|these\s+|those\s+)?(?:[\w-]+\s+){0,3}(?:staff|practitioners?|officers?|POs|PSOs|SPOs|managers?|leaders?|workers?|people|service users|offenders|probationers|prisoners|respondents|employees|professionals|whom|them|us)\b/i;
export const NON_PEOPLE_NOUNS = /^(?:the\s+|our\s+)?(?:[\w-]+\s+){0,2}(?:cases|inspections|standards|services|CRCs|reports|recommendations|areas|providers|divisions|capacity|budget|time)\b/i;

/** Where a bare number is a caseload: "caseload of 50", "cases per officer", "ratio of probationers per staff member". */
export const CASELOAD_ANCHOR = /\bcaseloads?\b|\bcases\b|\bprobationers per\b|\bcases per\b|\bper (?:individual )?(?:staff member|officer|practitioner)\b/gi;
/** Where a bare number counts people on probation: "the number of post-release service users ...". */
export const PEOPLE_ANCHOR = /\bnumber of (?:[\w-]+\s+){0,2}(?:service users|offenders|people|probationers)\b/gi;
