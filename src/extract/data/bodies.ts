/**
 * What the inspected bodies of probation are called, beyond the providers listed by name:
 * the kinds of body (their head nouns as printed) and the nouns a count of bodies is made of.
 */

/** Head nouns that end the name of one inspected body: "Hull and East Riding PDU", "Wales CRC". */
export const BODY_HEADS = [
  'Community Rehabilitation Company',
  'Probation Delivery Unit',
  'Youth Offending Team',
  'Youth Offending Service',
  'Youth Justice Service',
  'probation region',
  'NPS division',
  'region',
  'division',
  'CRC',
  'PDU',
  'YOT',
  'YOS',
];

/** Nouns a count of rated bodies (or of a body's rated standards) is made of: "six probation services", "19 CRCs". */
export const GROUP_HEADS = [
  'services',
  'service',
  'divisions',
  'division',
  'CRCs',
  'CRC',
  'companies',
  'company',
  'providers',
  'provider',
  'PDUs',
  'PDU',
  'regions',
  'region',
  'areas',
  'area',
  'YOTs',
  'YOT',
  'teams',
  'delivery units',
  'units',
  'NPS',
  'organisations',
  'standards',
  'aspects',
  'domains',
  // "only one of the 31 probation inspections ... was rated ‘Good’": a count of inspections is one of bodies rated.
  'inspections',
];

/** Group nouns that count a body's own standards rather than bodies: the rating's subject is the body. */
export const STANDARD_HEADS = ['aspects', 'domains'];

/** Words that refer back to the body a document is about: "the CRC’s work", "It is the first CRC ...". */
export const BACK_REFERENCE =
  /^(?:it|its|this (?:CRC|PDU|service|division|provider|company|region|area|YOT|team)|the (?:CRC|PDU|service|division|provider|company|region|YOT|team)(?:[’']s)?)$/i;
