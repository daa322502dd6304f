import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { landingDate } from '../src/fetch/sources.js';
import { chosenFormat, documentTypeOf, unwrapDocument } from '../src/fetch/committees.js';
import { exportKind, fixture, runCliAsync, tempDir } from './helpers.js';
import { startServicesFake, type ServicesFake } from './support/services-fake.js';

let fake: ServicesFake;
let dir: string;
let manifest: string;
let db: string;
let first: Awaited<ReturnType<typeof runCliAsync>>;

interface Doc {
  source: string;
  title: string | null;
  publisher: string | null;
  type: string;
  published: string | null;
  passages: number;
}

beforeAll(async () => {
  fake = await startServicesFake({
    transcript: fixture('justice-committee-oral-evidence-2021-03-23.html'),
    report: fixture('justice-committee-rainsbrook-2021.pdf'),
    suffolk: fixture('hmip-suffolk-inspection-2017.pdf'),
    london: fixture('hmip-london-crc-inspection-2018.pdf'),
  });
  dir = tempDir();
  manifest = path.join(dir, 'corpus', 'sources.json');
  fs.mkdirSync(path.dirname(manifest));
  fs.writeFileSync(
    manifest,
    JSON.stringify({
      contact: 'https://example.org/report-miner',
      allowHosts: [new URL(fake.next).host],
      allowPrivateHosts: ['127.0.0.1'],
      perHost: { concurrency: 2, intervalMs: 0 },
      retries: 4,
      backoffMs: 10,
      sources: [
        {
          committee: 102,
          api: `${fake.old}/api`,
          sessions: 3,
          publicationTypes: ['Report', 'Government Response'],
          publications: 5,
        },
        { committee: 127, api: `${fake.old}/api`, sessions: 5 },
        {
          listing: `${fake.old}/hmiprobation/inspections/`,
          pages: '\\?paged=\\d+$',
          maxPages: 2,
          landing: '/hmiprobation/inspections/[^/?]+/$',
          follow: '/wp-content/uploads/sites/5/.+\\.pdf$',
        },
        { listing: `${fake.next}/inspections`, follow: '/document/[^/]+$' },
        { url: `${fake.old}/hmiprobation/inspections/north-east-2025/`, type: 'inspection' },
      ],
    }),
  );
  db = path.join(dir, 'index.db');
  first = await runCliAsync(['run', '--sources', manifest, '--db', db, '--quiet']);
}, 120_000);

afterAll(() => fake.close());

const docs = () => exportKind<Doc>('documents', db);
const bySource = (suffix: string) => docs().find((d) => d.source.endsWith(suffix));

describe('report-miner run against the services as they answer', () => {
  it('fetches and indexes every document the services offer, and says what it left out', () => {
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^fetched 7, unchanged 0, failed 1 → /);
    const lines = first.stderr.trim().split('\n');
    expect(lines).toContain(
      `report-miner: ${fake.old}/api/OralEvidence/202: no transcript published for this session (yet); skipped`,
    );
    expect(lines).toContain(
      `report-miner: ${fake.old}/api/OralEvidence/203/Document/Pdf: HTTP 500: the Committees API has no such document`,
    );
    // The 2025 report, reached through the listing and through the old site's redirect, is one document.
    expect(docs()).toHaveLength(6);
  });

  it('reads a transcript out of its base64 wrapper as HTML turns, with the API’s title, date and witnesses', () => {
    const transcript = bySource('/api/OralEvidence/201/Document/Html')!;
    expect(transcript).toMatchObject({
      type: 'oral-evidence',
      title: 'Oral evidence: The work of the Ministry of Justice',
      published: '2021-03-23',
      paper_number: 'HC 1192',
      business: 'The work of the Ministry of Justice',
    });
    const quotes = exportKind<{
      source: string;
      speaker: string | null;
      role: string | null;
      kind: string;
      text: string;
    }>('quotes', db).filter((q) => q.source === transcript.source);
    expect(quotes.length).toBeGreaterThan(5);
    expect(quotes.every((q) => q.kind === 'evidence')).toBe(true);
    expect(quotes.find((q) => q.speaker === 'Jo Farrar')).toMatchObject({ role: 'Chief Executive Officer' });
    // No base64 was indexed: no passage is a long run of base64 characters.
    const run = exportKind<{ text: string }>('quotes', db).some((q) => /[A-Za-z0-9+/]{80,}/.test(q.text));
    expect(run).toBe(false);
  });

  it('asks only for formats a session lists, and never retries a document endpoint’s 500', () => {
    expect(fake.count('/api/OralEvidence/202/Document/Html')).toBe(0);
    expect(fake.count('/api/OralEvidence/203/Document/Pdf')).toBe(1);
    expect(fake.count('/api/OralEvidence/203/Document/Html')).toBe(0);
  });

  it('fetches a committee’s report and the government’s response with the API’s metadata', () => {
    expect(bySource('/publications/482/documents/9001/default/')).toMatchObject({
      title: 'Transforming Rehabilitation',
      type: 'committee-report',
      publisher: 'Justice Committee',
      published: '2018-06-22',
      paper_number: 'HC 482',
      business: 'Transforming Rehabilitation',
      answers: null,
    });
    const response = bySource('/api/Publications/502/Document/9002/Html')!;
    // The response names the report it answers by the report's id: stored as the report's title.
    expect(response).toMatchObject({
      type: 'government-response',
      published: '2018-10-01',
      paper_number: 'HC 1745',
      answers: 'Transforming Rehabilitation',
    });
    const answers = exportKind<{ source: string; number: string; status: string }>('responses', db).filter(
      (r) => r.source === response.source,
    );
    expect(answers.map((a) => [a.number, a.status])).toEqual([
      ['1', 'accepted'],
      ['2', 'not accepted'],
    ]);
  });

  it('finds the inspectorate’s reports through the paged listing and each landing page, dated by it', () => {
    expect(bySource('/2017/06/Suffolk-QI.pdf')).toMatchObject({ published: '2017-06-16' });
    expect(bySource('/2018/07/London-CRC.pdf')).toMatchObject({ published: '2018-07-24' });
    // maxPages 2: the third listing page and its landing pages are never read.
    expect(fake.count('/hmiprobation/inspections/never-read/')).toBe(0);
    expect(fake.count('/hmiprobation/about/')).toBe(0);
  });

  it('takes an HTML report page of the 2025 site, also through the old site’s redirect, with its sections as headings', () => {
    const report = docs().find((d) => d.title === 'An inspection of probation services: North East region 2025')!;
    expect(report.passages).toBeGreaterThan(2);
    expect(report.type).toBe('inspection');
    const ratings = exportKind<{ source: string; rating: string }>('ratings', db).filter(
      (r) => r.source === report.source,
    );
    expect(ratings.map((r) => r.rating)).toContain('requires improvement');
  });

  it('fetches nothing unchanged the second time, and indexes nothing again', async () => {
    const again = await runCliAsync(['run', '--sources', manifest, '--db', db, '--quiet']);
    expect(again.stdout).toMatch(/^fetched 0, unchanged 7, failed 1 → /);
    expect(again.stdout).toMatch(/\n0 documents indexed \(0 passages\), 6 unchanged/);
  });
});

describe('the shapes, one at a time', () => {
  it('unwraps a DocumentFileDetail, and refuses one too large once decoded or not of that shape', () => {
    const file = Buffer.from('<html><body><p>Q1 Chair: Good morning.</p></body></html>');
    const detail = JSON.stringify({
      fileName: 't.html',
      fileSize: file.length,
      fileDataFormat: 'Html',
      data: file.toString('base64'),
    });
    expect(unwrapDocument(detail, 'u', 1000)).toEqual({ bytes: file, name: 't.html' });
    expect(() => unwrapDocument(detail, 'u', 10)).toThrow(
      /^u: too large: \d+ bytes once decoded, over the 10-byte limit$/,
    );
    expect(() => unwrapDocument('<html></html>', 'u', 1000)).toThrow(/not JSON/);
    expect(() => unwrapDocument('{"fileName":"x"}', 'http://h/u', 1000)).toThrow(
      /neither the file \(data\) nor where it is/,
    );
    // A publication's DocumentFile: where the file is.
    expect(unwrapDocument('{"fileName":"x.pdf","url":"/publications/1/default/"}', 'http://h/api/x', 1000)).toEqual({
      url: 'http://h/publications/1/default/',
    });
  });

  it('chooses HTML before PDF among the files listed, and nothing when none is listed', () => {
    expect(chosenFormat([{ fileDataFormat: 'Pdf' }, { fileDataFormat: 'Html' }])).toBe('Html');
    expect(chosenFormat([{ fileDataFormat: 'pdf' }])).toBe('Pdf');
    expect(chosenFormat([{ fileDataFormat: 'Docx' }])).toBeNull();
    expect(chosenFormat(null)).toBeNull();
  });

  it('types publications by their type’s name', () => {
    expect(documentTypeOf('Government Response')).toBe('government-response');
    expect(documentTypeOf('Treasury Minutes')).toBe('government-response');
    expect(documentTypeOf('Report')).toBe('committee-report');
    expect(documentTypeOf('Special Report')).toBe('committee-report');
    expect(documentTypeOf('Written Evidence')).toBe('written-evidence');
    expect(documentTypeOf('Correspondence')).toBe('committee-publication');
  });

  it('dates a landing page by its <time>, its meta tag, or its words', () => {
    expect(landingDate('<p>Date published: <time datetime="2019-02-05T09:00">5 Feb</time></p>')).toBe('2019-02-05');
    expect(
      landingDate('<head><meta property="article:published_time" content="2020-03-10T00:01:00+00:00"></head>'),
    ).toBe('2020-03-10');
    expect(landingDate('<div><p>Published: 24 July 2018</p></div>')).toBe('2018-07-24');
    expect(landingDate('<div><p>Inspection fieldwork took place in 2018.</p></div>')).toBeNull();
  });
});
