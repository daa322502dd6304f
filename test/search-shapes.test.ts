import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../src/index/schema.js';
import { HIGHLIGHT_START, searchPassages } from '../src/query/index.js';
import { RANGE_SNIPPETS_BELOW } from '../src/query/search-sql.js';

// Each way search-sql.ts shapes a query, on an index with more matches than RANGE_SNIPPETS_BELOW,
// checked against the plain SQL: the same hits in the same order, every snippet highlighted.

const SENTENCES = [
  'Practitioners told us their caseload was unmanageable.',
  'A caseload of over 50 cases was common among probation officers.',
  'Caseloads rose in every division, and so did sickness absence.',
  'Probation services in the region were rated good.',
];

let db: BetterSqlite3.Database;

beforeAll(() => {
  db = new BetterSqlite3(':memory:');
  migrate(db);
  const addDocument = db.prepare(
    "INSERT INTO documents (source, sha256, format, title, type, published, status, bytes, pipeline_version, indexed_at) VALUES (?, ?, 'pdf', ?, ?, ?, 'indexed', 1, 0, '')",
  );
  const addPassage = db.prepare(
    "INSERT INTO passages (document_id, ordinal, page, kind, text) VALUES (?, ?, 1, 'paragraph', ?)",
  );
  db.transaction(() => {
    for (let d = 1; d <= 80; d++) {
      addDocument.run(
        `report-${d}.pdf`,
        String(d),
        `Report ${d}`,
        d % 2 ? 'inspection' : 'research',
        String(2015 + (d % 8)),
      );
      for (let p = 0; p < 100; p++)
        addPassage.run(d, p, `${SENTENCES[(d + p) % 4]} ${SENTENCES[(d * p) % 4]} Item ${d}-${p}.`);
    }
  })();
});

afterAll(() => db.close());

function expectedIds(match: string, where = '', limit = 10, offset = 0): number[] {
  const joins = where ? 'JOIN passages t ON t.id = f.rowid JOIN documents d ON d.id = t.document_id' : '';
  return (
    db
      .prepare(
        `SELECT f.rowid AS id FROM passages_fts f ${joins} WHERE passages_fts MATCH ? ${where ? `AND ${where}` : ''} ORDER BY rank, f.rowid LIMIT ? OFFSET ?`,
      )
      .all(match, limit, offset) as Array<{ id: number }>
  ).map((r) => r.id);
}

function check(query: string, match: string, filters: { type?: string; from?: number } = {}, where = '') {
  const result = searchPassages(db, query, { limit: 10, offset: 5, ...filters });
  const hits = [...result.hits];
  expect(hits.map((h) => h.passageId)).toEqual(expectedIds(match, where, 10, 5));
  for (const hit of hits) expect(hit.snippet).toMatch(new RegExp(`${HIGHLIGHT_START}caseload`, 'i'));
  return result.total;
}

describe('search shapes', () => {
  it('a word with many matches: ranked in the index, a snippet looked up per hit', () => {
    expect(check('caseload', 'text : ("caseload")')).toBeGreaterThan(RANGE_SNIPPETS_BELOW);
  });

  it('a prefix: snippets from one walk over the hits', () => {
    expect(check('caseload*', 'text : ("caseload" *)')).toBeGreaterThan(RANGE_SNIPPETS_BELOW);
  });

  it('a phrase with fewer matches than the range limit', () => {
    const total = check('"caseload of over"', 'text : ("caseload of over")');
    expect(total).toBeLessThan(RANGE_SNIPPETS_BELOW);
    expect(total).toBeGreaterThan(0);
  });

  it('filters: page and count from one pass, with and without a prefix', () => {
    const where = "d.type = 'research' AND CAST(substr(d.published, 1, 4) AS INTEGER) >= 2018";
    const count = (match: string) =>
      (
        db
          .prepare(
            `SELECT count(*) AS n FROM passages_fts f JOIN passages t ON t.id = f.rowid JOIN documents d ON d.id = t.document_id WHERE passages_fts MATCH ? AND ${where}`,
          )
          .get(match) as { n: number }
      ).n;
    expect(check('caseload', 'text : ("caseload")', { type: 'research', from: 2018 }, where)).toBe(
      count('text : ("caseload")'),
    );
    expect(check('caseload*', 'text : ("caseload" *)', { type: 'research', from: 2018 }, where)).toBe(
      count('text : ("caseload" *)'),
    );
  });
});
