import type { FigureTopic } from '../../findings.js';
import { alternation, phrasePattern } from '../../text/patterns.js';
import { ANYONE, PEOPLE, RESPONDENTS, SERVICE_USER_PHRASES, SERVICE_USERS, STAFF, STAFF_AS_A_BODY } from './people.js';

/**
 * Words that say what a number measures, strongest first: a clause about workloads or the
 * WMT is about workload even when it counts cases. Checked on the clause holding the number,
 * then its sentence, then the sentence before.
 */
export const TOPIC_KEYWORDS: Array<[FigureTopic, RegExp]> = [
  [
    'workload',
    /\bworkloads?\b|\bWMT\b|\bcapacity\b|\bstress(?:ed|ful)?\b|\b(?:non-)?(?:attributable|effective) time\b|\bhours? (?:worked|a week)\b/i,
  ],
  ['compliance', /\bcompl(?:y|ied|ying|iance)\b|\bbreach(?:es|ed)?\b|\benforcement\b|\bnon-compliance\b/i],
  [
    'caseload',
    /\bcaseloads?\b|\bcases\b|\bthe case\b|\bsupervis(?:ed|ing)\b|\bmanaged by probation\b|\bprobationers\b/i,
  ],
  [
    'staffing',
    /\bstaff(?:ing)?\b|\bturnover\b|\babsen(?:t|ces?)\b|\bagency\b|\brecruit|\bin post\b|\bFTE\b|\bfull[- ]time equivalent\b|\bappointed\b|\bleft the service\b|\b(?<!prison[- ])leavers?\b|\bjoiners?\b|\bheadcount\b/i,
  ],
];

/** Whom a share is of: a share of cases, inspections or bodies is not a figure about people. */
export const PEOPLE_NOUNS = new RegExp(
  String.raw`^(?:the\s+|our\s+|these\s+|those\s+)?(?:[\w-]+\s+){0,3}(?:${alternation([...PEOPLE, ...RESPONDENTS, 'whom', 'them', 'us'])})\b`,
  'i',
);
export const NON_PEOPLE_NOUNS =
  /^(?:the\s+|our\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}(?:cases|inspections|standards|services|CRCs|reports|recommendations|areas|providers|divisions|capacity|budget|time|targets|measures|indicators)\b/i;

/** A share of capacity in a clause about workloads is a workload ("workloads of more than 120% of expected capacity"); elsewhere it is occupancy. */
export const CAPACITY_NOUN = /^(?:[\w-]+\s+){0,2}capacity\b/i;
export const WORKLOAD_WORDS = /\bworkloads?\b|\bWMT\b/i;

/** Where a bare number is a caseload: "caseload of 50", "cases per officer", "ratio of probationers per staff member". */
export const CASELOAD_ANCHOR =
  /\bcaseloads?\b|\bcases\b|\bprobationers per\b|\bcases per\b|\bper (?:individual )?(?:staff member|officer|practitioner)\b/gi;
/** Where a bare number counts people on probation: "the number of post-release service users ...". */
export const PEOPLE_ANCHOR = new RegExp(
  String.raw`\bnumber of (?:[\w-]+\s+){0,2}(?:${alternation([...SERVICE_USERS, 'people'])})\b`,
  'gi',
);

/** Verbs a share of a group named before goes on with: "three in ten were given workloads of more than 120%". */
export const SHARE_VERBS = ['were', 'are', 'had', 'have', 'said', 'told', 'reported', 'felt', 'thought', 'agreed'];

/** Shares of posts, not of people: "a vacancy rate of 29%" (but "had been in post for a year" is of people). */
export const SHARE_OF_POSTS = /\bvacanc(?:y|ies)\b|(?<!\bin\s)\bposts?\b(?!-)|\broles\b/i;

/** Whose share it is when no topic word says what it measures: staff make it staffing, people on probation compliance. */
export const STAFF_NOUNS = phrasePattern([...STAFF, ...STAFF_AS_A_BODY]);
export const SERVICE_USER_NOUNS = phrasePattern([...SERVICE_USERS, ...SERVICE_USER_PHRASES]);

/** Where a count of people is a count of people on probation: "224,000 people were under probation supervision". */
export const SUPERVISION_CUE =
  /\bsupervis(?:ion|ed|es|ing)\b|\bunder probation\b|\bon probation\b|\bprobation (?:support|caseload|services?)\b|\bmanaged by\b|\bcaseloads?\b/i;
/** People counted: "people", "low and medium-risk offenders", "adults", "individuals". */
export const PEOPLE_COUNTED = new RegExp(
  String.raw`^\s+((?:[\w-]+\s+){0,4}?(?:${alternation([...SERVICE_USERS, ...ANYONE])}))\b`,
  'i',
);
/**
 * Cases an inspection read: a share of them judges the work ("sufficient in only 35 per cent of cases we inspected"),
 * it is no share of a caseload.
 */
export const INSPECTED_CASES =
  /\bcases\s+(?:that\s+)?(?:we(?:[’']ve|\s+have|\s+had)?\s+|were\s+|had\s+been\s+)?(?:inspected|examined|reviewed|sampled|audited|looked at)\b|\b(?:inspected|sampled|audited)\s+cases\b/i;
/** A count of cases read for an inspection is a sample, not a caseload: "have analysed nearly 6,000 cases", "a review of 330 cases". */
export const SAMPLED =
  /\b(?:analysed|analyzed|inspected|examined|reviewed|sampled|assessed|read|looked at|audited|(?:review|analysis|sample|audit)\s+of)\s+(?:(?:a|the|some|nearly|almost|over|more than|around|about|approximately)\s+)*$/i;
