// The text stage alone, as ingest runs it (pdfjs through src/ingest/pdf/load.ts: text items of
// every page, nothing after): `node bench/pdfjs-text.mjs FILE...`. The benchmark runs one such
// process per core, so the ratio to it shows what layout, extractors and the index cost on top.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { openPdf } = await import(path.join(ROOT, 'dist', 'ingest', 'pdf', 'load.js'));

let pages = 0;
for (const file of process.argv.slice(2)) {
  const pdf = await openPdf(new Uint8Array(fs.readFileSync(file)), { ocr: false });
  if ('error' in pdf) throw new Error(`${file}: ${pdf.error}`);
  for await (const page of pdf.pages()) if (!('error' in page)) pages++;
  await pdf.close();
}
process.stdout.write(`${pages}\n`);
