import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
// The compiled ingest, as the CLI runs it: its worker threads load compiled modules.
import { IndexNotWritableError } from '../dist/index/lock.js';
import { openDatabase } from '../dist/index/open.js';
import { ingest, type IngestEvent } from '../dist/pipeline/ingest.js';
import { openIndex } from '../dist/query/report-index.js';
import { SearchTimeout } from '../dist/query/time-limit.js';
import { buildIndex, CORPUS, exportKind, runCli, tempDir } from './helpers.js';

describe('names and links from the files given', () => {
  it('prints a file name with a newline or an escape sequence as escapes, on one line', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a\nreport-miner: forged line.pdf'), '');
    fs.writeFileSync(path.join(dir, 'b\u001b[31mred.pdf'), '');
    const result = runCli(['ingest', dir, '--db', path.join(dir, 'index.db'), '--quiet']);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(`report-miner: ${dir}/a\\nreport-miner: forged line.pdf: empty file (0 bytes)`);
    expect(lines[1]).toBe(`report-miner: ${dir}/b\\x1b[31mred.pdf: empty file (0 bytes)`);
    expect(result.stderr).not.toContain('\u001b');
  });

  it('does not follow a link out of the folder given, and says so; --follow-links does', () => {
    const dir = tempDir();
    const inbox = path.join(dir, 'inbox');
    fs.mkdirSync(inbox);
    const outside = path.join(dir, 'private.txt');
    fs.writeFileSync(outside, 'root:x:0:0:root:/root:/bin/bash and other words nobody should index.');
    fs.symlinkSync(outside, path.join(inbox, 'p.txt'));
    fs.copyFileSync(
      path.join(CORPUS, 'seeds', fs.readdirSync(path.join(CORPUS, 'seeds'))[0]!),
      path.join(inbox, 'post.txt'),
    );
    fs.symlinkSync(path.join(inbox, 'post.txt'), path.join(inbox, 'same-post-linked.txt'));
    const db = path.join(dir, 'index.db');
    const result = runCli(['ingest', inbox, '--db', db, '--quiet']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe(
      `report-miner: ${inbox}/p.txt: a link to ${outside}, outside the folder given; not followed (--follow-links follows it)\n`,
    );
    // A link that stays inside the folder is read like any file.
    const indexed = exportKind<{ source: string }>('documents', db).map((d) => path.basename(d.source));
    expect(indexed).toContain('post.txt');
    expect(indexed).not.toContain('p.txt');
    const followed = runCli(['ingest', inbox, '--db', path.join(dir, 'followed.db'), '--quiet', '--follow-links']);
    expect(followed.stderr).not.toMatch(/not followed/);
    expect(
      exportKind<{ source: string }>('documents', path.join(dir, 'followed.db')).map((d) => path.basename(d.source)),
    ).toContain('p.txt');
  });
});

describe('bounded queries and filters', () => {
  const db = buildIndex([path.join(CORPUS, 'seeds')]);

  it('refuses a search too long or of too many words in one line, at once', () => {
    const long = runCli(['search', 'a'.repeat(120_000), '--db', db]);
    expect(long.status).toBe(2);
    expect(long.stderr).toBe('report-miner: the search is 120,000 characters long; at most 1000 are searched\n');
    const many = runCli(['search', Array(100).fill('"a"').join(' '), '--db', db]);
    expect(many.stderr).toBe('report-miner: the search has 100 words; at most 64 are searched\n');
  });

  it('refuses a name filter longer than a name in one line', () => {
    for (const [command, flag] of [
      ['quotes', '--speaker'],
      ['ratings', '--subject'],
      ['figures', '--subject'],
      ['recommendations', '--addressee'],
    ] as const) {
      const result = runCli([command, flag, 'x'.repeat(60_000), '--db', db]);
      expect(result.status, command).toBe(2);
      expect(result.stderr.trim().split('\n'), command).toHaveLength(1);
      expect(result.stderr, command).toMatch(/at most 500 characters/);
    }
  });

  it('takes % and _ in a filter literally', () => {
    const all = exportKind<{ speaker: string | null }>('quotes', db).length;
    expect(all).toBeGreaterThan(0);
    const result = runCli(['quotes', '--speaker', '%', '--format', 'json', '--db', db]);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([]);
  });
});

describe('a search that runs too long', () => {
  // The seeds' index with 20,000 more passages and quotes that all match: rows enough for the time limit's check to come round.
  const db = buildIndex([path.join(CORPUS, 'seeds')]);
  const conn = new BetterSqlite3(db);
  const documentId = (conn.prepare('SELECT min(id) AS id FROM documents').get() as { id: number }).id;
  const addPassage = conn.prepare(
    "INSERT INTO passages (document_id, ordinal, page, kind, heading, text) VALUES (?, ?, 1, 'paragraph', NULL, ?)",
  );
  const addQuote = conn.prepare(
    "INSERT INTO quotes (document_id, ordinal, page, text, kind) VALUES (?, ?, 1, ?, 'testimony')",
  );
  conn.transaction(() => {
    for (let i = 0; i < 20_000; i++) {
      addPassage.run(documentId, 100_000 + i, `Passage ${i} on probation caseloads and staff workloads.`);
      addQuote.run(documentId, 100_000 + i, `Quote ${i}: probation caseloads are too high.`);
    }
  })();
  conn.close();

  it('is stopped at its time limit, in one line, and the same search runs to the end within the default', () => {
    const stopped = runCli(['search', 'probation caseloads', '--db', db, '--time-limit', '0.000001']);
    expect(stopped.status).toBe(2);
    expect(stopped.stderr).toBe(
      'report-miner: the search ran longer than 0.000001 s and was stopped; narrow it (fewer prefix* or OR terms, a filter) or allow more time (--time-limit)\n',
    );
    const quotes = runCli(['quotes', 'probation', '--db', db, '--time-limit', '0.000001']);
    expect(quotes.stderr).toMatch(/^report-miner: the search ran longer than 0\.000001 s/);
    const finished = runCli(['search', 'probation caseloads', '--db', db, '--limit', '1', '--format', 'json']);
    expect(finished.status).toBe(0);
    expect(JSON.parse(finished.stdout)).toHaveLength(1);
    expect(finished.stderr).toMatch(/^1 of 200\d\d matching passages shown/);
  });

  it('throws SearchTimeout in the library, filtered or not, streamed or not, and the index answers the next search', () => {
    const index = openIndex(db);
    try {
      for (const filters of [{}, { type: 'blog' }, { limit: 0 }]) {
        expect(() => index.searchPassages('probation', { ...filters, timeLimit: 1e-6 }).hits).toThrow(SearchTimeout);
      }
      expect(index.searchPassages('probation', { limit: 3 }).hits).toHaveLength(3);
    } finally {
      index.close();
    }
  });

  it('refuses a one-letter prefix, which reads nearly the whole index before any limit can stop it', () => {
    const result = runCli(['search', 'probation s*', '--db', db]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('report-miner: the prefix "s*" is too short: give at least 2 letters before the *\n');
    expect(runCli(['search', 'st*', '--db', db, '--limit', '1']).status).toBe(0);
  });
});

describe('sources manifest', () => {
  it('accepts http and https only, when it is read', () => {
    const manifest = path.join(tempDir(), 'sources.json');
    for (const url of [
      'file:///etc/passwd',
      'data:text/plain,hello',
      'javascript:alert(1)',
      'ftp://example.org/a.pdf',
    ]) {
      fs.writeFileSync(manifest, JSON.stringify({ contact: 'https://example.org', sources: [{ url }] }));
      const result = runCli(['fetch', '--sources', manifest, '--db', path.join(path.dirname(manifest), 'i.db')]);
      expect(result.status, url).toBe(2);
      expect(result.stderr, url).toBe(`report-miner: ${manifest}: sources[0].url: expected an http or https URL\n`);
    }
  });
});

describe('an index that cannot be used is named in one line', () => {
  it('says what is wrong with a --db that is no index, a folder, or of a newer report-miner', () => {
    const dir = tempDir();
    const text = path.join(dir, 'notes.db');
    fs.writeFileSync(text, 'These are notes, not a database. '.repeat(200));
    for (const command of [
      ['search', 'probation'],
      ['ingest', path.join(CORPUS, 'seeds')],
      ['export', 'quotes'],
    ]) {
      const result = runCli([...command, '--db', text]);
      expect(result.status, command[0]).toBe(2);
      expect(result.stderr, command[0]).toBe(
        `report-miner: ${text}: not an SQLite database, so not a report-miner index\n`,
      );
    }
    expect(runCli(['search', 'probation', '--db', dir]).stderr).toBe(
      `report-miner: ${dir}: a folder, not an index file; name a file with --db\n`,
    );
    const newer = buildIndex([path.join(CORPUS, 'seeds')]);
    const conn = new BetterSqlite3(newer);
    conn.prepare('UPDATE schema_version SET version = version + 1').run();
    conn.close();
    for (const command of [
      ['search', 'probation'],
      ['ingest', path.join(CORPUS, 'seeds')],
    ]) {
      const result = runCli([...command, '--db', newer]);
      expect(result.status, command[0]).toBe(2);
      expect(result.stderr, command[0]).toMatch(
        /: made by a newer report-miner \(index schema \d+; this one knows \d+\); upgrade report-miner to use it\n$/,
      );
      expect(result.stderr).not.toMatch(/re-run/);
    }
  });

  it('says so for an empty --db name and an empty file, with exit status 2', () => {
    const empty = path.join(tempDir(), 'empty.db');
    fs.writeFileSync(empty, '');
    for (const [db, line] of [
      ['', 'report-miner: --db "": no index file named\n'],
      [
        empty,
        `report-miner: ${empty}: an empty file, not an index; build one with "report-miner ingest <paths> --db ${empty}"\n`,
      ],
    ] as const) {
      const result = runCli(['search', 'probation', '--db', db]);
      expect([result.status, result.stderr]).toEqual([2, line]);
    }
  });

  it('says so when a chart is to go into a folder that does not exist', () => {
    const db = buildIndex([path.join(CORPUS, 'seeds')]);
    const out = path.join(tempDir(), 'missing', 'chart.svg');
    const result = runCli(['chart', 'ratings', '--out', out, '--db', db]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`report-miner: --out ${out}: no folder ${path.dirname(out)}\n`);
  });
});

describe('documents that are valid but extreme', () => {
  it('reads HTML nested 100,000 deep', () => {
    const dir = tempDir();
    const depth = 100_000;
    fs.writeFileSync(
      path.join(dir, 'deep.html'),
      `<html><body>${'<div>'.repeat(depth)}<p>Probation caseloads were too high in every region we visited.</p>${'</div>'.repeat(depth)}</body></html>`,
    );
    const db = path.join(dir, 'index.db');
    const result = runCli(['ingest', dir, '--db', db, '--quiet']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(exportKind<{ passages: number }>('documents', db)[0]!.passages).toBe(1);
  });

  it('keeps a million findings of one document', () => {
    const dir = tempDir();
    // 20,000 paragraphs of 50 short sentences, each a share of staff.
    const paragraph = Array.from({ length: 50 }, (_, i) => `${i + 1}% of staff agreed.`).join(' ');
    fs.writeFileSync(
      path.join(dir, 'figures.html'),
      `<html><body>${`<p>${paragraph}</p>`.repeat(20_000)}</body></html>`,
    );
    const db = path.join(dir, 'index.db');
    const result = runCli(['ingest', dir, '--db', db, '--quiet', '--timeout', '600']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const conn = new BetterSqlite3(db, { readonly: true });
    expect((conn.prepare('SELECT count(*) AS n FROM figures').get() as { n: number }).n).toBe(1_000_000);
    conn.close();
  }, 600_000);
});

describe('a disk that fills during an ingest', () => {
  it('stops at the first write that does not fit, says so once, and keeps every document whole', async () => {
    const file = path.join(tempDir(), 'index.db');
    const db = openDatabase(file);
    try {
      await ingest(db, [path.join(CORPUS, 'fixtures', 'hmip-suffolk-inspection-2017.pdf')]);
      // SQLite's own size cap gives the "database or disk is full" a full disk gives, on any machine.
      db.pragma(`max_page_count = ${(db.pragma('page_count', { simple: true }) as number) + 30}`);
      const events: IngestEvent[] = [];
      await expect(ingest(db, [path.join(CORPUS, 'real')], { onEvent: (e) => events.push(e) })).rejects.toThrow(
        new IndexNotWritableError(
          `${file}: the disk is full; ingest stopped, and what was indexed before it is kept (each document is written whole or not at all)`,
        ),
      );
      // No line per document that could not be written: one error, from the ingest.
      expect(events.filter((e) => e.type === 'failed')).toEqual([]);
      const indexed = events.filter((e) => e.type === 'indexed').length;
      expect(indexed).toBeLessThan(14);
      const documents = db.prepare("SELECT id FROM documents WHERE status = 'indexed'").pluck().all() as number[];
      expect(documents).toHaveLength(1 + indexed);
      for (const id of documents)
        expect(db.prepare('SELECT count(*) FROM passages WHERE document_id = ?').pluck().get(id)).toBeGreaterThan(0);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  });
});

describe('an index on read-only media', () => {
  it('is left by ingest in rollback-journal mode, which a reader opens without writing a -shm file', () => {
    const db = buildIndex([path.join(CORPUS, 'fixtures', 'hmip-suffolk-inspection-2017.pdf')]);
    // Bytes 18 and 19 of the header: 1 for a rollback journal, 2 for WAL (whose readers must create db-shm,
    // which a USB stick or read-only share refuses: "cannot be opened").
    const header = fs.readFileSync(db).subarray(18, 20);
    expect([...header]).toEqual([1, 1]);
    expect(fs.existsSync(`${db}-wal`) || fs.existsSync(`${db}-shm`)).toBe(false);
    const search = runCli(['search', 'Suffolk', '--db', db, '--limit', '1']);
    expect(search.status).toBe(0);
    expect(fs.existsSync(`${db}-shm`)).toBe(false);
  });
});
