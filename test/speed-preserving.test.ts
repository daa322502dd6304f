import { describe, expect, it } from 'vitest';
import { memoize } from '../src/extract/text/memo.js';
import { sentencesOf } from '../src/extract/text/sentences.js';
import '../src/ingest/pdf/load.js';

// What the ingest's speed-ups must not change: built-ins behave as Node's own, sentences split as before.

describe('loading pdfjs', () => {
  it('leaves Node’s native push and JSON in place of the legacy build’s polyfills', () => {
    for (const fn of [Array.prototype.push, JSON.parse, JSON.stringify])
      expect(Function.prototype.toString.call(fn)).toMatch(/\[native code\]/);
    const list: number[] = [];
    expect(list.push(1, 2)).toBe(2);
    expect(JSON.parse(JSON.stringify({ a: [1, 'two'] }))).toEqual({ a: [1, 'two'] });
  });
});

describe('sentencesOf', () => {
  it('splits a committee paragraph without ending a sentence at "Rt Hon."', () => {
    const paragraph =
      '17. We are glad to hear the Secretary of State, Rt Hon. Robert Buckland QC MP, say “I absolutely take and hold accountability overall, which I am prepared to accept, and I do so in front of the Committee”. No-one likes, in his own phrase, being “played for a fool” and we appreciate his commitment.';
    expect(sentencesOf(paragraph)).toEqual([
      '17. We are glad to hear the Secretary of State, Rt Hon. Robert Buckland QC MP, say “I absolutely take and hold accountability overall, which I am prepared to accept, and I do so in front of the Committee”.',
      'No-one likes, in his own phrase, being “played for a fool” and we appreciate his commitment.',
    ]);
  });

  it('gives the same sentences as compromise’s full tokenizer', async () => {
    const { default: nlp } = await import('compromise');
    const text =
      'Sixteen. Consistently sub-standard performance of a contract does not merit renewal. We recommend that the Secretary of State urgently reviews it. (Paragraph 70) Mr. Mulholland said so!';
    expect(sentencesOf(text)).toEqual((nlp.tokenize(text).sentences().out('array') as string[]).map((s) => s.trim()));
  });
});

describe('memoize', () => {
  it('computes once per key, and forgets everything when full', () => {
    const calls: string[] = [];
    const upper = memoize((s: string) => (calls.push(s), s.toUpperCase()), 2);
    expect([upper('a'), upper('a'), upper('b')]).toEqual(['A', 'A', 'B']);
    expect(calls).toEqual(['a', 'b']);
    upper('c'); // full: the cache starts again
    upper('a');
    expect(calls).toEqual(['a', 'b', 'c', 'a']);
  });
});
