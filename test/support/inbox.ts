import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, rgb } from 'pdf-lib';
import { encryptedFixture, fixture } from '../helpers.js';

/** A one-pixel PNG. */
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** A PDF whose only page (width × height points) is an image and nothing else: a scan with nothing legible on it. */
export async function imageOnlyPdf(width: number, height: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const png = await doc.embedPng(PIXEL);
  doc.addPage([width, height]).drawImage(png, { x: 0, y: 0, width, height });
  return doc.save();
}

/** A PDF whose only page is a drawing: what a scan without OCR looks like to a text extractor. */
export async function scannedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]).drawRectangle({ x: 50, y: 50, width: 495, height: 742, color: rgb(0.8, 0.8, 0.8) });
  return doc.save();
}

/**
 * A folder as a user's downloads look: three readable documents (a PDF, a blog post saved as .txt, a PDF
 * with only an owner password) among an empty file, an HTML error page named .pdf, a truncated PDF,
 * a scan without a text layer and a PDF that needs a password.
 */
export async function makeInbox(dir: string): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  const write = (name: string, bytes: string | Uint8Array) => {
    fs.writeFileSync(path.join(dir, name), bytes);
  };
  fs.copyFileSync(fixture('hmip-london-crc-inspection-2018.pdf'), path.join(dir, 'good.pdf'));
  fs.copyFileSync(fixture('on-probation-annual-report-reactions-2017-12-14.html'), path.join(dir, 'blog-saved-as.txt'));
  fs.copyFileSync(encryptedFixture('owner-password-only.pdf'), path.join(dir, 'owner-password-only.pdf'));
  write('empty.pdf', '');
  write('error-page.pdf', '<!DOCTYPE html><html><body><h1>404 Not Found</h1></body></html>');
  write('truncated.pdf', fs.readFileSync(fixture('hmip-suffolk-inspection-2017.pdf')).subarray(0, 30_000));
  write('scanned.pdf', await scannedPdf());
  fs.copyFileSync(encryptedFixture('user-password.pdf'), path.join(dir, 'encrypted.pdf'));
}
