/**
 * Where a document speaks in one person's voice: a section that person signs (a foreword, a
 * preface, an introduction by a chief inspector) or a whole document given as their speech.
 */

/** Headings of sections their author signs at the end. */
export const SIGNED_SECTION_HEADINGS: RegExp[] = [
  /^(?:(?:the\s+)?(?:HM\s+)?(?:chief\s+inspector|chair|minister|director)['’]s\s+)?(?:foreword|preface)$/i,
  /^(?:introduction|foreword|message)\s+(?:by|from)\s+(?:the\s+)?\S.*$/i,
];

/** How far past its heading a section's signature may stand, in blocks: forewords run to a page or two. */
export const SIGNATURE_WITHIN_BLOCKS = 40;

/** A document's title that gives it as one person's speech: "Speech by HM Chief Inspector of Probation". */
export const SPEECH_TITLE =
  /^(?:(?:a|the)\s+)?(?:(?:keynote\s+)?speech|keynote(?:\s+address)?|address|lecture|remarks)\s+(?:by|of|from)\s+(.{3,120})$/i;
