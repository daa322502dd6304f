import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { encryptedFixture, exportKind, fixture, runCli, tempDir } from './helpers.js';
import { imageOnlyPdf } from './support/inbox.js';

/** A one-page PDF whose content stream is given, with a correct cross-reference table. */
function pdfWithContent(content: Buffer, filter = '/FlateDecode'): Buffer {
  const objects = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    Buffer.from('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>'),
    Buffer.concat([
      Buffer.from(`<< /Length ${content.length} /Filter ${filter} >>\nstream\n`),
      content,
      Buffer.from('\nendstream'),
    ]),
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  objects.forEach((body, i) => {
    offsets.push(length);
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    parts.push(obj);
    length += obj.length;
  });
  const xref = [
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`,
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`),
  ].join('');
  parts.push(
    Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`),
  );
  return Buffer.concat(parts);
}

/** 600 MB of spaces as one deflate stream of well under a megabyte, made without holding 600 MB here. */
async function bombStream(): Promise<Buffer> {
  const deflate = zlib.createDeflate({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const spaces = Buffer.alloc(8 * 2 ** 20, 0x20);
  for (let i = 0; i < 75; i++) if (!deflate.write(spaces)) await new Promise((r) => deflate.once('drain', r));
  await new Promise((r) => deflate.end(r));
  return Buffer.concat(chunks);
}

let dir: string;
let db: string;
let result: ReturnType<typeof runCli>;

beforeAll(async () => {
  dir = tempDir();
  const write = (name: string, bytes: Uint8Array | string) => {
    fs.writeFileSync(path.join(dir, name), bytes);
  };
  const suffolk = fs.readFileSync(fixture('hmip-suffolk-inspection-2017.pdf'));
  write('good.pdf', fs.readFileSync(fixture('hmip-london-crc-inspection-2018.pdf')));
  write('truncated.pdf', suffolk.subarray(0, Math.floor(suffolk.length / 3)));
  write(
    'wrong-xref.pdf',
    Buffer.from(suffolk.toString('latin1').replace(/startxref\s+\d+/, 'startxref\n123'), 'latin1'),
  );
  write('encrypted.pdf', fs.readFileSync(encryptedFixture('user-password.pdf')));
  write('zero-pages.pdf', await (await PDFDocument.create()).save());
  const many = await PDFDocument.create();
  for (let i = 0; i < 3000; i++) many.addPage([200, 200]);
  write('many-pages.pdf', await many.save());
  write('nested.pdf', pdfWithContent(Buffer.from(`${'['.repeat(50_000)}${']'.repeat(50_000)}`), '[]'));
  write('image-only.pdf', await imageOnlyPdf(595, 842));
  write('bomb.pdf', pdfWithContent(await bombStream()));
  write('photo.pdf', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]));
  write(
    'scripts.html',
    `<html><body><script>document.write("<p>injected</p>")</script><p title="${'x'.repeat(5_000_000)}">Staff told us caseloads were too high.</p></body></html>`,
  );
  write(
    'invalid-utf8.html',
    Buffer.concat([
      Buffer.from('<html><body><p>Probation '),
      Buffer.from([0xc3, 0x28, 0xff, 0xfe]),
      Buffer.from(' services</p></body></html>'),
    ]),
  );
  write(
    'windows-1252.txt',
    Buffer.from([
      ...Buffer.from('The '),
      0x93,
      ...Buffer.from('probation is full'),
      0x94,
      ...Buffer.from(' warning cost '),
      0xa3,
      ...Buffer.from('5m.'),
    ]),
  );
  db = path.join(dir, 'index.db');
  result = runCli(['ingest', dir, '--db', db, '--quiet', '--timeout', '60', '--max-memory', '500']);
}, 300_000);

describe('ingest of broken and odd inputs made for this', () => {
  it('neither crashes nor hangs, and names each file it cannot read with the reason', () => {
    expect(result.signal).toBeNull();
    expect(result.status).toBe(0);
    const reasons = new Map(
      result.stderr
        .trim()
        .split('\n')
        .map((line) => {
          const m = /^report-miner: (.*?): (.*)$/.exec(line)!;
          return [path.basename(m[1]!), m[2]!];
        }),
    );
    expect(reasons.get('truncated.pdf')).toMatch(/damaged or truncated PDF/);
    expect(reasons.get('encrypted.pdf')).toBe('encrypted: a password is needed to open it');
    expect(reasons.get('bomb.pdf')).toMatch(/ran out of memory/);
    expect(reasons.get('photo.pdf')).toBe('named .pdf but is not a PDF (no %PDF- header; content is a JPEG image)');
    expect(reasons.get('image-only.pdf')).toMatch(/no text layer/);
    expect(reasons.get('many-pages.pdf')).toMatch(/no text layer/);
  });

  it('indexes everything readable, with the text it has', () => {
    const docs = new Map(
      exportKind<{ source: string; pages: number | null; status: string; passages: number }>('documents', db).map(
        (d) => [path.basename(d.source), d],
      ),
    );
    for (const name of ['good.pdf', 'wrong-xref.pdf', 'scripts.html', 'invalid-utf8.html', 'windows-1252.txt'])
      expect(docs.get(name)?.status, name).toBe('indexed');
    expect(docs.get('many-pages.pdf')).toMatchObject({ pages: 3000, status: 'no-text' });
    const search = (q: string) =>
      JSON.parse(runCli(['search', q, '--json', '--limit', '0', '--db', db]).stdout) as Array<{
        source: string;
        text: string;
      }>;
    expect(search('injected')).toEqual([]);
    expect(search('caseloads').map((h) => path.basename(h.source))).toContain('scripts.html');
    expect(search('"probation is full"').map((h) => h.text)).toEqual(['The “probation is full” warning cost £5m.']);
    expect(search('Probation services').map((h) => path.basename(h.source))).toContain('invalid-utf8.html');
  });
});
