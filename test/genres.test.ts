import { describe, expect, it } from 'vitest';
import { NO_DECLARED_METADATA, type ExtractedDocument } from '../src/document.js';
import { analyse } from '../src/extract/index.js';
import { GENRE_THRESHOLD, recognise } from '../src/extract/genres/index.js';
import { responseScore } from '../src/extract/responses.js';
import { blocks, context } from './extract-helpers.js';

/** A document as a reader gives it: "# " lines are headings. */
const doc = (...texts: string[]): ExtractedDocument => ({
  format: 'text',
  pages: null,
  declared: NO_DECLARED_METADATA,
  warnings: [],
  ocr: [],
  blocks: blocks(...texts),
});
const genresOf = (texts: string[], metadata = {}) => recognise(context(texts, metadata)).map((g) => g.genre.name);

describe('the genre registry', () => {
  it('recognises a ratings table in any numbering, and reads it for the body the report names', () => {
    // A 2018 CRC report's table and a 2023 PDU report's (other standards numbering), and a paraphrase.
    const crc = [
      '# An inspection of probation services in Kent CRC',
      'Overall rating Requires improvement',
      '1.1 Governance and leadership Good',
      '2.1 Assessment Inadequate',
    ];
    const pdu = [
      '# An inspection of probation services: Hull PDU',
      '1.1 Leadership Requires improvement',
      '2.3 Implementation and delivery Inadequate',
    ];
    expect(genresOf(crc)).toEqual(['ratings-table']);
    expect(genresOf(pdu)).toEqual(['ratings-table']);
    const found = analyse(doc(...pdu)).findings.ratings.map((r) => [r.subject, r.aspect, r.rating, r.rule]);
    expect(found).toEqual([
      ['Hull PDU', '1.1 Leadership', 'requires improvement', 'rating.table'],
      ['Hull PDU', '2.3 Implementation and delivery', 'inadequate', 'rating.table'],
    ]);
    expect(genresOf(['Staff told us that caseloads had risen sharply over the year.'])).toEqual([]);
  });

  it('keeps one row where prose restates the table, the table’s', () => {
    const found = analyse(
      doc(
        '# An inspection of probation services in Kent CRC',
        'Overall rating Requires improvement',
        '1.1 Leadership Good',
        'We have rated Kent CRC as ‘Requires improvement’ overall.',
      ),
    ).findings.ratings;
    expect(found.filter((r) => r.aspect === 'overall').map((r) => r.rule)).toEqual(['rating.table']);
  });

  it('reads a transcript by its numbered turns whatever its type, and its turns stand for its quotes', () => {
    const turns = [
      'Q1 The Chair: Welcome. Can you tell us about caseloads?',
      'Jo Farrar: Caseloads are coming down, and the report said “caseloads remain too high in some places”.',
      'Q2 Kim Johnson: What about retention of new officers?',
      'Q3 The Chair: And the workload measurement tool?',
    ];
    expect(genresOf(turns, { type: 'blog' })).toEqual(['transcript']);
    // The quotation inside a turn is no second quote: the transcript genre replaces the generic quote reader.
    const quotes = analyse(doc(...turns)).findings.quotes;
    expect(quotes.map((q) => [q.speaker, q.kind])).toEqual([
      ['Chair', 'evidence'],
      ['Jo Farrar', 'evidence'],
      ['Kim Johnson', 'evidence'],
      ['Chair', 'evidence'],
    ]);
    expect(genresOf(turns.slice(0, 2), { type: 'committee-report' })).toEqual([]);
  });

  it('leaves the blocks no turn reads to the generic quote reader: a post goes on after the session it copies', () => {
    const quotes = analyse(
      doc(
        'Q1 The Chair: Welcome. Can you tell us about caseloads?',
        'Q2 Jo Farrar: Caseloads are coming down in most regions.',
        'Q3 The Chair: Thank you.',
        '# Sunday, 28 March 2021',
        '“60 cases for a PO is too many. I would be completing quality work with fewer.” (PO, CRC)',
      ),
    ).findings.quotes;
    expect(quotes.map((q) => [q.kind, q.speaker ?? q.role])).toEqual([
      ['evidence', 'Chair'],
      ['evidence', 'Jo Farrar'],
      ['evidence', 'Chair'],
      ['testimony', 'PO'],
    ]);
  });

  it('recognises a government response by its structure, without its type', () => {
    // The 2020 letter answering the Justice Committee's follow-up report, and a Treasury Minute's shape.
    const letter = [
      'Recommendation 5',
      'We are disappointed that the Government rejected our recommendation to publish an accommodation strategy. (Paragraph 36)',
      'Government response:',
      'The Government accepts the importance of accommodation for prison leavers and will publish its plans.',
    ];
    expect(responseScore(context(letter, { type: 'other' }))).toBeGreaterThanOrEqual(GENRE_THRESHOLD);
    expect(genresOf(letter, { type: 'other' })).toEqual(['government-response']);
    const minute = [
      '1. PAC recommendation: HMPPS should set out its plans for staffing.',
      'The Government agrees with the Committee’s recommendation.',
      '2. PAC recommendation: The Ministry should publish caseload data.',
      'The Government disagrees with the Committee’s recommendation.',
    ];
    expect(genresOf(minute, { type: 'other' })).toEqual(['government-response']);
    const responses = analyse(doc(...minute)).findings.responses.map((r) => [r.number, r.status]);
    expect(responses).toEqual([
      ['1', 'accepted'],
      ['2', 'not accepted'],
    ]);
  });

  it('does not take a committee report’s own recommendations for a response', () => {
    const report = [
      '1. PAC conclusion: HMPPS has not recruited enough probation officers.',
      'PAC recommendation: HMPPS should set out its plans for staffing within six months.',
      'HMPPS has told us that it will recruit 1,000 more officers.',
    ];
    expect(responseScore(context(report, { type: 'committee-report' }))).toBe(0);
  });
});
