import type { DocumentContext } from './context.js';
import { BODY_HEADS } from './data/bodies.js';
import { normaliseOrganisation } from './data/roles.js';
import { providersIn } from '../domain/providers.js';
import { alternation } from '../text/patterns.js';

export interface BodyMention {
  name: string;
  index: number;
  /** Where the mention ends in the text, its bracketed short name included. */
  end: number;
  /** Whether the name is one of the recorded providers, or only looks like a body's name. */
  known: boolean;
}

/** A capitalised word of a name, but not a head noun: "Lambeth PDU, Ealing PDU" are two bodies, not one. */
const NAME_WORD = String.raw`(?!(?:${alternation(BODY_HEADS)})\b)[A-Z][\p{L}’'-]*`;
/** Capitalised words (with "and", "of", "the" and commas between them) ending in a body's head noun, with an acronym in brackets. */
const OPEN_BODY = new RegExp(
  String.raw`\b${NAME_WORD}(?:(?:,\s+|\s+(?:and|of|the|&)\s+|\s+)${NAME_WORD})*\s+(?:${alternation(BODY_HEADS)})\b(?:\s+\([A-Z][A-Za-z ]{1,20}\))?`,
  'gu',
);
/** A part of a body that is named with its owner: "NPS South West division". */
const SUB_UNIT = /\b(?:division|region|area)$/i;
const POSSESSIVE = /[’']s\s+(?!.*[’']s\s)/u;
const SHORT_NAME = /^\s*\(([A-Z][A-Za-z]{1,8}(?:\s+(?:CRC|PDU))?)\)/;
/** Capitalised words that start a sentence or name something other than a place. */
const NOT_A_PLACE =
  /^(?:The|the|A|An|This|That|Each|Every|Our|Its|Their|All|Both|Neither|Either|Inspectors?|HM|HMI|Probation|National|Chief|Community)\s+/;

/** Bodies named in a text, known providers first where both start at one place, in order. */
export function bodiesIn(text: string): BodyMention[] {
  const known = providersIn(text).map((p) => {
    // "... Community Rehabilitation Company (DLNR CRC)": the short name the document goes on to use is kept with the recorded one.
    const bracket = SHORT_NAME.exec(text.slice(p.index + p.printed.length));
    const short = bracket?.[1];
    return {
      name: short && !p.name.includes(short) ? `${p.name} (${short})` : p.name,
      index: p.index,
      end: p.index + p.printed.length + (bracket?.[0].length ?? 0),
      known: true,
    };
  });
  const open: BodyMention[] = [];
  for (const m of text.matchAll(OPEN_BODY)) {
    let name = m[0];
    let index = m.index;
    // "The National Probation Service’s South West division": the division, with its owner's short name where it has one.
    const possessive = POSSESSIVE.exec(name);
    if (possessive) {
      const owner = normaliseOrganisation(name.slice(0, possessive.index));
      index += possessive.index + possessive[0].length;
      name = name.slice(possessive.index + possessive[0].length);
      if (owner && SUB_UNIT.test(name)) name = `${owner} ${name}`;
    }
    // "Inspectors visited Hull PDU": drop leading words that are not part of the name.
    while (NOT_A_PLACE.test(name)) {
      const cut = NOT_A_PLACE.exec(name)![0].length;
      name = name.slice(cut);
      index += cut;
    }
    if (/\s/.test(name) && !known.some((k) => Math.abs(k.index - index) < name.length))
      open.push({ name, index, end: m.index + m[0].length, known: false });
  }
  return [...known, ...open].sort((a, b) => a.index - b.index);
}

/**
 * The body a document is about: one named in its title, else the first named in its opening
 * paragraphs. Known providers are preferred; a body that only looks like one still counts.
 */
export function focalBody(title: string | null, opening: string[]): string | null {
  for (const text of [title ?? '', ...opening]) {
    const found = bodiesIn(text);
    if (found.length) return (found.find((b) => b.known) ?? found[0]!).name;
  }
  return null;
}

/** Between two bodies of one list: "Lambeth PDU, Ealing PDU and Croydon PDU". */
const LIST_JOIN = /^\s*(?:,\s*(?:and\s+)?|and\s+|&\s+)(?:the\s+)?$/;

/** The bodies a text names as one list from its first, in order: "Nottingham City PDU and Nottinghamshire PDU". */
export function listedBodies(text: string, bodies: BodyMention[]): BodyMention[] {
  const list = bodies.slice(0, 1);
  for (const next of bodies.slice(1)) {
    const last = list[list.length - 1]!;
    if (next.index < last.end || !LIST_JOIN.test(text.slice(last.end, next.index))) break;
    list.push(next);
  }
  return list;
}

/** Head nouns written out and as their short names, so both spellings of one body compare equal. */
const SPELLED_OUT_HEADS: Array<[RegExp, string]> = [
  [/\bprobation delivery units?\b/g, 'pdu'],
  [/\bcommunity rehabilitation compan(?:y|ies)\b/g, 'crc'],
];

/** A body's name reduced to compare spellings: "Leeds Probation Delivery Unit (PDU)" and "Leeds PDU" are one body. */
export function sameBody(name: string): string {
  let key = name.toLowerCase().replace(/\s*\([^()]*\)/g, '');
  for (const [spelled, short] of SPELLED_OUT_HEADS) key = key.replace(spelled, short);
  return key.replace(/s\b/g, '').replace(/\s+/g, ' ').trim();
}

/** How far into a document its own body is looked for: the title, then the opening paragraphs. */
const FOCUS_BLOCKS = 12;

/** The body a document is about: the provider it inspects, else the one its title or opening paragraphs name. */
export function bodyOfDocument({ blocks, metadata }: DocumentContext): string | null {
  return (
    metadata.inspected ??
    focalBody(
      metadata.title,
      blocks
        .slice(0, FOCUS_BLOCKS)
        .filter((b) => b.kind !== 'heading')
        .map((b) => b.text),
    )
  );
}
