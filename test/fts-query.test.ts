import BetterSqlite3 from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toFtsQuery } from '../src/query/fts-query.js';

function matchOf(input: string): string | null {
  return toFtsQuery(input).match;
}

describe('toFtsQuery', () => {
  it('ANDs plain words, each quoted', () => {
    expect(matchOf('caseloads unmanageable')).toBe('"caseloads" AND "unmanageable"');
  });

  it('keeps quoted phrases together', () => {
    expect(matchOf('"through the gate" CRC')).toBe('"through the gate" AND "CRC"');
  });

  it('turns -word and -"phrase" into exclusions', () => {
    expect(matchOf('Rainsbrook -MTC -"secure training"')).toBe('("Rainsbrook") NOT "MTC" NOT "secure training"');
  });

  it('turns word* into a prefix query', () => {
    expect(matchOf('caseload*')).toBe('"caseload" *');
  });

  it('groups OR between terms before the AND', () => {
    expect(matchOf('PSO OR PO stress')).toBe('("PSO" OR "PO") AND "stress"');
  });

  it('takes FTS5 syntax in the input literally', () => {
    expect(matchOf('NEAR(a b) text: AND NOT')).toBe('"NEAR(a" AND "b)" AND "text:" AND "AND" AND "NOT"');
    expect(matchOf('say "hello')).toBe('"say" AND """hello"');
    expect(matchOf('5" screen')).toBe('"5""" AND "screen"');
  });

  it('reads a dangling or doubled OR as the word', () => {
    expect(matchOf('OR probation')).toBe('"OR" AND "probation"');
    expect(matchOf('probation OR')).toBe('"probation" AND "OR"');
  });

  it('drops control characters, which would end the expression early', () => {
    expect(matchOf('AND\u0000 x')).toBe('"AND" AND "x"');
  });

  it('has nothing to search for when every word is excluded or punctuation', () => {
    expect(toFtsQuery('-MTC')).toEqual({
      match: null,
      reason: 'a search needs at least one word that is not excluded',
    });
    expect(toFtsQuery(' ( ) - * " ')).toEqual({ match: null, reason: 'nothing to search for' });
  });
});

describe('toFtsQuery against a real FTS5 table', () => {
  const db = new BetterSqlite3(':memory:');
  db.exec("CREATE VIRTUAL TABLE t USING fts5(text, heading, tokenize = 'porter unicode61 remove_diacritics 2')");
  db.prepare('INSERT INTO t VALUES (?, ?)').run(
    'Caseloads were unmanageable for two thirds of PSOs (PSO, CRC).',
    'Café',
  );
  const search = db.prepare('SELECT count(*) AS n FROM t WHERE t MATCH ?');
  const count = (input: string) => {
    const { match } = toFtsQuery(input);
    return match === null ? 0 : (search.get(match) as { n: number }).n;
  };

  it('finds what a journalist would expect', () => {
    expect(count('caseload* unmanageable')).toBe(1);
    expect(count('"two thirds"')).toBe(1);
    expect(count('PSO -NPS')).toBe(1);
    expect(count('PSO -CRC')).toBe(0);
    expect(count('prison OR thirds')).toBe(1);
    expect(count('cafe')).toBe(1);
    expect(count('(PSO, CRC)')).toBe(1);
  });

  it('never makes SQLite raise an error, whatever the input', () => {
    const anyText = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 80 }),
      fc.string({
        unit: fc.constantFrom(
          '"',
          '-',
          '*',
          '(',
          ')',
          ':',
          ' ',
          'OR',
          'NOT',
          'AND',
          'NEAR',
          '^',
          '+',
          'a',
          'é',
          '\u0000',
        ),
        maxLength: 40,
      }),
      fc.string({ unit: 'binary', maxLength: 80 }),
    );
    fc.assert(
      fc.property(anyText, (input) => {
        expect(() => count(input)).not.toThrow();
      }),
      { numRuns: 3000 },
    );
  });
});
