/**
 * Where figures about probation come from when they are not England and Wales's own: the documents
 * compare with other countries ("from 4.7 in Norway to 240 in Greece") and with European statistics.
 * A caseload stated for another jurisdiction, or as a ratio across a whole service, is another
 * measure from a practitioner's caseload here, and is charted apart from it.
 */
export const OTHER_JURISDICTIONS = [
  'Scotland',
  'Northern Ireland',
  'Ireland',
  'Norway',
  'Sweden',
  'Denmark',
  'Finland',
  'Netherlands',
  'Germany',
  'France',
  'Spain',
  'Italy',
  'Greece',
  'Portugal',
  'Belgium',
  'Europe',
  'European',
  'Council of Europe',
  'United States',
  'USA',
  'America',
  'Canada',
  'Australia',
  'New Zealand',
];

/** Words that make a number of cases a ratio or an average across a service, not one person's caseload. */
export const RATIO_CUES = ['ratio', 'per staff member', 'per member of staff', 'on average across'];
