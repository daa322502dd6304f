import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalisedWords } from '../src/index/duplicates.js';
import { openIndex, type ReportIndex } from '../src/query/index.js';
import { exportKind, runCli, tempDir } from './helpers.js';

/**
 * Constructed documents (not real publications): an inspection report and a blog post that copies
 * one of its staff quotes twice (straight marks, other spacing) and its recommendation. The blog is dated
 * before the report, as a mis-dated copy may be: the report is still the original.
 */
const REPORT = `Caseloads in the Northshire probation service
HM Inspectorate of Probation
Published 3 March 2020

Staff told us about their workloads. One officer said: “I have more cases than I can manage and I work most evenings to keep up.” (PSO, CRC)

Another said the same: “I have more cases than I can manage and I work most evenings to keep up.” (PO, NPS)

“We are not there yet,” said Jane Smith, chief executive of Northshire CRC.

Recommendations

1. The Ministry of Justice should publish caseload figures for every region each quarter.
`;

const BLOG = `The inspectors went to Northshire

A probation worker told the inspectors: "I have more cases than I can manage and I work most   evenings to keep up." (PSO, CRC)

To say it again: "I have more cases than I can manage and I work most evenings to keep up." (PSO, CRC)

"We are not there yet," said Ahmed Khan, director of the Northshire Trust.

Recommendations

1. The Ministry of Justice should publish caseload figures for every region each quarter.
`;

const SIDECAR = { 'blog.txt': { type: 'blog', publisher: 'A probation blog', published: '2020-02' } };

interface ExportedQuote {
  id: number;
  duplicate_of: number | null;
  source: string;
  text: string;
  speaker: string | null;
  role: string | null;
}

let dir: string;
let db: string;

function ingest(): void {
  const run = runCli(['ingest', path.join(dir, 'docs'), '--db', db, '--quiet']);
  if (run.status !== 0) throw new Error(run.stderr);
}

beforeAll(() => {
  dir = tempDir();
  fs.mkdirSync(path.join(dir, 'docs'));
  fs.writeFileSync(path.join(dir, 'docs', 'report.txt'), REPORT);
  fs.writeFileSync(path.join(dir, 'docs', 'blog.txt'), BLOG);
  fs.writeFileSync(path.join(dir, 'docs', 'published.json'), JSON.stringify(SIDECAR));
  db = path.join(dir, 'index.db');
  ingest();
});

describe('normalisedWords', () => {
  it('ignores case, marks, punctuation and spacing, not the words', () => {
    expect(normalisedWords('“It’s  Rare,” she said.')).toBe(normalisedWords('"it\'s rare" she said'));
    expect(normalisedWords('It is rare')).not.toBe(normalisedWords('It is not rare'));
    expect(normalisedWords(null)).toBe('');
  });
});

describe('one row per fact', () => {
  let index: ReportIndex;
  beforeAll(() => {
    index = openIndex(db);
  });
  afterAll(() => {
    index.close();
  });

  it('export keeps the copy, linked to the original in the report', () => {
    const quotes = exportKind<ExportedQuote>('quotes', db);
    const inBlog = quotes.filter((q) => q.source.endsWith('blog.txt') && q.role === 'PSO');
    const inReport = quotes.filter((q) => q.source.endsWith('report.txt') && q.role === 'PSO');
    expect(inReport).toHaveLength(1);
    // Pasted twice, by the same person: both are copies of the one fact the report states.
    expect(inBlog.map((q) => q.duplicate_of)).toEqual([inReport[0]!.id, inReport[0]!.id]);
    expect(inReport[0]!.duplicate_of).toBeNull();
  });

  it('lists the quote once, from the report, with the blog that copies it', () => {
    const hits = index.searchQuotes('', { limit: 0 }).hits.filter((q) => q.text.startsWith('I have more cases'));
    // The report's PSO and PO say the same words: two facts, both kept; the blog's copy is not listed.
    expect(hits.map((q) => [path.basename(q.citation.source), q.role])).toEqual([
      ['report.txt', 'PSO'],
      ['report.txt', 'PO'],
    ]);
    expect(hits[0]!.alsoIn).toEqual([path.join(dir, 'docs', 'blog.txt')]);
    expect(hits[1]!.alsoIn).toEqual([]);
  });

  it('keeps short answers by different people apart', () => {
    const hits = index.searchQuotes('there yet', { limit: 0 }).hits;
    expect(hits.map((q) => q.speaker).sort()).toEqual(['Ahmed Khan', 'Jane Smith']);
  });

  it('lists a copied recommendation once, and search finds it once', () => {
    const listed = index.recommendations().filter((r) => r.text.includes('caseload figures for every region'));
    expect(listed.map((r) => path.basename(r.citation.source))).toEqual(['report.txt']);
    expect(listed[0]!.alsoIn).toEqual([path.join(dir, 'docs', 'blog.txt')]);
    expect(index.searchRecommendations('caseload figures region').total).toBe(1);
  });

  it('links without re-indexing the words, and the full-text indexes stay whole', () => {
    const writer = new BetterSqlite3(db);
    try {
      const totalChanges = () => writer.prepare('SELECT total_changes() AS n').pluck().get() as number;
      const before = totalChanges();
      // total_changes counts what triggers write too: a link touches the row and nothing in quotes_fts.
      writer.prepare('UPDATE quotes SET duplicate_of = duplicate_of WHERE id = (SELECT min(id) FROM quotes)').run();
      expect(totalChanges() - before).toBe(1);
      for (const table of ['quotes_fts', 'recommendations_fts'])
        expect(() => writer.prepare(`INSERT INTO ${table} (${table}) VALUES ('integrity-check')`).run()).not.toThrow();
    } finally {
      writer.close();
    }
  });
});

describe('when the original goes', () => {
  it('the copy becomes the fact listed, with its own citation', () => {
    fs.writeFileSync(
      path.join(dir, 'docs', 'report.txt'),
      REPORT.replace(/^Staff told us[\s\S]*?\(PO, NPS\)\n/m, 'Staff told us about their workloads.\n'),
    );
    ingest();
    const index = openIndex(db);
    try {
      const hits = index.searchQuotes('more cases than I can manage').hits;
      expect(hits.map((q) => path.basename(q.citation.source))).toEqual(['blog.txt']);
      expect(hits[0]!.alsoIn).toEqual([]);
    } finally {
      index.close();
    }
  });
});
