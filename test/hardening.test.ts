import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
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
    fs.copyFileSync(path.join(CORPUS, 'seeds', fs.readdirSync(path.join(CORPUS, 'seeds'))[0]!), path.join(inbox, 'post.txt'));
    fs.symlinkSync(path.join(inbox, 'post.txt'), path.join(inbox, 'same-post-linked.txt'));
    const db = path.join(dir, 'index.db');
    const result = runCli(['ingest', inbox, '--db', db, '--quiet']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe(`report-miner: ${inbox}/p.txt: a link to ${outside}, outside the folder given; not followed (--follow-links follows it)\n`);
    // A link that stays inside the folder is read like any file.
    const indexed = exportKind<{ source: string }>('documents', db).map((d) => path.basename(d.source));
    expect(indexed).toContain('post.txt');
    expect(indexed).not.toContain('p.txt');
    const followed = runCli(['ingest', inbox, '--db', path.join(dir, 'followed.db'), '--quiet', '--follow-links']);
    expect(followed.stderr).not.toMatch(/not followed/);
    expect(exportKind<{ source: string }>('documents', path.join(dir, 'followed.db')).map((d) => path.basename(d.source))).toContain('p.txt');
  });
});

describe('bounded queries and filters', () => {
  const db = buildIndex([path.join(CORPUS, 'seeds')]);

  it('refuses a search too long or of too many words in one line, at once', () => {
    const long = runCli(['search', 'a'.repeat(120_000), '--db', db]);
    expect(long.status).toBe(1);
    expect(long.stderr).toBe('report-miner: the search is 120,000 characters long; at most 1000 are searched\n');
    const many = runCli(['search', Array(100).fill('"a"').join(' '), '--db', db]);
    expect(many.stderr).toBe('report-miner: the search has 100 words; at most 64 are searched\n');
  });

  it('refuses a name filter longer than a name in one line', () => {
    for (const [command, flag] of [['quotes', '--speaker'], ['ratings', '--subject'], ['figures', '--subject'], ['recommendations', '--addressee']] as const) {
      const result = runCli([command, flag, 'x'.repeat(60_000), '--db', db]);
      expect(result.status, command).toBe(1);
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

describe('sources manifest', () => {
  it('accepts http and https only, when it is read', () => {
    const manifest = path.join(tempDir(), 'sources.json');
    for (const url of ['file:///etc/passwd', 'data:text/plain,hello', 'javascript:alert(1)', 'ftp://example.org/a.pdf']) {
      fs.writeFileSync(manifest, JSON.stringify({ contact: 'https://example.org', sources: [{ url }] }));
      const result = runCli(['fetch', '--sources', manifest, '--db', path.join(path.dirname(manifest), 'i.db')]);
      expect(result.status, url).toBe(1);
      expect(result.stderr, url).toBe(`report-miner: ${manifest}: sources[0].url: expected an http or https URL\n`);
    }
  });
});
