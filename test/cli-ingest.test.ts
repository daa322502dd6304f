import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportKind, fixture, FIXTURES, runCli, tempDir } from './helpers.js';
import { makeInbox } from './support/inbox.js';

interface ExportedDocument {
  source: string;
  title: string | null;
  type: string | null;
  pages: number | null;
  status: string;
  passages: number;
}

function passageCount(db: string): number {
  const conn = new BetterSqlite3(db, { readonly: true });
  try {
    return (conn.prepare('SELECT count(*) AS n FROM passages').get() as { n: number }).n;
  } finally {
    conn.close();
  }
}

describe('report-miner ingest on bad input', () => {
  let dir: string;
  let db: string;
  let result: ReturnType<typeof runCli>;

  beforeAll(async () => {
    dir = tempDir();
    await makeInbox(dir);
    db = path.join(dir, 'index.db');
    result = runCli(['ingest', dir, '--db', db, '--quiet']);
  });

  it('names each unreadable file with its reason, one line each', () => {
    const lines = result.stderr.trim().split('\n');
    const reasonOf = (name: string) => lines.filter((l) => l.includes(path.join(dir, name)));
    expect(reasonOf('empty.pdf')).toEqual([`report-miner: ${path.join(dir, 'empty.pdf')}: empty file (0 bytes)`]);
    expect(reasonOf('error-page.pdf')[0]).toMatch(
      /named \.pdf but is not a PDF \(no %PDF- header; content is an HTML page\)$/,
    );
    expect(reasonOf('truncated.pdf')[0]).toMatch(/damaged or truncated PDF/);
    expect(reasonOf('encrypted.pdf')[0]).toMatch(/encrypted: a password is needed to open it$/);
    expect(reasonOf('scanned.pdf')[0]).toMatch(
      /no text layer, and no words OCR could read; recorded with status no-text$/,
    );
    expect(lines).toHaveLength(5);
  });

  it('still indexes every readable document, deciding the type by content', () => {
    expect(result.status).toBe(0);
    const docs = exportKind<ExportedDocument>('documents', db);
    const byName = new Map(docs.map((d) => [path.basename(d.source), d]));
    expect([...byName.keys()].sort()).toEqual([
      'blog-saved-as.txt',
      'good.pdf',
      'owner-password-only.pdf',
      'scanned.pdf',
    ]);
    expect(byName.get('blog-saved-as.txt')).toMatchObject({ type: 'blog', status: 'indexed' });
    expect(byName.get('owner-password-only.pdf')).toMatchObject({ pages: 4, status: 'indexed' });
    expect(byName.get('scanned.pdf')).toMatchObject({ pages: 1, status: 'no-text', passages: 0 });
  });

  it('exits non-zero when no document could be read', () => {
    const only = tempDir();
    fs.writeFileSync(path.join(only, 'broken.pdf'), '%PDF-1.7\n garbage');
    const failed = runCli(['ingest', only, '--db', path.join(only, 'index.db'), '--quiet']);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain(`${path.join(only, 'broken.pdf')}: `);
  });

  it('says so, in one line, when a path does not exist', () => {
    const missing = runCli(['ingest', path.join(dir, 'nowhere'), '--db', db, '--quiet']);
    expect(missing.stderr).toBe(`report-miner: ${path.join(dir, 'nowhere')}: no such file or folder\n`);
    expect(missing.status).toBe(1);
  });
});

describe('report-miner ingest, again', () => {
  it('does no work for unchanged files, replaces a changed one, and never duplicates', () => {
    const dir = tempDir();
    const corpus = path.join(dir, 'docs');
    fs.cpSync(FIXTURES, corpus, { recursive: true });
    const db = path.join(dir, 'index.db');
    const first = runCli(['ingest', corpus, '--db', db, '--quiet']);
    expect(first.stdout).toMatch(/^8 documents indexed \(\d+ passages\), 0 unchanged/);
    const passages = passageCount(db);

    const second = runCli(['ingest', corpus, '--db', db, '--quiet']);
    expect(second.stdout).toMatch(/^0 documents indexed \(0 passages\), 8 unchanged/);
    expect(passageCount(db)).toBe(passages);

    const blog = path.join(corpus, 'on-probation-annual-report-reactions-2017-12-14.html');
    const before = exportKind<ExportedDocument>('documents', db).find((d) => d.source === blog)!;
    fs.writeFileSync(
      blog,
      fs.readFileSync(blog, 'utf8').replace('<p>Frances Crook', '<p>An added paragraph.</p><p>Frances Crook'),
    );
    const third = runCli(['ingest', corpus, '--db', db, '--quiet']);
    expect(third.stdout).toMatch(/^1 document indexed \(\d+ passages\), 7 unchanged/);
    const docs = exportKind<ExportedDocument>('documents', db);
    expect(docs).toHaveLength(8);
    expect(docs.find((d) => d.source === blog)!.passages).toBe(before.passages + 1);
    expect(passageCount(db)).toBe(passages + 1);
  });

  it('keeps sources as given: the argument joined with the path below it', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'a', 'b'), { recursive: true });
    fs.copyFileSync(fixture('hmip-london-crc-inspection-2018.pdf'), path.join(dir, 'a', 'b', 'london.pdf'));
    const db = path.join(dir, 'index.db');
    runCli(['ingest', 'a', '--db', db, '--quiet'], dir);
    expect(exportKind<ExportedDocument>('documents', db).map((d) => d.source)).toEqual([
      path.join('a', 'b', 'london.pdf'),
    ]);
  });
});

describe('where ingest writes', () => {
  it('only the index it was given: names and titles in documents decide nothing', () => {
    const dir = tempDir();
    const docs = path.join(dir, 'docs');
    fs.mkdirSync(docs);
    fs.writeFileSync(
      path.join(docs, '..%2F..%2Fevil.html'),
      '<html><head><title>../../../tmp/evil</title></head><body><h1>/etc/passwd</h1><p>Text.</p></body></html>',
    );
    fs.writeFileSync(path.join(docs, 'notes.txt'), '../../outside\nA line of text about probation.');
    const out = path.join(dir, 'out');
    fs.mkdirSync(out);
    const before = fs.readdirSync(dir).sort();
    expect(runCli(['ingest', docs, '--db', path.join(out, 'index.db'), '--quiet']).status).toBe(0);
    expect(fs.readdirSync(dir).sort()).toEqual(before);
    expect(fs.readdirSync(docs).sort()).toEqual(['..%2F..%2Fevil.html', 'notes.txt']);
    // The index, its WAL files and the write lock's database (which is kept: see src/index/lock.ts).
    expect(fs.readdirSync(out).filter((f) => !/^index\.db(-wal|-shm|\.lock)?$/.test(f))).toEqual([]);
  });
});

describe('a folder that says where its files are published (published.json)', () => {
  const dir = tempDir();
  const db = path.join(dir, 'index.db');
  const docs = path.join(dir, 'docs');
  const sidecar = path.join(docs, 'published.json');
  const writeSidecar = (entries: unknown) => {
    fs.writeFileSync(sidecar, JSON.stringify(entries));
  };
  fs.mkdirSync(docs);
  fs.copyFileSync(fixture('hmip-suffolk-inspection-2017.pdf'), path.join(docs, 'suffolk.pdf'));
  fs.copyFileSync(fixture('on-probation-annual-report-reactions-2017-12-14.html'), path.join(docs, 'post.txt'));
  const url = 'https://inspectorate.example/reports/suffolk.pdf';

  it('cites a copy by its published URL, an excerpt as one, and takes what the folder knows of a file', () => {
    writeSidecar({
      'suffolk.pdf': { url, excerpt: true },
      'post.txt': { publisher: 'A Probation Blog', type: 'blog', published: '2017-12-15' },
    });
    expect(runCli(['ingest', docs, '--db', db, '--quiet']).status).toBe(0);
    const exported = exportKind<{ source: string; url: string | null; publisher: string; published: string }>(
      'documents',
      db,
    );
    expect(exported.find((d) => d.source.endsWith('suffolk.pdf'))).toMatchObject({ url });
    expect(exported.find((d) => d.source.endsWith('post.txt'))).toMatchObject({
      url: null,
      publisher: 'A Probation Blog',
      published: '2017-12-15',
    });
    const hit = JSON.parse(runCli(['search', 'Suffolk', '--db', db, '--json', '--limit', '1']).stdout) as Array<{
      citation: string;
    }>;
    expect(hit[0]!.citation).toMatch(
      new RegExp(`Excerpt of ${url.replace(/[.]/g, '\\.')}, p\\. \\d+ of this copy\\. .*suffolk\\.pdf$`),
    );
  });

  it('reads a file again when what its folder says of it changes, and not otherwise', () => {
    expect(runCli(['ingest', docs, '--db', db, '--quiet']).stdout).toMatch(/^0 documents indexed .* 2 unchanged/);
    writeSidecar({ 'suffolk.pdf': { url, excerpt: false } });
    expect(runCli(['ingest', docs, '--db', db, '--quiet']).stdout).toMatch(/^2 documents indexed .* 0 unchanged/);
    const hit = JSON.parse(runCli(['search', 'Suffolk', '--db', db, '--json', '--limit', '1']).stdout) as Array<{
      citation: string;
    }>;
    expect(hit[0]!.citation).toMatch(new RegExp(`${url.replace(/[.]/g, '\\.')}#page=\\d+$`));
  });

  it('names a sidecar it cannot use in one line, and indexes the folder without it', () => {
    writeSidecar({ 'suffolk.pdf': { url: 'file:///etc/passwd' } });
    const result = runCli(['ingest', docs, '--db', db, '--quiet']);
    expect(result.stderr).toBe(
      `report-miner: ${sidecar}: suffolk.pdf.url: expected an http or https URL; its folder's files are indexed without it\n`,
    );
    expect(result.status).toBe(0);
    expect(exportKind<{ url: string | null }>('documents', db).map((d) => d.url)).toEqual([null, null]);
  });

  it('cites a saved web page by the canonical URL it declares, unless its folder says otherwise', () => {
    const saved = path.join(docs, 'saved.html');
    const canonical = 'https://blog.example/2021/03/caseloads.html';
    fs.writeFileSync(
      saved,
      `<html><head><title>Caseloads</title><link rel="canonical" href="${canonical}"></head><body><article><p>Probation officers in Northshire described caseloads of sixty cases.</p></article></body></html>`,
    );
    writeSidecar({});
    expect(runCli(['ingest', docs, '--db', db, '--quiet']).status).toBe(0);
    const hit = JSON.parse(runCli(['search', 'Northshire', '--db', db, '--json']).stdout) as Array<{
      citation: string;
    }>;
    expect(hit.map((h) => h.citation)).toEqual([
      expect.stringMatching(new RegExp(`${canonical.replace(/[.]/g, '\\.')}$`)),
    ]);
    const other = 'https://mirror.example/caseloads';
    writeSidecar({ 'saved.html': { url: other } });
    expect(runCli(['ingest', docs, '--db', db, '--quiet']).status).toBe(0);
    expect(
      exportKind<{ source: string; url: string | null }>('documents', db).find((d) => d.source === saved)?.url,
    ).toBe(other);
  });
});
