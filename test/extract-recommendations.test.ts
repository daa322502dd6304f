import { describe, expect, it } from 'vitest';
import { extractRecommendations } from '../src/extract/recommendations.js';
import { context } from './extract-helpers.js';

const recommendationsOf = (texts: string[]) =>
  extractRecommendations(context(texts, { type: 'committee-report' })).map((r) => ({
    number: r.number,
    addressee: r.addressee,
    paragraph: r.paragraph,
    text: r.text.slice(0, 40),
  }));

describe('extractRecommendations', () => {
  it('reads a committee’s numbered conclusions, keeping only those that recommend', () => {
    const found = recommendationsOf([
      '# Conclusions and recommendations',
      '- 11. The Ministry of Justice, Youth Custody Service, HMPPS and MTC failed in their oversight. We welcome the independent review, directed by HMPPS, and recommend that HMPPS share its findings with the Committee. (Paragraph 58)',
      '- 14. Notwithstanding the complications of letting a contract during a pandemic period, no one’s needs should be placed second to administrative considerations. (Paragraph 68)',
      '- 15. We seek a clear explanation of why the Ministry of Justice chose to extend MTC’s contract by two years. (Paragraph 69)',
      '- 16. Consistently sub-standard performance of a contract does not merit renewal. We recommend that the Secretary of State urgently reviews whether his Ministry plans to renew any other contract. (Paragraph 70)',
      '# Formal minutes',
      '- 1. The Ministry should publish its minutes.',
    ]);
    expect(found).toEqual([
      { number: '11', addressee: 'HMPPS', paragraph: '58', text: 'The Ministry of Justice, Youth Custody S' },
      {
        number: '16',
        addressee: 'Secretary of State',
        paragraph: '70',
        text: 'Consistently sub-standard performance of',
      },
    ]);
  });

  it('names every body a recommendation is addressed to, and "he" by his organisation', () => {
    const found = recommendationsOf([
      '# Conclusions and recommendations',
      '- 4. We note the promises MTC Managing Director Mr Mulholland made. We are concerned by Mr Mulholland’s statement and recommend that he make a clear, public commitment. (Paragraph 30)',
      '- 10. We recommend that MTC set out its new assurance process. We also recommend that the Ministry of Justice and the Youth Custody Service set out clearly what they will do. (Paragraph 51)',
    ]);
    expect(found.map((r) => r.addressee)).toEqual(['MTC', 'MTC, Ministry of Justice and Youth Custody Service']);
  });

  it('takes the paragraph after "Recommendation:" with its bullets, numbered by the conclusion above it', () => {
    const found = extractRecommendations(
      context([
        '# Conclusions and recommendations',
        '- 5. We remain concerned that the maintenance backlog poses a real threat to a safe prison estate.',
        'Recommendation: As part of setting out a long-term strategy for managing the prison estate, the Ministry should explain how it will:',
        '- • work with others in the system, including the Home Office; and',
        '- • reduce the maintenance backlog in the existing prison estate',
        '- 6. Despite the efforts of staff, there are clear signs of strain.',
        'Recommendation: The Ministry, HMCTS and HMPPS should identify specific actions to support staff.',
      ]),
    );
    expect(found.map((r) => [r.number, r.addressee, r.paragraph])).toEqual([
      ['5', 'Ministry of Justice', null],
      ['6', 'Ministry of Justice, HMCTS and HMPPS', null],
    ]);
    expect(found[0]!.text).toBe(
      'As part of setting out a long-term strategy for managing the prison estate, the Ministry should explain how it will: • work with others in the system, including the Home Office; and • reduce the maintenance backlog in the existing prison estate',
    );
  });

  it('reads an inspectorate’s list, addressed by its lead-in or by each item', () => {
    const found = extractRecommendations(
      context(
        [
          '# Recommendations',
          'The NPS should:',
          '- 1. provide specific support to responsible officers carrying caseloads of high-risk offenders',
          '- • The CRC and NPS together should improve the quality of case management.',
        ],
        { type: 'inspection' },
      ),
    );
    expect(found.map((r) => [r.number, r.addressee, r.text])).toEqual([
      ['1', 'NPS', 'provide specific support to responsible officers carrying caseloads of high-risk offenders'],
      [null, 'CRC and NPS', 'The CRC and NPS together should improve the quality of case management.'],
    ]);
  });
});

describe('recommendations in committee reports of other shapes', () => {
  it('reads an annex summary of recommendations, unnumbered, under subheadings', () => {
    // Justice Committee, Transforming Rehabilitation (HC 482, 2018), Annex 2, with paraphrases.
    const found = recommendationsOf([
      '# Annex 2: Summary of recommendations with a specific timeframe',
      '## In response to this Report (usually two months)',
      'In response to this Report the Ministry should set out whether the 2011 baseline for reoffending is the correct measure. (Paragraph 66)',
      'In response to this Report HMPPS should publish its workforce strategy. (Paragraph 12)',
      'When the Ministry of Justice responds to our Report it should have undertaken a review of its guidance on unpaid work orders. (Paragraph 169)',
      '## By January 2019',
      'By January 2019, when the next cohort data is released, the Ministry should ensure that CRCs receive full data. (Paragraph 71)',
    ]);
    expect(found.map((r) => [r.number, r.addressee, r.paragraph])).toEqual([
      [null, 'Ministry of Justice', '66'],
      [null, 'HMPPS', '12'],
      [null, 'Ministry of Justice', '169'],
      [null, 'Ministry of Justice', '71'],
    ]);
  });

  it('reads numbered conclusions under topic subheadings as high as the section’s own heading', () => {
    // The Justice Committee's 2019 follow-up ("Probation staff", "Voluntary Sector") and a 2025-style paraphrase.
    const found = recommendationsOf([
      '# Conclusions and recommendations',
      '# Probation staff',
      '1. We recommend that the necessary legislation to introduce a statutory register for probation professionals be introduced as soon as possible. (Paragraph 19)',
      '# Voluntary Sector',
      '2. The Government should develop a detailed evaluation strategy for the voluntary sector. (Paragraph 27)',
      '# Formal minutes',
      'The Committee deliberated in private. HMPPS should be thanked for its help.',
    ]);
    expect(found.map((r) => [r.number, r.addressee, r.paragraph])).toEqual([
      ['1', null, '19'],
      ['2', 'Government', '27'],
    ]);
    // A subheading straight under the section's heading, before item 1.
    const first = recommendationsOf([
      '# Conclusions and recommendations',
      '# Probation workforce',
      '1. Regional Probation Directors told us that caseloads remain too high. The Ministry of Justice must publish a workforce plan. (Paragraph 42)',
    ]);
    expect(first.map((r) => [r.number, r.addressee])).toEqual([['1', 'Ministry of Justice']]);
  });

  it('keeps "This should include" where the item names the body, and "We recommend" with no body named', () => {
    // Justice Committee, Transforming Rehabilitation: Follow-up (HC 2526, 2019), items 1 and 3.
    const found = recommendationsOf([
      '# Conclusions and recommendations',
      '- 1. We welcome the Minister’s offer to write to explain his plans to recruit more probation officers. This should include information about grade and caseload allocation. (Paragraph 15)',
      '- 3. We recommend that the necessary legislation to introduce a statutory register be introduced as soon as possible. (Paragraph 19)',
      '- 7. We note the Department’s plans for the estate. It should publish them before the summer. (Paragraph 40)',
    ]);
    expect(found.map((r) => [r.number, r.addressee, r.paragraph])).toEqual([
      ['1', 'Ministry of Justice', '15'],
      ['3', null, '19'],
      ['7', 'Department', '40'],
    ]);
  });

  it('leaves out conclusions whose "must" or "should" asks nothing of a body', () => {
    // Justice Committee, The future of the Probation Service (HC 285, 2021), items 1 and 2; Rainsbrook (2021), items 14 and 17.
    const found = recommendationsOf([
      '# Conclusions and recommendations',
      '- 1. We welcome the Government’s decision to reunify the Probation Service, even if we must acknowledge how unsatisfactory it is that staff must face more change. (Paragraph 26)',
      '- 2. The lessons of the previous, failed reforms must be learned, and the new model must provide a lasting solution. (Paragraph 31)',
      '- 3. No one’s needs should be placed second to administrative considerations. (Paragraph 68)',
      '- 4. We appreciate his commitment to ensure serious consequences should any attempt be made to mislead the Ministry again. (Paragraph 72)',
    ]);
    expect(found).toEqual([]);
  });

  it('finds an addressee that is in no list of bodies', () => {
    const found = recommendationsOf([
      '# Recommendations',
      '- 2. Regional Probation Directors should review caseload allocation in every PDU within six months.',
    ]);
    expect(found.map((r) => [r.number, r.addressee])).toEqual([['2', 'Regional Probation Directors']]);
  });

  it('reads a body the item calls new or unified by its own name', () => {
    // The 2021 report speaks of "the new model" and the reunified service; paraphrases of its items.
    const found = recommendationsOf([
      '# Conclusions and recommendations',
      '- 1. The new Probation Service must ensure that every person on probation has a named officer. (Paragraph 40)',
      '- 2. The unified National Probation Service should publish caseloads for every region each quarter. (Paragraph 41)',
      '- 3. The new model must provide a lasting solution. (Paragraph 42)',
    ]);
    expect(found.map((r) => [r.number, r.addressee, r.paragraph])).toEqual([
      ['1', 'Probation Service', '40'],
      ['2', 'National Probation Service', '41'],
    ]);
  });
});
