import path from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  HIGHLIGHT_END,
  HIGHLIGHT_START,
  openIndex,
  searchPassages,
  SearchError,
  type PassageHit,
} from '../src/query/index.js';
import { buildIndex, CORPUS, runCli } from './helpers.js';

let db: string;

beforeAll(() => {
  db = buildIndex([CORPUS]);
});

function search(
  query: string,
  filters: Parameters<typeof searchPassages>[2] = {},
): { total: number; hits: PassageHit[] } {
  const index = openIndex(db);
  try {
    const result = index.searchPassages(query, { limit: 0, ...filters });
    return { total: result.total, hits: [...result.hits] };
  } finally {
    index.close();
  }
}

const fromFile = (hits: PassageHit[], name: string) => hits.filter((h) => path.basename(h.citation.source) === name);

describe('searching the embedded corpus', () => {
  it('caseload* finds the caseload passages, with the pages pdftotext shows', () => {
    const { hits, total } = search('caseload*');
    expect(total).toBe(hits.length);
    const bulletin = fromFile(hits, 'hmip-caseloads-workloads-2021.pdf');
    expect(bulletin.find((h) => h.text.includes('I think a caseload that is manageable'))?.citation.page).toBe(6);
    expect(bulletin.find((h) => h.text.startsWith('“My caseload has traditionally been over 60'))?.citation.page).toBe(
      6,
    );
    const speech = fromFile(hits, 'hmip-chief-inspector-speech-2020.pdf');
    expect(speech.find((h) => h.text.includes('two thirds of whom had a caseload of over 50'))?.citation.page).toBe(2);
    for (const hit of hits) expect(hit.snippet).toMatch(new RegExp(`${HIGHLIGHT_START}caseload`, 'i'));
  });

  it('"through the gate" matches the phrase only', () => {
    const { hits } = search('"through the gate"');
    expect(hits.length).toBeGreaterThan(0);
    // "through-the-gate" is the same phrase: the tokenizer splits words at hyphens.
    const words = (text: string) => text.toLowerCase().replace(/[-‐–]/g, ' ');
    for (const hit of hits) {
      expect(words(hit.text)).toContain('through the gate');
      // The phrase is one highlight, which the snippet's window may cut short.
      expect(words(hit.snippet)).toContain(`${HIGHLIGHT_START}through the`);
    }
    const speech = fromFile(hits, 'hmip-chief-inspector-speech-2020.pdf').map((h) => h.citation.page);
    expect(speech.sort()).toEqual([4, 5]);
  });

  it('Rainsbrook -MTC excludes every passage naming MTC', () => {
    const { hits } = search('Rainsbrook -MTC');
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) {
      expect(hit.text).toMatch(/Rainsbrook/i);
      expect(hit.text).not.toMatch(/\bMTC\b/);
    }
    const report = fromFile(hits, 'justice-committee-rainsbrook-2021.pdf');
    expect(report.map((h) => h.citation.page)).toEqual(expect.arrayContaining([3, 4, 5]));
    expect(report.find((h) => h.text.startsWith('17. We are glad to hear the Secretary of State'))?.citation.page).toBe(
      5,
    );
    expect(report.some((h) => h.text.startsWith('16. Consistently'))).toBe(false);
  });

  it('ranks by bm25 and cites title, publisher, date, page and source', () => {
    const { hits } = search('"Tees Valley"');
    const scores = hits.map((h) => h.score);
    expect([...scores].sort((a, b) => a - b)).toEqual(scores);
    const hit = fromFile(hits, 'hmip-chief-inspector-speech-2020.pdf')[0]!;
    expect(hit.cited).toBe(
      `Speech by HM Chief Inspector of Probation. HM Inspectorate of Probation, 2020, p. 5. ${hit.citation.source}`,
    );
  });

  it('orders as the FTS table’s configured rank does, and counts every match', () => {
    const index = openIndex(db);
    try {
      const match = 'text : ("probation")';
      const expected = index.db
        .prepare('SELECT rowid AS id FROM passages_fts WHERE passages_fts MATCH ? ORDER BY rank, rowid LIMIT 10')
        .all(match) as Array<{ id: number }>;
      const result = index.searchPassages('probation', { limit: 10 });
      expect([...result.hits].map((h) => h.passageId)).toEqual(expected.map((r) => r.id));
      const { total } = index.db
        .prepare('SELECT count(*) AS total FROM passages_fts WHERE passages_fts MATCH ?')
        .get(match) as { total: number };
      expect(result.total).toBe(total);
      expect(total).toBeGreaterThan(10);
    } finally {
      index.close();
    }
  });

  it('two searches iterated at once each get their own hits', () => {
    const index = openIndex(db);
    try {
      const first = index.searchPassages('caseload', { limit: 5 });
      const second = index.searchPassages('caseload', { limit: 5, offset: 5 });
      const pairs: Array<[number, number]> = [];
      // Streamed, so that both statements are open at once.
      const other = second.stream()[Symbol.iterator]();
      // A finished iterator's value is undefined; -1 then fails the comparison below.
      for (const hit of first.stream())
        pairs.push([hit.passageId, (other.next().value as PassageHit | undefined)?.passageId ?? -1]);
      expect(other.next().done).toBe(true);
      expect(pairs).toHaveLength(5);
      const all = [...index.searchPassages('caseload', { limit: 10 }).hits].map((h) => h.passageId);
      expect(pairs.map((p) => p[0]).concat(pairs.map((p) => p[1]))).toEqual(all);
    } finally {
      index.close();
    }
  });

  it('a filtered page and its count agree with the whole filtered list, past its end too', () => {
    const all = search('probation', { from: 2018, to: 2021 });
    expect(all.total).toBeGreaterThan(5);
    const page = search('probation', { from: 2018, to: 2021, limit: 3, offset: 2 });
    expect(page.total).toBe(all.total);
    expect(page.hits.map((h) => h.passageId)).toEqual(all.hits.slice(2, 5).map((h) => h.passageId));
    for (const hit of page.hits)
      expect(hit.snippet).toMatch(new RegExp(`${HIGHLIGHT_START}probation${HIGHLIGHT_END}`, 'i'));
    const beyond = search('probation', { from: 2018, to: 2021, limit: 3, offset: all.total });
    expect(beyond).toEqual({ total: all.total, hits: [] });
  });

  it('a filtered prefix search finds what the unfiltered one finds of that type, highlighted', () => {
    const research = search('caseload*').hits.filter((h) => h.type === 'research');
    expect(research.length).toBeGreaterThan(3);
    const filtered = search('caseload*', { type: 'research', limit: 3 });
    expect(filtered.total).toBe(research.length);
    expect(filtered.hits.map((h) => h.passageId)).toEqual(research.slice(0, 3).map((h) => h.passageId));
    for (const hit of filtered.hits) expect(hit.snippet).toMatch(new RegExp(`${HIGHLIGHT_START}caseload`, 'i'));
  });

  it('filters by type, publisher and year outside the MATCH', () => {
    expect(search('probation', { type: 'oral-evidence' }).hits.every((h) => h.type === 'oral-evidence')).toBe(true);
    const pac = search('Ministry', { publisher: 'Public Accounts' }).hits;
    expect(pac.length).toBeGreaterThan(0);
    expect(pac.every((h) => h.citation.publisher === 'House of Commons Committee of Public Accounts')).toBe(true);
    const years = search('probation', { from: 2018, to: 2020 }).hits.map((h) =>
      Number(h.citation.published!.slice(0, 4)),
    );
    expect(years.length).toBeGreaterThan(0);
    expect(years.every((y) => y >= 2018 && y <= 2020)).toBe(true);
    expect(search('probation', { publisher: '%' }).total).toBe(0);
  });

  it('refuses a year range that ends before it starts, and a type no document has, naming the types there are', () => {
    expect(() => search('probation', { from: 2025, to: 2019 })).toThrow(
      'bad search filter: from 2025 is after to 2019',
    );
    expect(() => search('probation', { type: 'inspections' })).toThrow(
      /^no document of type "inspections" in the index; its types are: .*\binspection\b/,
    );
    for (const args of [
      ['ratings', '--from', '2025', '--to', '2019'],
      ['search', 'probation', '--type', 'inspections'],
      ['search', '-caseload'],
    ]) {
      const result = runCli([...args, '--db', db]);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n')[0], args.join(' ')).toMatch(/^(report-miner|error): /);
    }
  });

  it('prints hits as --format json, ndjson or csv, the same rows each way', () => {
    const args = ['search', 'stress', '--kind', 'quote', '--db', db, '--limit', '5'];
    const json = JSON.parse(runCli([...args, '--format', 'json']).stdout) as Array<Record<string, unknown>>;
    expect(json).toHaveLength(5);
    expect(JSON.parse(runCli([...args, '--json']).stdout)).toEqual(json);
    const ndjson = runCli([...args, '--format', 'ndjson'])
      .stdout.trim()
      .split('\n');
    expect(ndjson.map((l) => JSON.parse(l) as unknown)).toEqual(json);
    const csv = parse<Record<string, string>>(runCli([...args, '--format', 'csv']).stdout, { columns: true });
    expect(csv.map((r) => r.citation)).toEqual(json.map((r) => r.citation));
    expect(csv.map((r) => r.speaker)).toEqual(json.map((r) => (r.speaker as string | null) ?? ''));
    const bad = runCli([...args, '--format', 'xml']);
    expect([bad.status, bad.stderr]).toEqual([
      2,
      'report-miner: unknown --format "xml"; one of: table, json, ndjson, csv\n',
    ]);
  });

  it('takes a query that starts with "-" after "--"', () => {
    const result = runCli(['search', '--db', db, '--limit', '1', '--', '-caseload OR Rainsbrook']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Rainsbrook/);
  });

  it('never raises an SQLite error for any query a user can type', () => {
    const index = openIndex(db);
    try {
      fc.assert(
        fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (q) => {
          // The one query refused before SQLite sees it: a one-letter prefix ("Ͱ*"), in a line of its own.
          if (/(?<![\p{L}\p{N}])[\p{L}\p{N}]\*/u.test(q)) {
            expect(() => searchPassages(index.db, q, { limit: 3 })).toThrow(/^the prefix ".\*" is too short/u);
            return;
          }
          const result = searchPassages(index.db, q, { limit: 3 });
          expect([...result.hits].length).toBeLessThanOrEqual(3);
        }),
        { numRuns: 500 },
      );
    } finally {
      index.close();
    }
  });

  it('explains an invalid --raw query in one line', () => {
    const index = openIndex(db);
    try {
      expect(() => index.searchPassages('NEAR(', { raw: true })).toThrow(SearchError);
      expect([...index.searchPassages('caseload* NOT nightmare', { raw: true }).hits].length).toBeGreaterThan(0);
    } finally {
      index.close();
    }
    const cli = runCli(['search', 'AND AND', '--raw', '--db', db]);
    expect(cli.status).toBe(2);
    expect(cli.stderr).toMatch(/^report-miner: invalid FTS5 query "AND AND": syntax error near "AND"\n$/);
  });

  it('the CLI shows how many hits it left out instead of capping silently', () => {
    const cli = runCli(['search', 'probation', '--limit', '2', '--db', db]);
    expect(cli.status).toBe(0);
    expect(cli.stdout.match(/^\d+\. /gm)).toHaveLength(2);
    expect(cli.stderr).toMatch(/^2 of \d+ matching passages shown; --limit 0 shows all/);
    const all = runCli(['search', 'probation', '--limit', '0', '--json', '--db', db]);
    const hits = JSON.parse(all.stdout) as Array<{ snippet: string; citation: string; page: number | null }>;
    expect(all.stderr).toBe(`${hits.length} matching passages\n`);
    expect(hits[0]!.snippet).toMatch(/\*\*probation\*\*/i);
  });
});
