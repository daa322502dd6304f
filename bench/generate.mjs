// Builds a benchmark corpus of distinct PDFs from the embedded corpus's real passages, shuffled
// and recombined deterministically from a seed: running headers, page-number footers, two-column
// pages and simple tables, so the layout code does its real work.
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';

/** mulberry32: small, fast, deterministic. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Paragraphs of the embedded corpus, in characters the standard PDF fonts can draw. */
export function corpusParagraphs(root) {
  const texts = fs
    .readdirSync(path.join(root, 'corpus', 'seeds'))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => fs.readFileSync(path.join(root, 'corpus', 'seeds', f), 'utf8'));
  return texts
    .flatMap((t) => t.split('\n'))
    .map((p) => p.replace(/[^\x20-\x7E\u2018\u2019\u201C\u201D\u2013\u2014\u00A3\u2026]/g, '').trim())
    .filter((p) => p.length > 80);
}

function wrap(text, font, size, width) {
  const lines = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

/** One report of `pages` pages. */
async function makeReport(paragraphs, rand, pages, title) {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const pick = () => paragraphs[Math.floor(rand() * paragraphs.length)];
  for (let p = 1; p <= pages; p++) {
    const page = doc.addPage([595, 842]);
    page.drawText(title, { x: 320, y: 805, size: 8, font });
    page.drawText(String(p), { x: 292, y: 30, size: 9, font });
    const twoColumns = p % 4 === 3;
    const columns = twoColumns
      ? [
          [60, 230],
          [320, 230],
        ]
      : [[60, 475]];
    if (p % 5 === 2) {
      page.drawText('Summary of ratings', { x: 60, y: 770, size: 14, font: bold });
      ['1.1 Leadership', '1.2 Staff', '2.1 Assessment', '2.3 Implementation and delivery'].forEach((row, i) => {
        page.drawText(row, { x: 60, y: 745 - i * 16, size: 10, font });
        page.drawText(['Good', 'Requires improvement', 'Inadequate', 'Outstanding'][Math.floor(rand() * 4)], {
          x: 330,
          y: 745 - i * 16,
          size: 10,
          font,
        });
      });
    }
    for (const [x, width] of columns) {
      let y = p % 5 === 2 ? 660 : 770;
      while (y > 70) {
        for (const line of wrap(pick(), font, 10, width)) {
          if (y <= 70) break;
          page.drawText(line, { x, y, size: 10, font });
          y -= 13;
        }
        y -= 9;
      }
    }
  }
  return doc.save();
}

/** Writes `count` PDFs totalling about `pages` pages into `dir` (skipped if already there). */
export async function generateCorpus(root, dir, { pages, documents, seed = 1 }) {
  const marker = path.join(dir, `.generated-${pages}-${documents}-${seed}`);
  if (fs.existsSync(marker)) return;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const rand = random(seed);
  const paragraphs = corpusParagraphs(root);
  const perDocument = Math.max(1, Math.round(pages / documents));
  for (let i = 0; i < documents; i++) {
    const bytes = await makeReport(paragraphs, rand, perDocument, `Benchmark report ${i + 1}`);
    fs.writeFileSync(path.join(dir, `report-${String(i + 1).padStart(5, '0')}.pdf`), bytes);
  }
  fs.writeFileSync(marker, '');
}

export async function generateOne(root, file, pages, seed = 7) {
  if (fs.existsSync(file)) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, await makeReport(corpusParagraphs(root), random(seed), pages, 'A long benchmark report'));
}
