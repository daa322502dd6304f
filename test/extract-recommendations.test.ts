import { describe, expect, it } from 'vitest';
import { extractRecommendations } from '../src/extract/recommendations.js';
import { context } from './extract-helpers.js';

const recommendationsOf = (texts: string[]) =>
  extractRecommendations(context(texts, { type: 'committee-report' })).map((r) => ({ number: r.number, addressee: r.addressee, paragraph: r.paragraph, text: r.text.slice(0, 40) }));

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
      { number: '16', addressee: 'the Secretary of State', paragraph: '70', text: 'Consistently sub-standard performance of' },
    ]);
  });

  it('names every body a recommendation is addressed to, and "he" by his organisation', () => {
    const found = recommendationsOf([
      '# Conclusions and recommendations',
      '- 4. We note the promises MTC Managing Director Mr Mulholland made. We are concerned by Mr Mulholland’s statement and recommend that he make a clear, public commitment. (Paragraph 30)',
      '- 10. We recommend that MTC set out its new assurance process. We also recommend that the Ministry of Justice and the Youth Custody Service set out clearly what they will do. (Paragraph 51)',
    ]);
    expect(found.map((r) => r.addressee)).toEqual(['MTC', 'MTC, the Ministry of Justice and the Youth Custody Service']);
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
      context([
        '# Recommendations',
        'The NPS should:',
        '- 1. provide specific support to responsible officers carrying caseloads of high-risk offenders',
        '- • The CRC and NPS together should improve the quality of case management.',
      ], { type: 'inspection' }),
    );
    expect(found.map((r) => [r.number, r.addressee, r.text])).toEqual([
      ['1', 'the NPS', 'provide specific support to responsible officers carrying caseloads of high-risk offenders'],
      [null, 'the CRC and NPS', 'The CRC and NPS together should improve the quality of case management.'],
    ]);
  });
});
