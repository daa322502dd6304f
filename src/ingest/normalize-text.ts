/**
 * Text clean-up shared by every reader. Deliberately not NFKC: that would also rewrite
 * characters a verbatim quote must keep (… ½ ²), so only the typographic accidents go.
 */

const LIGATURES: Record<string, string> = {
  '\uFB00': 'ff',
  '\uFB01': 'fi',
  '\uFB02': 'fl',
  '\uFB03': 'ffi',
  '\uFB04': 'ffl',
  '\uFB05': 'st',
  '\uFB06': 'st',
};

const LIGATURE_RE = /[\uFB00-\uFB06]/g;
// NBSP, en/em/thin/hair spaces, narrow NBSP, medium math space, ideographic space, tabs.
const ODD_SPACE_RE = /[\t\u00A0\u2000-\u200A\u202F\u205F\u3000]/g;
// Zero-width characters, the BOM and soft hyphens carry no text.
const INVISIBLE_RE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
// C0/C1 control characters other than newline.
const CONTROL_RE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

export function normalizeChars(text: string): string {
  return text
    .replace(LIGATURE_RE, (ch) => LIGATURES[ch] ?? ch)
    .replace(INVISIBLE_RE, '')
    .replace(ODD_SPACE_RE, ' ')
    .replace(CONTROL_RE, ' ');
}

/** Normalised characters, runs of white space folded to one space, trimmed. */
export function collapseWhitespace(text: string): string {
  return normalizeChars(text).replace(/\s+/g, ' ').trim();
}
