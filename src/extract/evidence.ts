import type { Block } from '../document.js';
import type { Quote } from '../findings.js';
import type { DocumentContext } from './context.js';
import { scored } from './data/confidence.js';
import { BODY_NAME_WORDS, normaliseOrganisation, organisationOfOffice, TITLE_PATTERN } from './data/roles.js';
import { committeeShortName } from './data/publishers.js';
import { perDocument } from './text/per-document.js';
import { cleanName, HONORIFIC_AND_NAME, isPersonName, namesPerson } from './people.js';
import { firstBodyNamed } from './metadata.js';

interface Speaker {
  name: string;
  role: string | null;
  organisation: string | null;
  /** Named in no list and not known to compromise as a person's name: only its place at a turn's start says so. */
  unlisted?: boolean;
}

/**
 * "Q66 Dr Mullan: words", "Jo Farrar: words": the question number, the label, the words. A copy may set the words
 * in the next paragraph, under "Q5 Chair:" alone.
 */
const TURN = /^(?:Q\s?(\d+)\s+)?((?:[A-Z][\p{L}.’'-]*)(?:\s+[A-Z][\p{L}.’'-]*){0,4}):(?:\s+(.+))?$/u;
/** "I: Jo Farrar, Chief Executive Officer, HM Prison & Probation Service" in a witness list. */
const WITNESS_PANEL = /^(?:[IVX]+|\d+|Witness(?:es)?)[:.]\s+/;
const MEMBERS_PRESENT = /^Members present:\s*(.+)$/i;

/** Two to four capitalised words, none of them a small word or a body's name: how transcripts label members. */
function looksLikeName(label: string): boolean {
  const words = label.split(/\s+/);
  return (
    words.length >= 2 &&
    words.length <= 4 &&
    words.every((w) => /^[A-Z][\p{Ll}’'-]+$/u.test(w)) &&
    !normaliseOrganisation(label) &&
    !/\b(?:Committee|Witnesses?|Members?|Examination|Evidence|Session|Minutes)\b/.test(label)
  );
}

function surname(name: string): string {
  return name.split(/\s+/).pop()!.toLowerCase();
}

/** A panel's witnesses: "I: Ian Lawrence, General Secretary, NAPO; and Ben Priestley, National Officer, Unison." */
function parseWitnesses(text: string): Speaker[] {
  // A panel names a few people; a long paragraph before the first turn is the transcript's own text.
  if (text.length > MAX_PANEL_LENGTH) return [];
  return text
    .replace(WITNESS_PANEL, '')
    .split(/\s*;\s*(?:and\s+)?/)
    .flatMap(splitAtNextWitness)
    .map((entry) => parseWitness(entry.replace(/[.;]\s*$/, '')))
    .filter((w): w is Speaker => w !== null);
}

/** "Martin Jones, HM Chief Inspector of Probation, and Ian Lawrence, General Secretary of Napo": a list joined by "and". */
const AND_NEXT = /,?\s+and\s+(?=(?:[A-Z][\p{L}.’'-]*\s+){1,3}[A-Z][\p{L}’'-]*,)/gu;

/** An entry split where "and" starts another person's name; where what follows names nobody, it was one body's name. */
function splitAtNextWitness(entry: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (const m of entry.matchAll(AND_NEXT)) {
    const next = entry.slice(m.index + m[0].length).split(',')[0]!;
    if (!isPersonName(cleanName(next))) continue;
    parts.push(entry.slice(start, m.index));
    start = m.index + m[0].length;
  }
  return [...parts, entry.slice(start)];
}

/** "General Secretary of Napo": a title and the body it is held in (unless the whole is one title, "HM Chief Inspector of Probation"). */
const TITLE_OF_BODY = new RegExp(String.raw`^((?:${TITLE_PATTERN}))\s+(?:of|at)\s+(?:the\s+)?(.+)$`, 'u');
const WHOLE_TITLE = new RegExp(String.raw`^(?:${TITLE_PATTERN})$`, 'u');

/** How long a witness panel's line may be: four or five witnesses with their roles. */
const MAX_PANEL_LENGTH = 600;

/** "Name, Role[, Role], Organisation" as witness lists print them. */
function parseWitness(text: string): Speaker | null {
  const parts = text.split(/\s*,\s*/).filter(Boolean);
  if (parts.length < 2 || parts[0]!.split(/\s+/).length > 6) return null;
  const name = cleanName(parts[0] ?? '');
  if (parts.length < 2 || !isPersonName(name)) return null;
  if (parts.length === 2) {
    const role = parts[1]!;
    // "Justin Russell, HM Chief Inspector of Probation": an office that names its body.
    if (WHOLE_TITLE.test(role)) return { name, role, organisation: organisationOfOffice(role, null) };
    const titleOf = TITLE_OF_BODY.exec(role);
    if (titleOf) return { name, role: titleOf[1]!, organisation: normaliseOrganisation(titleOf[2]!) ?? titleOf[2]! };
    // "Professor Fergus McNeill, University of Glasgow": a body, not a post.
    const body = normaliseOrganisation(role) ?? (BODY_NAME_WORDS.test(role) ? role : null);
    return body
      ? { name, role: null, organisation: body }
      : { name, role, organisation: organisationOfOffice(role, null) };
  }
  return { name, role: parts.slice(1, -1).join(', '), organisation: parts[parts.length - 1]! };
}

/** The chair's mark in a members list: "(Chair)", and "(The Chair)" as the Lords print it. */
const CHAIR_MARK = /\((?:The\s+)?Chair\)/i;

/** The chair from "Members present: Sir Bob Neill (Chair); Rob Butler; ...". */
function chairOf(blocks: Block[]): string | null {
  for (const block of blocks) {
    const m = MEMBERS_PRESENT.exec(block.text);
    const chair = m?.[1]!.split(/;|,\s+(?=[A-Z])/).find((p) => CHAIR_MARK.test(p));
    if (chair) return cleanName(chair.replace(CHAIR_MARK, '').trim());
  }
  return null;
}

/**
 * The committee's members by surname: those the header lists as present, with the full name it gives them, and
 * whoever asks a numbered question.
 */
function membersOf(header: Block[], turns: Block[]): Map<string, string | null> {
  const members = new Map<string, string | null>();
  for (const block of header) {
    const present = MEMBERS_PRESENT.exec(block.text)?.[1];
    for (const member of present?.split(/;|,\s+(?=[A-Z])/) ?? []) {
      const name = cleanName(member.replace(CHAIR_MARK, '').replace(/\.$/, '').trim());
      members.set(surname(name), name);
    }
  }
  for (const block of turns) {
    const turn = isNumberedTurn(block) ? TURN.exec(block.text) : null;
    const name = turn ? surname(cleanName(turn[2]!)) : null;
    if (name && !members.has(name)) members.set(name, null);
  }
  return members;
}

/**
 * The committee whose session it is: the publisher when that is a committee, else the first committee
 * the text before the first turn names (a blog post that copies a transcript is published by the blog).
 * "House of Commons Justice Committee" → "Justice Committee".
 */
function committeeOf(publisher: string | null, header: string): string | null {
  const isCommittee = (name: string) => /\bCommittee\b/.test(name);
  const named =
    publisher && isCommittee(publisher)
      ? publisher
      : (firstBodyNamed(header, (b) => isCommittee(b.name))?.name ?? null);
  return named ? committeeShortName(named) : null;
}

/**
 * An oral-evidence transcript as turns: each member's question and each witness's answer is
 * a quote of kind "evidence", under the question number it falls in. Paragraphs without a
 * speaker label go on with the turn before them.
 */
/** Turns opened by a question number, "Q1 The Chair:", "Q 98 Shabana Mahmood:". */
const QUESTION_NUMBER = /^Q\s?\d/;
const isNumberedTurn = (block: Block) =>
  block.kind !== 'heading' && QUESTION_NUMBER.test(block.text) && TURN.exec(block.text)?.[1] !== undefined;
const CHAIR = /^(?:the\s+)?chair(?:man|woman)?$/i;

/** A paragraph opened by a chair's or a person's name and a colon: a turn, numbered or not. */
function opensTurn(block: Block): boolean {
  const turn = block.kind === 'heading' ? null : TURN.exec(block.text);
  if (!turn) return false;
  const label = cleanName(turn[2]!);
  return CHAIR.test(label) || isPersonName(label) || looksLikeName(label);
}

/** How many numbered turns make a transcript of a document whatever its type says (a report quotes one or two). */
const TRANSCRIPT_TURNS = 3;

/**
 * How surely a document is a transcript: its type says so (1), it is set out in numbered turns (0.9), or it quotes
 * one or two numbered turns as a report does (below any genre's threshold).
 */
export function transcriptScore({ blocks, metadata }: DocumentContext): number {
  if (metadata.type === 'oral-evidence') return 1;
  let turns = 0;
  for (const block of blocks) if (isNumberedTurn(block) && ++turns >= TRANSCRIPT_TURNS) return 0.9;
  return turns * 0.15;
}

/** How far before the first numbered turn the session's unnumbered opening turns may start. */
const OPENING_TURNS_REACH = 12;

/**
 * Where a transcript's turns begin: the first numbered turn, or the unnumbered turns just before it (the Chair's
 * welcome, members' declarations of interest), back to the heading or witness line that opens the session. A
 * transcript without question numbers starts at its first turn labelled by a chair or a name.
 */
function firstTurnOf(blocks: Block[]): number {
  const firstNumbered = blocks.findIndex(isNumberedTurn);
  if (firstNumbered < 0) return blocks.findIndex(opensTurn);
  let first = firstNumbered;
  for (let i = firstNumbered - 1; i >= Math.max(0, firstNumbered - OPENING_TURNS_REACH); i--) {
    const block = blocks[i]!;
    if (block.kind === 'heading' || WITNESS_PANEL.test(block.text) || MEMBERS_PRESENT.test(block.text)) break;
    if (opensTurn(block)) first = i;
  }
  return first;
}

/** A transcript's turns, read from its first turn labelled by a chair or a name (the transcript genre decides it is one). */
export function extractEvidence(doc: DocumentContext): Quote[] {
  return readTurns(doc).quotes;
}

/** The blocks a transcript's turns are read from: the generic quote reader reads the rest of the document. */
export function turnBlocks(doc: DocumentContext): Set<Block> {
  return readTurns(doc).blocks;
}

/** Each document's turns, read once for both questions. */
const readTurns = perDocument(turnsOf);

function turnsOf(doc: DocumentContext): { quotes: Quote[]; blocks: Set<Block> } {
  const { blocks, metadata } = doc;
  const firstTurn = firstTurnOf(blocks);
  if (firstTurn < 0) {
    doc.log?.message(
      'evidence',
      'an oral-evidence document, but no turn opens with a speaker ("Q1 The Chair: ...", "Jo Farrar: ..."); no evidence read',
    );
    return { quotes: [], blocks: new Set() };
  }
  // The transcript's own witness list first, then any the Committees API gave.
  const witnesses = [
    ...blocks.slice(0, firstTurn).flatMap((b) => parseWitnesses(b.text)),
    ...(metadata.witnesses ?? []),
  ];
  const committee = committeeOf(
    metadata.publisher,
    blocks
      .slice(0, firstTurn)
      .map((b) => b.text)
      .join('\n'),
  );
  const chair = chairOf(blocks.slice(0, firstTurn));
  const members = membersOf(blocks.slice(0, firstTurn), blocks.slice(firstTurn));

  const speakerFor = (label: string): Speaker | null => {
    if (CHAIR.test(label)) return { name: chair ?? 'Chair', role: 'Chair', organisation: committee };
    const name = cleanName(label);
    // "Dame Glenys:" for "Dame Glenys Stacey", as a Dame or a Sir is called by first name.
    const witness =
      witnesses.find((w) => surname(w.name) === surname(name)) ?? witnesses.find((w) => namesPerson(name, w.name));
    if (witness) return { ...witness, name: witness.name };
    // Anyone else labelled in a transcript speaks in it: a name compromise does not know ("Shabana Mahmood") is
    // still a name where it labels a turn like the others. Members are those present or asking numbered questions;
    // another speaker is a witness no list names, whose body the transcript does not say. A transcript that says
    // neither who was present nor who asked leaves them all members.
    const organisation = !members.size || members.has(surname(name)) ? committee : null;
    // "Mr Hanson" labels a turn of a member the header lists as "Mr David Hanson".
    const fullName = HONORIFIC_AND_NAME.test(name) ? members.get(surname(name)) : null;
    if (fullName) return { name: fullName, role: null, organisation };
    if (isPersonName(name)) return { name, role: null, organisation };
    return looksLikeName(name) ? { name, role: null, organisation, unlisted: true } : null;
  };

  const quotes: Quote[] = [];
  const read = new Set<Block>();
  let question: string | null = null;
  let current: Quote | null = null;
  for (const block of blocks.slice(firstTurn)) {
    // A heading ends the turn before it: what follows it is another part of the document (a post quoting a
    // transcript goes on to other posts), and the next turn opens with its speaker.
    if (block.kind === 'heading') {
      current = null;
      continue;
    }
    const turn = TURN.exec(block.text);
    const speaker = turn ? speakerFor(turn[2]!) : null;
    if (turn && speaker) {
      if (turn[1]) question = `Q${turn[1]}`;
      current = {
        page: block.page,
        text: turn[3] ?? '',
        speaker: speaker.name,
        role: speaker.role,
        organisation: speaker.organisation,
        kind: 'evidence',
        question,
        attribution: turn[2]!,
        ...scored(speaker.unlisted ? 'evidence.unlisted-member' : 'evidence.turn'),
      };
      quotes.push(current);
      read.add(block);
    } else if (current && /\p{L}/u.test(block.text)) {
      current.text = current.text ? `${current.text} ${block.text}` : block.text;
      read.add(block);
    }
  }
  return { quotes: quotes.filter((q) => q.text), blocks: read };
}
