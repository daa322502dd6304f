import { describe, expect, it } from 'vitest';
import { judgementYears } from '../src/extract/judgement-years.js';
import { blocks } from './extract-helpers.js';

/** The year given to each sentence of a section (one sentence a paragraph). */
function yearsOf(texts: string[], published: string | null): Array<number | null> {
  const bs = blocks(...texts);
  const yearOf = judgementYears(bs, published);
  return bs.map((b) => yearOf(b, b.text));
}

describe('judgementYears', () => {
  it('places a round of inspections by the year a sentence gives it, wherever the round is named', () => {
    // The chief inspector's speech of 2020, and a paraphrase of another year with the rounds in another order.
    expect(
      yearsOf(
        [
          'So, what were the key findings on our first round of inspections last year?',
          'Of the 7 NPS divisions, we gave an overall rating of ‘good’ to five.',
          'Our year two ratings show that three of these nine have now improved their overall rating to ‘good’.',
          'In terms of overall ratings, all 9 of these CRCs were judged to be requiring improvement in our first round of inspections.',
        ],
        '2020',
      ),
    ).toEqual([2019, 2019, 2020, 2019]);
    expect(
      yearsOf(
        [
          'In our second round of inspections this year, two companies were rated ‘Good’.',
          'Seven were rated ‘Inadequate’ in the first round of inspections, in 2016.',
          'Three regions are now rated ‘Outstanding’.',
        ],
        '2017-05',
      ),
    ).toEqual([2017, 2016, 2017]);
  });

  it('takes a year the text names, and keeps it for the sentences after it in the section', () => {
    expect(
      yearsOf(
        [
          'In 2018 inspectors rated the Kent CRC ‘Inadequate’.',
          'Its through the gate work was rated ‘Good’.',
          '# Next',
          'It was rated ‘Good’.',
        ],
        '2021',
      ),
    ).toEqual([2018, 2018, null, null]);
  });

  it('gives each sentence of a paragraph its own year, and a paragraph naming no time the year carried into it', () => {
    const bs = blocks(
      'During 2019 the NPS division was inspected.',
      'Its leadership was rated ‘Good’. In 2021 it was rated ‘Outstanding’. Its staff were rated ‘Good’ too.',
      'Nothing else was rated ‘Inadequate’.',
    );
    const yearOf = judgementYears(bs, '2022-03');
    expect(yearOf(bs[0]!, 'During 2019 the NPS division was inspected.')).toBe(2019);
    expect(
      [
        'Its leadership was rated ‘Good’.',
        'In 2021 it was rated ‘Outstanding’.',
        'Its staff were rated ‘Good’ too.',
      ].map((s) => yearOf(bs[1]!, s)),
    ).toEqual([2019, 2021, 2021]);
    expect(yearOf(bs[2]!, 'Nothing else was rated ‘Inadequate’.')).toBe(2021);
  });

  it('places nothing where the text compares two years or the document has no date', () => {
    expect(
      yearsOf(
        [
          'Last year three services were rated ‘Good’.',
          'Comparing this year’s average scores with last year’s, standards continue to be rated reasonably.',
          'Six of nine CRCs are rated ‘Outstanding’ on this aspect.',
        ],
        '2020',
      ),
    ).toEqual([2019, null, null]);
    expect(yearsOf(['Our first round of inspections last year rated five divisions ‘Good’.'], null)).toEqual([null]);
    expect(yearsOf(['We re-inspected the services we visited in 2018 and 2019.'], '2020')).toEqual([null]);
  });
});
