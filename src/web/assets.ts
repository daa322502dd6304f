/**
 * The files the page loads, all served by the tool itself (no CDN, works offline): the site's own
 * CSS and script, and pdf.js from pdfjs-dist for showing a PDF's page. Only these names are served.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const OWN = path.join(path.dirname(fileURLToPath(import.meta.url)), 'assets');
const PDFJS = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** URL path under /assets/ → file. */
const FILES: Record<string, string> = {
  'site.css': path.join(OWN, 'site.css'),
  'site.js': path.join(OWN, 'site.js'),
  'pdf-page.js': path.join(OWN, 'pdf-page.js'),
  'pdfjs/pdf.min.mjs': path.join(PDFJS, 'build', 'pdf.min.mjs'),
  'pdfjs/pdf.worker.min.mjs': path.join(PDFJS, 'build', 'pdf.worker.min.mjs'),
  'pdfjs/pdf_viewer.css': path.join(PDFJS, 'web', 'pdf_viewer.css'),
};

/** pdf.js's standard fonts, for PDFs that use one without embedding it. */
const STANDARD_FONT = /^pdfjs\/standard_fonts\/([A-Za-z0-9_-]+\.(?:pfb|ttf))$/;

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.pfb': 'application/octet-stream',
  '.ttf': 'font/ttf',
};

/** The file an /assets/ path names, or null: never a path the list does not hold. */
export function assetFile(name: string): { file: string; type: string } | null {
  const font = STANDARD_FONT.exec(name);
  const file = font ? path.join(PDFJS, 'standard_fonts', font[1]!) : Object.hasOwn(FILES, name) ? FILES[name]! : null;
  if (!file || !fs.existsSync(file)) return null;
  return { file, type: TYPES[path.extname(file)] ?? 'application/octet-stream' };
}
