import { MAJESTY } from './roles.js';

/**
 * Bodies that publish the documents report-miner reads: how each names itself on a cover,
 * and the name recorded for it. First match on the cover wins, so specific names come first.
 */
export interface PublisherEntry {
  name: string;
  pattern: RegExp;
  /** Whether its documents are parliamentary (committee reports, evidence). */
  parliamentary: boolean;
}

/** A parliamentary committee as a cover names it: "House of Lords Justice and Home Affairs Committee". */
export const COMMITTEE_ON_COVER =
  /\bHouse of (?:Commons|Lords) +((?!House\b)(?:[A-Z][\w’'-]* +(?:and +|of +|on +)?){1,6}Committee)\b/;

export const PUBLISHERS: PublisherEntry[] = [
  {
    name: 'House of Commons Committee of Public Accounts',
    pattern: /\b(?:Committee of Public Accounts|Public Accounts Committee)\b/i,
    parliamentary: true,
  },
  { name: 'House of Commons Justice Committee', pattern: /\bJustice (?:Select )?Committee\b/i, parliamentary: true },
  {
    name: 'House of Lords Justice and Home Affairs Committee',
    pattern: /\bJustice and Home Affairs Committee\b/i,
    parliamentary: true,
  },
  { name: 'House of Lords', pattern: /\bHouse of Lords\b/i, parliamentary: true },
  {
    name: 'HM Inspectorate of Probation',
    pattern: new RegExp(String.raw`\b${MAJESTY} Inspectorate of Probation\b|\bHMI Probation\b`, 'i'),
    parliamentary: false,
  },
  {
    name: 'HM Inspectorate of Prisons',
    pattern: new RegExp(String.raw`\b${MAJESTY} Inspectorate of Prisons\b|\bHMI Prisons\b`, 'i'),
    parliamentary: false,
  },
  { name: 'National Audit Office', pattern: /\bNational Audit Office\b/i, parliamentary: false },
  {
    name: 'HM Prison and Probation Service',
    pattern: new RegExp(String.raw`\b${MAJESTY} Prison (?:and|&) Probation Service\b`, 'i'),
    parliamentary: false,
  },
  { name: 'Ministry of Justice', pattern: /\bMinistry of Justice\b/i, parliamentary: false },
];

/** Document types by what a title says, checked in order. */
export const TYPES_BY_TITLE: Array<[RegExp, string]> = [
  [/\boral evidence\b/i, 'oral-evidence'],
  // A committee's news of a publication: "Government Response to Transforming Rehabilitation: Follow-up published".
  [/\bpublished(?:\s+today)?$/i, 'press-release'],
  [/\bgovernment(?:'s|’s)? response\b|\btreasury minutes?\b/i, 'government-response'],
  [/\bpress (?:release|notice)\b/i, 'press-release'],
  // A headline's news of a chief inspector or a committee: "Chief Inspector announces dynamic inspection of …",
  // "Chief Inspector calls for an independent review …", "Justice Committee publishes Government's interim response".
  [
    /^(?:(?:HM\s+)?Chief\s+Inspector(?:\s+of\s+[A-Z]\w+)?|(?:The\s+)?(?:[A-Z][\w’'-]*\s+){1,4}Committee)\s+(?:announces|calls|welcomes|publishes|warns|launches|urges|says|finds|raises|questions)\b/,
    'press-release',
  ],
  // A report's own title starts with its name ("HM Inspectorate of Probation Annual Report 2014-15"); a headline
  // speaks of it further on ("Chief Inspector calls for a review, publishing his final annual report").
  [/^(?:[\w’'-]+\s+){0,5}annual report\b/i, 'annual-report'],
  [/\bthematic\b/i, 'thematic'],
  [/\bresearch\b|\bbulletin\b|\bacademic insights?\b/i, 'research'],
  // "An inspection of probation services in Suffolk", "Inspection report": a report's title opens with its name. A
  // headline speaks of one further on ("– inspection finds", "Chief Inspector announces dynamic inspection of …").
  [/^(?:an?\s+)?(?:[\w-]+\s+){0,2}?inspection (?:of|report)\b/i, 'inspection'],
  [/\bspeech\b/i, 'other'],
];

/** A publishing told as today's news: "Today she published the report of a recent inspection". */
const TODAY_PUBLISHED = String.raw`\b[Tt]oday\s+(?:he|she|it|they|we)\s+published\b`;

/**
 * What a committee's report carries and its news does not: a paper number and session, the House's order to print,
 * its conclusions, numbered paragraphs ("36.", an annex's "1)"), or its words for itself ("this Report", "In this Chapter",
 * "This annex summarises").
 */
export const REPORT_MARKERS =
  /\bReport of Session\b|\bHC \d+|\bHL Paper \d+|\bOrdered by the House\b|\bConclusions and recommendations\b|\b(?:this|our) (?:report|chapter|annex)\b|^\d{1,3}[.)]\s?[A-Z]/im;

/** Names of websites that end a page's title after the publisher's or instead of it ("… - Committees - UK Parliament"). */
export const SITE_NAMES = ['UK Parliament', 'Committees', 'GOV.UK', 'Hansard', 'Parliament'];

/**
 * An inspectorate speaking of itself: "the Inspectorate publishes its annual report" (capitalised, as its own name),
 * or of its chief's publishing: "said Dame Glenys Stacey, HM Chief Inspector of Probation. Today she published the report".
 */
export const OWN_VOICE = new RegExp(String.raw`\b[Tt]he Inspectorate\b|${TODAY_PUBLISHED}`);

/**
 * A report's release told as done, in the third person: "The Chief Inspector of Probation, Dame Glenys Stacey, has
 * released her final annual report", "HMI Probation have published a report summarising the findings".
 */
export const RELEASE_TOLD =
  /\b(?:has|have)\s+(?:just\s+)?(?:released|published)\s+(?:her|his|its|their|a|an|the)\s+(?:[\w’'-]+\s+){0,4}report\b/i;

/**
 * A chief inspector quoted in the third person: "said Dame Glenys Stacey, HM Chief Inspector of Probation", "Chief
 * Inspector of Probation Justin Russell said:", "Martin Jones, Chief Inspector of Probation, said:".
 */
export const CHIEF_QUOTED =
  /\b(?:said|says|added)\s+(?:(?:Dame|Sir|Mr|Ms|Mrs|Dr)\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?,\s+(?:the\s+)?(?:HM\s+|H(?:er|is) Majesty[’']s\s+)?Chief Inspector\b|\bChief (?:Inspector(?: of (?:Probation|Prisons))?|[Pp]robation [Ii]nspector)(?:,)?\s+(?:(?:Dame|Sir|Mr|Ms|Dr)\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?,?\s+(?:said|says|added)\b|\bChief Inspector of (?:Probation|Prisons),\s+(?:said|says|added)\b/;

/** The line a press office's page carries above or beside its title. */
export const PRESS_OFFICE_PAGE = /\bpress releases?\b|\bnews releases?\b/i;

/** How a document describes itself in its opening pages ("This bulletin examines ..."). */
export const TYPES_BY_SELF_DESCRIPTION: Array<[RegExp, string]> = [
  // A page of a press office or a news story about a report: "Home › Media › Press releases", "a report published today",
  // "according to the report published by HM Chief Inspector of Probation", "The Public Accounts Committee report concludes".
  [/\bpress releases?\b|\bnews release\b/i, 'press-release'],
  [
    /\b(?:report|inspection|findings)\s+(?:published|released)\s+today\b|\baccording\s+to\s+(?:a|the)\s+(?:new\s+|latest\s+)?(?:inspection\s+)?report\s+published\b|\b(?:published|released)\s+(?:its|a|the)\s+[\w\s]{0,40}?report\s+today\b|\btoday\s+\(\d{1,2}\s+[A-Z][a-z]+\)\s+published\b/i,
    'press-release',
  ],
  // A report's publication told as news, as it happens: "as the Inspectorate publishes its annual report", "Today he
  // published HM Inspectorate of Probation’s annual report" (a report tells of others' reports in the past tense).
  [
    new RegExp(
      String.raw`\bpublishes\s+(?:its|his|her|their|the|a)\s+(?:[\w’'-]+\s+){0,4}report\b|${TODAY_PUBLISHED}\s+(?:[\w’'-]+\s+){0,6}report\b`,
      'i',
    ),
    'press-release',
  ],
  [
    /\bThe\s+(?:[A-Z][\w’'-]*\s+)*Committee[’']?s?\s+report\s+(?:concludes|finds|found|says|warns|calls|recommends)\b/,
    'press-release',
  ],
  // News of an inspection, in the third person: "has received an overall rating of ‘Inadequate’ following an
  // inspection by His Majesty’s Inspectorate of Probation", "A national inspection by HM Inspectorate of Probation has
  // examined", "were separately inspected by HM Inspectorate of Probation". A report says "this inspection" or "we".
  [
    new RegExp(
      String.raw`\b(?:an?|its|their|following)\s+(?:[\w-]+\s+)?inspections?\s+by\s+${MAJESTY}\s+Inspectorate\b|\binspected\s+by\s+${MAJESTY}\s+Inspectorate\b`,
      'i',
    ),
    'press-release',
  ],
  [/\bthis (?:research )?(?:bulletin|research|study|paper)\b/i, 'research'],
  [/\bthis thematic\b/i, 'thematic'],
  [/\b(?:this|our) (?:annual report)\b/i, 'annual-report'],
  [/\bthis inspection\b/i, 'inspection'],
];

/** A committee as its members' organisation: "House of Commons Justice Committee" → "Justice Committee". */
export function committeeShortName(name: string): string {
  return name.replace(/^House of (?:Commons|Lords)\s+/, '');
}

/** "the Committee" a text names, where its publisher is that committee: "Bob Neill MP, Chair of the Committee". */
export function namedCommittee(organisation: string | null, publisher: string | null): string | null {
  if (!organisation || !/^(?:the\s+)?Committee$/i.test(organisation.trim())) return organisation;
  return publisher && /\bCommittee\b/.test(publisher) ? committeeShortName(publisher) : organisation;
}
