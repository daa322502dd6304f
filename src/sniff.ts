import type { Format } from './document.js';

/** What the bytes of a file are, decided by content; the extension only breaks ties. */
export type Sniffed = { format: Format } | { error: string };

const HTML_OPENERS = [
  '<!doctype html',
  '<html',
  '<head',
  '<body',
  '<script',
  '<iframe',
  '<h1',
  '<div',
  '<font',
  '<table',
  '<a',
  '<style',
  '<title',
  '<b',
  '<br',
  '<p',
  '<!--',
  '<meta',
  '<article',
  '<main',
];

const BINARY_SIGNATURES: Array<[string, number[]]> = [
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a ZIP archive (DOCX, XLSX or similar)', [0x50, 0x4b, 0x03, 0x04]],
  ['a legacy Office document', [0xd0, 0xcf, 0x11, 0xe0]],
];

function startsWithBytes(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

function containsPdfSignature(bytes: Uint8Array): boolean {
  // The PDF spec tolerates junk before the header; readers look in the first kilobyte.
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 4096))
    .toString('latin1')
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '');
  const start = head.trimStart().toLowerCase();
  return HTML_OPENERS.some((opener) => {
    if (!start.startsWith(opener)) return false;
    const next = start.charAt(opener.length);
    return opener === '<!--' || next === '' || next === '>' || /\s/.test(next);
  });
}

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return control > sample.length * 0.05;
}

export function sniffFormat(bytes: Uint8Array, fileName: string): Sniffed {
  if (bytes.length === 0) return { error: 'empty file (0 bytes)' };
  const claimsPdf = /\.pdf$/i.test(fileName);
  if (containsPdfSignature(bytes)) return { format: 'pdf' };
  const signature = BINARY_SIGNATURES.find(([, sig]) => startsWithBytes(bytes, sig));
  const html = !signature && looksLikeHtml(bytes);
  if (claimsPdf) {
    const actual = signature ? signature[0] : html ? 'an HTML page' : looksBinary(bytes) ? 'binary data' : 'plain text';
    return { error: `named .pdf but is not a PDF (no %PDF- header; content is ${actual})` };
  }
  if (signature) return { error: `unsupported format: ${signature[0]}` };
  if (html) return { format: 'html' };
  if (looksBinary(bytes)) return { error: 'unsupported format: binary data, not PDF, HTML or text' };
  return { format: 'text' };
}
