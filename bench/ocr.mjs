// OCR speed: the scanned test fixtures ingested (pages drawn by pdf.js and read by tesseract.js),
// beside Debian's `tesseract` CLI on the same pages drawn once to PNG at 300 dpi, when it is
// installed; and the embedded corpus (text layers only) ingested with OCR on and off, to show
// the OCR path costs documents with a text layer nothing. `node bench/ocr.mjs` alone, or as part
// of `npm run bench`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { timed } from './timed.mjs';

const round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const SCANS = ['scan-300dpi.pdf', 'scan-150dpi-noisy.pdf'];

/** Each page of the scans drawn at 300 dpi as PNG, for the CLI to read. */
async function pageImages(root, scans, dir) {
  const require = createRequire(path.join(root, 'package.json'));
  const pdfjs = await import(require.resolve('pdfjs-dist/legacy/build/pdf.mjs'));
  const files = [];
  for (const scan of scans) {
    const doc = await pdfjs.getDocument({ data: new Uint8Array(fs.readFileSync(scan)), verbosity: 0 }).promise;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 300 / 72 });
      const drawn = doc.canvasFactory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
      await page.render({ canvasContext: drawn.context, canvas: drawn.canvas, viewport }).promise;
      const file = path.join(dir, `${path.basename(scan, '.pdf')}-${n}.png`);
      fs.writeFileSync(file, drawn.canvas.toBuffer('image/png'));
      files.push(file);
    }
    await doc.destroy();
  }
  return files;
}

export async function benchOcr(root, { log = () => {}, runs = 3 } = {}) {
  const cli = path.join(root, 'dist', 'cli.js');
  const work = path.join(root, 'bench', '.work', 'ocr');
  fs.rmSync(work, { recursive: true, force: true });
  const folder = path.join(work, 'scans');
  fs.mkdirSync(folder, { recursive: true });
  const scans = SCANS.map((s) => path.join(root, 'test', 'fixtures', 'scanned', s));
  for (const s of scans) fs.copyFileSync(s, path.join(folder, path.basename(s)));
  // Drawn in a process of its own: the bench's process has pdf-parse's copy of pdf.js loaded, another version.
  const drawn = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--draw', work, ...scans], {
    encoding: 'utf8',
  });
  if (drawn.status !== 0) throw new Error(`drawing the scanned pages failed: ${drawn.stderr}`);
  const images = JSON.parse(drawn.stdout);
  const pages = images.length;

  const ours = [];
  let peak = 0;
  for (let i = 0; i < runs; i++) {
    log(`OCR ingest ${i + 1}/${runs} …`);
    const db = path.join(work, `ocr-${i}.db`);
    const run = timed(process.execPath, [cli, 'ingest', folder, '--db', db, '--quiet', '--workers', '1']);
    ours.push(run.seconds);
    peak = Math.max(peak, run.rssMb);
  }
  let tesseractCli = null;
  if (spawnSync('sh', ['-c', 'command -v tesseract']).status === 0) {
    const times = [];
    for (let i = 0; i < runs; i++) {
      log(`tesseract CLI ${i + 1}/${runs} …`);
      const started = performance.now();
      for (const image of images) {
        const r = spawnSync('tesseract', [image, path.join(work, 'out'), '-l', 'eng'], { encoding: 'utf8' });
        if (r.status !== 0) throw new Error(`tesseract ${image} failed: ${r.stderr}`);
      }
      times.push((performance.now() - started) / 1000);
    }
    tesseractCli = { seconds: round(median(times)), pagesPerSecond: round(pages / median(times)) };
  }
  // Text layers only: OCR on (the default) and off, alternating, so the machine's drift falls on both.
  const corpus = path.join(root, 'corpus');
  const on = [];
  const off = [];
  for (let i = 0; i < runs; i++) {
    log(`corpus with OCR on and off ${i + 1}/${runs} …`);
    on.push(timed(process.execPath, [cli, 'ingest', corpus, '--db', path.join(work, `on-${i}.db`), '--quiet']).seconds);
    off.push(
      timed(process.execPath, [cli, 'ingest', corpus, '--db', path.join(work, `off-${i}.db`), '--quiet', '--no-ocr'])
        .seconds,
    );
  }
  return {
    pages,
    seconds: round(median(ours)),
    runs: ours,
    pagesPerSecond: round(pages / median(ours)),
    peakRssMb: Math.round(peak),
    tesseractCli,
    corpusWithOcrSeconds: round(median(on)),
    corpusWithoutOcrSeconds: round(median(off)),
    textLayerRatio: round(median(on) / median(off)),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === '--draw') {
  const [dir, ...scans] = process.argv.slice(3);
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  console.log(JSON.stringify(await pageImages(root, scans, dir)));
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const result = await benchOcr(root, { log: (line) => process.stderr.write(`${line}\n`) });
  const stamp = new Date().toISOString();
  const out = path.join(
    root,
    'bench',
    'results',
    `${stamp.slice(0, 10)}T${stamp.slice(11, 16).replace(':', '')}-ocr.json`,
  );
  fs.writeFileSync(out, `${JSON.stringify({ date: stamp, ...result }, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
  console.log(`written to ${path.relative(root, out)}`);
}
