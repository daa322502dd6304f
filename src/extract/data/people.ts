/**
 * The one vocabulary of people that figures are about: who a share, a count or a group is of. Staff make a share a
 * staffing figure, people on probation or leaving prison a compliance figure; anyone counted under supervision is
 * a caseload. Every pattern of the figure extractors over people is built from these lists.
 */
export const STAFF = [
  'staff',
  'practitioners',
  'practitioner',
  'officers',
  'officer',
  'POs',
  'PO',
  'PSOs',
  'PSO',
  'SPOs',
  'SPO',
  'managers',
  'manager',
  'leaders',
  'leader',
  'employees',
  'workers',
  'professionals',
];

/** Staff as one body: a share of it is of staff, but it names no group ("the Workforce Bulletin"). */
export const STAFF_AS_A_BODY = ['workforce'];

/** People on probation or leaving prison, by the nouns for them. */
export const SERVICE_USERS = ['service users', 'offenders', 'probationers', 'prison leavers', 'prison-leavers'];

/** People in prison: a group of their own, but no share of them is one of people on probation. */
export const PRISONERS = ['prisoners'];

/** Longer ways of naming people on probation: "people under supervision", "those serving community sentences". */
export const SERVICE_USER_PHRASES = [
  'people on probation',
  'people under probation',
  'people under supervision',
  'individuals under supervision',
  'those on probation',
  'those under probation',
  'those under supervision',
  'those serving',
  'people serving',
];

/** People with no word for which side of probation they are on. */
export const ANYONE = ['people', 'persons', 'adults', 'individuals', 'young people'];

/** People who answered a survey: a share of them is of people, a count of them a sample. */
export const RESPONDENTS = ['respondents'];

/**
 * Words in -ing that name a kind of people ("existing staff", "serving prisoners"); any other -ing word opening a
 * group after a preposition or conjunction is a verb acting on the group ("to keeping people safe").
 */
export const PEOPLE_ING_WORDS = [
  'existing',
  'remaining',
  'serving',
  'offending',
  'reoffending',
  'incoming',
  'outgoing',
  'visiting',
  'leading',
  'practising',
  'supervising',
  'managing',
  'qualifying',
  'participating',
  'responding',
  'working',
];

/** Words that narrow an officer without being a modifier of their own: "probation officers", "responsible officers". */
export const OFFICER_KINDS = ['probation', 'responsible', 'parole', 'custodial', 'community'];

/** Every noun a group of people is named by. */
export const PEOPLE = [...STAFF, ...SERVICE_USERS, ...PRISONERS, ...ANYONE];
