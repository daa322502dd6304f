/**
 * The vocabulary of who speaks in these documents: staff grades as inspection reports print
 * them in brackets, job titles in prose, and organisations, each with the form recorded.
 */

/** Staff grades and roles, as bracketed after testimony: (PSO, CRC), (NPS senior official); and those they supervise. */
export const STAFF_ROLES: Array<[RegExp, string]> = [
  [/^(?:SPOs?|senior probation officers?)$/i, 'SPO'],
  [/^(?:PSOs?|probation services? officers?)$/i, 'PSO'],
  [/^(?:POs?|probation officers?|probation practitioners?)$/i, 'PO'],
  [/^(?:ACOs?|assistant chief officers?)$/i, 'ACO'],
  [/^(?:responsible officers?|ROs?)$/i, 'responsible officer'],
  [/^(?:offender managers?|OMs?)$/i, 'offender manager'],
  [/^(?:case managers?)$/i, 'case manager'],
  [/^(?:middle managers?|line managers?|managers?)$/i, 'manager'],
  [/^(?:(?:CRC|NPS|HMPPS) )?(?:senior (?:leaders?|officials?|managers?)|leaders?|officials?)$/i, ''],
  [/^(?:trainees?|PQiPs?|trainee probation officers?)$/i, 'trainee'],
  [/^(?:(?:case )?administrators?|admin(?:istrative)? staff)$/i, 'administrator'],
  [/^(?:practitioners?|staff members?)$/i, 'practitioner'],
  [/^staff$/i, 'staff'],
  // The people staff supervise, as inspection reports label their words too: "(Person on probation)", "(Service user)".
  [/^(?:person|people) on probation$/i, 'person on probation'],
  [/^service users?$/i, 'service user'],
];

/** "HM" as printed in full: "Her Majesty’s" until 2022, "His Majesty’s" since. */
export const MAJESTY = String.raw`(?:HM|H(?:er|is) Majesty['’]s)`;

/** Organisations, from acronyms to full names. */
export const ORGANISATIONS: Array<[RegExp, string]> = [
  [/^(?:CRCs?|community rehabilitation compan(?:y|ies))$/i, 'CRC'],
  [/^(?:NPS|national probation service)$/i, 'NPS'],
  [new RegExp(String.raw`^(?:HMPPS|${MAJESTY} Prison (?:and|&) Probation Service)$`, 'i'), 'HMPPS'],
  [/^(?:MoJ|Ministry of Justice)$/i, 'MoJ'],
  [
    new RegExp(String.raw`^(?:HMI Probation|HMIP|${MAJESTY} Inspectorate of Probation)$`, 'i'),
    'HM Inspectorate of Probation',
  ],
  [/^(?:YOTs?|YOS|youth offending (?:teams?|services?))$/i, 'YOT'],
  [/^(?:PDUs?|probation delivery units?)$/i, 'PDU'],
  [/^(?:YCS|Youth Custody Service)$/i, 'Youth Custody Service'],
  [/^(?:HMCTS|HM Courts (?:and|&) Tribunals Service)$/i, 'HMCTS'],
  [/^(?:NAO|National Audit Office)$/i, 'National Audit Office'],
  [/^(?:MTC|Management (?:and|&) Training Corporation)$/i, 'MTC'],
];

/** Words that make a capitalised name a body's, not a post's: "University of Glasgow", "Howard League for Penal Reform". */
export const BODY_NAME_WORDS =
  /\b(?:University|College|Trust|Council|Service|Company|Ltd|Limited|Centre|Center|League|Institute|Foundation|Association|Union|Office|Ministry|Department|Inspectorate|Committee|Board|Partnership|Charity|Network|Alliance|Society|Federation|Agency|Commission|Group)\b/;

/** Job titles written in prose ("Frances Crook, Chief Executive of ..."); longest first. */
export const TITLES = [
  'Chief Executive Officer',
  'Chief Executive',
  'CEO',
  'Chief Inspector of Probation',
  'Chief Inspector of Prisons',
  'Chief Inspector',
  'Permanent Secretary',
  'Second Permanent Secretary',
  'Secretary of State for Justice',
  'Secretary of State',
  'Justice Secretary',
  'Lord Chancellor',
  'Minister of State',
  'Minister',
  'Managing Director',
  'Director General',
  'Director',
  'General Secretary',
  'Deputy Director',
  'Chief Financial Officer',
  'Interim Chief Financial Officer',
  'Chair',
  'Chairman',
  'Chairwoman',
  'President',
  'Head',
  'Spokesperson',
  'spokesman',
  'spokeswoman',
  'Comptroller and Auditor General',
  'Chief Probation Officer',
  'Chief Probation Inspector',
].sort((a, b) => b.length - a.length);

/** Narrowing words that say how a post is held, printed in lower case as often as not: "interim Chief Inspector". */
export const TITLE_ADJECTIVES = [
  'National',
  'Deputy',
  'Interim',
  'Acting',
  'Assistant',
  'Shadow',
  'Regional',
  'Senior',
  'Joint',
  'Former',
  'Outgoing',
  'Incoming',
  'Executive',
  'Associate',
  'Vice',
  'Honorary',
];
/**
 * Words that narrow a title without naming a body: "National Chair", "Acting Chief Executive", "Prisons Minister".
 * Any other capitalised words before a title name the body it is held in ("Napo General Secretary").
 */
export const TITLE_QUALIFIERS = [
  ...TITLE_ADJECTIVES,
  'Prisons',
  'Probation',
  'Justice',
  'Crime',
  'Policing',
  'Courts',
  'Victims',
  'Home',
  'Finance',
  'Policy',
  'Operations',
];

/** Offices and the body they belong to: a speaker with the title speaks for the body where the title names it ("HM Chief Inspector of Probation") or the body publishes the document. */
export const OFFICES: Array<[RegExp, string]> = [
  [/\bChief Inspector of Probation\b|\bChief Probation Inspector\b/i, 'HM Inspectorate of Probation'],
  [/\bChief Inspector of Prisons\b/i, 'HM Inspectorate of Prisons'],
  [/\bComptroller and Auditor General\b/i, 'National Audit Office'],
];
/** A title that names its body: "HM Chief Inspector of ...", "His Majesty’s Chief Inspector of ...". */
const NAMES_ITS_BODY = new RegExp(String.raw`^${MAJESTY}\s`, 'i');

/** The body an office belongs to, where the title or the document's publisher says so. */
export function organisationOfOffice(role: string | null, publisher: string | null): string | null {
  if (!role) return null;
  const office = OFFICES.find(([re]) => re.test(role));
  if (!office) return null;
  return NAMES_ITS_BODY.test(role) || publisher === office[1] ? office[1] : null;
}

/** A title's words with their first letters in either case: "Chief Executive", "chief executive". */
const eitherCase = (title: string) =>
  title
    .split(' ')
    .map((w) => `[${w[0]!.toUpperCase()}${w[0]!.toLowerCase()}]${w.slice(1)}`)
    .join('\\s+');

/** Job titles as a pattern, with the "HM" some are printed with, capitalised or not. */
export const TITLE_PATTERN = String.raw`(?:then\s+)?(?:${MAJESTY}\s+)?(?:${TITLES.map(eitherCase).join('|')})`;

export function normaliseOrganisation(text: string): string | null {
  const trimmed = text.trim().replace(/^the\s+/i, '');
  const found = ORGANISATIONS.find(([re]) => re.test(trimmed));
  return found ? found[1] : null;
}

/** A staff role as printed ("PSOs", "NPS senior official") in its recorded form, or null. */
export function normaliseStaffRole(text: string): string | null {
  const trimmed = text.trim().replace(/^(?:a|an|one|the)\s+/i, '');
  const found = STAFF_ROLES.find(([re]) => re.test(trimmed));
  if (!found) return null;
  // Leaders and officials keep their own words, singular: "CRC senior leaders" → "CRC senior leader".
  return found[1] || trimmed.replace(/s$/, '');
}
