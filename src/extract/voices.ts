import type { Block } from '../document.js';
import type { Voice } from '../findings.js';
import type { DocumentContext } from './context.js';
import { scored } from './data/confidence.js';
import { organisationOfOffice, TITLE_PATTERN } from './data/roles.js';
import { SIGNATURE_WITHIN_BLOCKS, SIGNED_SECTION_HEADINGS, SPEECH_TITLE } from './data/voices.js';
import { cleanName, isPersonName, NAME, ORG_NAME } from './people.js';

/** An office as printed under a signature or in a title: "HM Chief Inspector of Probation", "Head of Research". */
const OFFICE = new RegExp(`^(${TITLE_PATTERN}(?:\\s+(?:of|for)\\s+(?:the\\s+)?${ORG_NAME})?)\\.?$`);
/** "Dame Glenys Stacey HM Chief Inspector of Probation", "Dr Robin Moore, Head of Research". */
const NAME_AND_OFFICE = new RegExp(`^(${NAME})[,\\s]+(${OFFICE.source.slice(1, -1)})$`);
const NAME_ALONE = new RegExp(`^(${NAME})$`);

export interface Signatory {
  speaker: string | null;
  role: string | null;
  /** As printed. */
  signature: string;
}

/** A signature in one block ("Name Office"), or a name block and an office block under it. */
export function signatureAt(blocks: Block[], i: number): (Signatory & { blocks: number }) | null {
  const text = blocks[i]!.text.trim();
  const both = NAME_AND_OFFICE.exec(text);
  if (both && isPersonName(cleanName(both[1]!)))
    return { speaker: cleanName(both[1]!), role: both[2]!.replace(/\.$/, ''), signature: text, blocks: 1 };
  const name = NAME_ALONE.exec(text);
  const next = blocks[i + 1]?.text.trim() ?? '';
  const office = OFFICE.exec(next);
  if (name && office && isPersonName(cleanName(name[1]!)))
    return { speaker: cleanName(name[1]!), role: office[1]!, signature: `${text}, ${next}`, blocks: 2 };
  return null;
}

/** Who a speech is by, from its title's words after "Speech by": a name, an office, or "Name, Office". */
export function speakerOfTitle(title: string): Signatory | null {
  const by = SPEECH_TITLE.exec(title.trim())?.[1]?.trim();
  if (!by) return null;
  const both = NAME_AND_OFFICE.exec(by);
  if (both && isPersonName(cleanName(both[1]!)))
    return { speaker: cleanName(both[1]!), role: both[2]!, signature: title };
  const office = OFFICE.exec(by);
  if (office) return { speaker: null, role: office[1]!, signature: title };
  const name = NAME_ALONE.exec(by);
  if (name && isPersonName(cleanName(name[1]!))) return { speaker: cleanName(name[1]!), role: null, signature: title };
  return null;
}

/**
 * The passages a document says are one person's words: a foreword (or preface, or introduction by
 * someone) up to the signature that closes it, and the whole of a document titled as a speech.
 * These are the author's own text, not quotes: they are recorded as voices, which passage search shows.
 */
export function extractVoices(doc: DocumentContext): Voice[] {
  const { blocks, metadata } = doc;
  const voiceOf = (who: Signatory, opening: number, closing: number, rule: 'voice.signed' | 'voice.speech'): Voice => ({
    page: blocks[opening]?.page ?? null,
    opening,
    closing,
    speaker: who.speaker,
    role: who.role,
    organisation: organisationOfOffice(who.role, metadata.publisher),
    signature: who.signature,
    ...scored(rule),
  });
  const speech = metadata.title ? speakerOfTitle(metadata.title) : null;
  if (speech && blocks.length) return [voiceOf(speech, 0, blocks.length - 1, 'voice.speech')];
  const voices: Voice[] = [];
  blocks.forEach((block, h) => {
    if (block.kind !== 'heading' || !SIGNED_SECTION_HEADINGS.some((re) => re.test(block.text.trim()))) return;
    for (let i = h + 1; i < Math.min(blocks.length, h + 1 + SIGNATURE_WITHIN_BLOCKS); i++) {
      const signed = signatureAt(blocks, i);
      if (signed) {
        if (i > h + 1) voices.push(voiceOf(signed, h + 1, i - 1, 'voice.signed'));
        return;
      }
      // Another section began before any signature: the foreword is unsigned.
      if (blocks[i]!.kind === 'heading' && blocks[i]!.level <= block.level) return;
    }
  });
  return voices;
}
