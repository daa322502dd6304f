import { describe, expect, it } from 'vitest';
import { focalBody } from '../src/extract/bodies.js';
import { extractRatings } from '../src/extract/ratings.js';
import { context } from './extract-helpers.js';

const brief = (texts: string[], metadata = {}) =>
  extractRatings(context(texts, metadata)).map((r) => [r.subject, r.aspect, r.rating, r.count]);

describe('counts of rated bodies in a list', () => {
  it('reads each item of a list run into one paragraph, with its breakdown, and leaves out counts of zero', () => {
    // The shape of HMI Probation's 2019 and 2020 round-up press releases.
    const ratings = brief([
      'In total, the Inspectorate rated:',
      'zero probation services as ‘Outstanding’ six probation services as ‘Good’ (five NPS divisions and one CRC) 21 probation services as ‘Requires improvement’ (19 CRCs and two NPS divisions) one probation service as ‘Inadequate’ (one CRC).',
    ]);
    expect(ratings).toEqual([
      ['probation services', 'overall', 'good', 6],
      ['NPS divisions', 'overall', 'good', 5],
      ['CRC', 'overall', 'good', 1],
      ['probation services', 'overall', 'requires improvement', 21],
      ['CRCs', 'overall', 'requires improvement', 19],
      ['NPS divisions', 'overall', 'requires improvement', 2],
      ['probation service', 'overall', 'inadequate', 1],
    ]);
  });

  it('reads the same shape with other numbers and bodies, and skips a breakdown that names no count', () => {
    const ratings = brief([
      'Of the regions inspected this year, it rated four PDUs as ‘Good’ (three PDUs in the North West and one YOT) and seven PDUs as ‘Inadequate’ (all PDUs).',
    ]);
    expect(ratings).toEqual([
      ['PDUs', 'overall', 'good', 4],
      ['PDUs', 'overall', 'inadequate', 7],
    ]);
  });

  it('counts the bodies of "N of the M", not the M', () => {
    expect(brief(['We found a clear difference, with five of the seven NPS divisions rated ‘Good’.'])).toEqual([
      ['NPS divisions', 'overall', 'good', 5],
    ]);
    expect(brief(['Three of the 12 regions were rated ‘Requires improvement’.'])).toEqual([
      ['regions', 'overall', 'requires improvement', 3],
    ]);
  });

  it('reads a count whose group was named before it, and a region rated', () => {
    expect(
      brief(['Of the 12 PDUs inspected so far, seven were rated ‘Requires improvement’ and two ‘Inadequate’.']),
    ).toEqual([
      ['PDUs', 'overall', 'requires improvement', 7],
      ['PDUs', 'overall', 'inadequate', 2],
    ]);
    expect(brief(['Overall, the Yorkshire region was rated as ‘Good’.'])).toEqual([
      ['Yorkshire region', 'overall', 'good', null],
    ]);
  });

  it('reads a count improving its rating, as the annual report puts it', () => {
    expect(
      brief([
        'There were signs of improvement, with three probation services improving their overall rating to ‘good’.',
      ]),
    ).toEqual([['probation services', 'overall', 'good', 3]]);
  });

  it('gives a restated count one row', () => {
    const ratings = brief([
      'It rated six services as ‘Good’ (five NPS divisions and one CRC).',
      'Five of the seven NPS divisions were rated ‘Good’.',
    ]);
    expect(ratings.filter((r) => r[0] === 'NPS divisions')).toEqual([['NPS divisions', 'overall', 'good', 5]]);
  });
});

describe('the rating of the body a document is about', () => {
  it('finds the body named earlier for "the CRC’s work ... gave an overall rating", keeping the short name the document uses', () => {
    const ratings = brief([
      'HM Inspectorate of Probation inspected the Derbyshire, Leicestershire, Nottinghamshire and Rutland Community Rehabilitation Company (DLNR CRC) last autumn.',
      'Inspectors looked at 10 aspects of the CRC’s work and gave an overall ‘Requires improvement’ rating.',
    ]);
    expect(ratings).toEqual([
      [
        'Derbyshire, Leicestershire, Nottinghamshire and Rutland CRC (DLNR CRC)',
        'overall',
        'requires improvement',
        null,
      ],
    ]);
  });

  it('rates a body that is in no list (a PDU named in the title), and counts its own aspects', () => {
    const metadata = { title: 'An inspection of probation services in: Hull and East Riding PDU' };
    expect(
      brief(['We have rated all three aspects of case supervision ‘Inadequate’ – the lowest grade.'], metadata),
    ).toEqual([['Hull and East Riding PDU', 'case supervision', 'inadequate', 3]]);
    expect(brief(['It is the first PDU to be rated as ‘Outstanding’, the highest rating.'], metadata)).toEqual([
      ['Hull and East Riding PDU', 'overall', 'outstanding', null],
    ]);
  });

  it('takes the body from the title of a press release about one provider', () => {
    const metadata = { title: 'Chief Inspector publishes damning report on Dorset, Devon and Cornwall CRC' };
    expect(
      brief(['It is the first CRC in this year’s schedule to be rated as ‘Inadequate’, the lowest rating.'], metadata),
    ).toEqual([['Dorset, Devon and Cornwall CRC', 'overall', 'inadequate', null]]);
  });
});

describe('a service named by the phrase the verb rates', () => {
  it('takes "rated the probation service in Leeds as" and "the service in Cumbria was rated", and not staff or work', () => {
    expect(
      brief(['HM Inspectorate of Probation has rated the probation service in Leeds as ‘Requires improvement’.']),
    ).toEqual([['probation service in Leeds', 'overall', 'requires improvement', null]]);
    expect(brief(['The probation service in Cumbria was rated ‘Good’ overall.'])).toEqual([
      ['probation service in Cumbria', 'overall', 'good', null],
    ]);
    expect(
      brief(['Staff were rated ‘Good’ by managers.', 'The work was rated as ‘Inadequate’ by inspectors.']),
    ).toEqual([]);
  });
});

describe('what each rating of a sentence is of', () => {
  it('takes the aspect named beside each rating, the aspect of a change for both its ratings, and the one the sentence opens with', () => {
    // The Chief Inspector's speech (2020), a PDU report's summary and paraphrases with other providers and aspects.
    expect(
      brief([
        'The Wessex CRC was judged to be ‘Good’ overall, and was rated ‘Outstanding’ for its leadership.',
        'Inspectors rated the Kent PDU ‘Good’ for leadership and ‘Requires improvement’ for case supervision.',
        'Durham and Tees Valley CRC has seen its rating for through the gate work improve from ‘requires improvement’ to ‘outstanding’ over the past year, with much better resettlement planning.',
      ]).map((r) => r.slice(1, 3)),
    ).toEqual([
      ['overall', 'good'],
      ['leadership', 'outstanding'],
      ['leadership', 'good'],
      ['case supervision', 'requires improvement'],
      ['through the gate', 'requires improvement'],
      ['through the gate', 'outstanding'],
    ]);
    // An aspect named between two ratings is the nearer one's, the one before on a tie.
    expect(
      brief(['Inspectors rated the Hull PDU ‘Good’ for leadership and ‘Inadequate’ for its work with partners.']),
    ).toEqual([
      ['Hull PDU', 'leadership', 'good', null],
      ['Hull PDU', 'overall', 'inadequate', null],
    ]);
    // A count of standards in one paragraph makes no later paragraph's rating one of standards.
    expect(
      brief([
        'Inspectors rated two of the 12 standards as ‘Outstanding’.',
        'The Swindon and Wiltshire PDU received an overall rating of ‘Requires improvement’.',
      ]),
    ).toEqual([
      ['quality standards', 'quality standards', 'outstanding', 2],
      ['Swindon and Wiltshire PDU', 'overall', 'requires improvement', null],
    ]);
    expect(
      brief([
        'On through the gate services, we are seeing positive signs that the investment is paying dividends, with 6 out of 9 CRCs we’ve inspected so far being rated as ‘outstanding’ on this aspect of their work.',
      ]),
    ).toEqual([['CRCs', 'through the gate', 'outstanding', 6]]);
  });
});

describe('words of the scale that rate nothing', () => {
  it('leaves a quoted scale word alone where the sentence does not speak of rating', () => {
    expect(
      brief([
        'Managers did not know what ‘good’ looks like.',
        'Staff told us the service was ‘inadequate’ for their needs and felt unsupported.',
      ]),
    ).toEqual([]);
  });

  it('leaves alone the cases judged inadequate, but not case supervision', () => {
    expect(brief(['In four CRCs we found more than half of the cases we inspected to be ‘inadequate’.'])).toEqual([]);
    expect(brief(['Six of the CRCs were rated ‘Inadequate’ for case supervision.'])).toEqual([
      ['CRCs', 'case supervision', 'inadequate', 6],
    ]);
  });
});

describe('focalBody', () => {
  it('prefers a recorded provider, then a body that only looks like one, then none', () => {
    expect(focalBody('Report on Durham and Tees Valley CRC', [])).toBe('Durham and Tees Valley CRC');
    expect(focalBody('An inspection of Swindon and Wiltshire PDU', [])).toBe('Swindon and Wiltshire PDU');
    expect(focalBody('Probation caseloads', ['The service was busy.'])).toBeNull();
  });

  it('names a body of an owner by the owner’s short name, or by its own name', () => {
    expect(
      brief(['The National Probation Service’s South West division was judged to be ‘Good’ in 2019.']).map((r) => r[0]),
    ).toEqual(['NPS South West division']);
    expect(focalBody('Sodexo’s Northumbria CRC: an inspection', [])).toBe('Northumbria CRC');
    expect(focalBody('An inspection of the Ministry of Justice’s Canterbury Probation Delivery Unit', [])).toBe(
      'Canterbury Probation Delivery Unit',
    );
  });
});

describe('what a count is out of', () => {
  const totals = (texts: string[]) =>
    extractRatings(context(texts, {}))
      .filter((r) => r.count !== null)
      .map((r) => [r.subject, r.rating, r.count, r.total]);

  it('keeps the denominator the sentence gives, in the count’s words or leading it', () => {
    // The speech's sentences (fixture) and paraphrases with other numbers, bodies and word order.
    expect(
      totals([
        'Of the 7 NPS divisions, we gave an overall rating of ‘good’ to five. By contrast, only 1 out of the 21 CRC services got this rating, with 19 rated as requiring improvement.',
      ]),
    ).toEqual([
      ['NPS divisions', 'good', 5, 7],
      ['CRC services', 'good', 1, 21],
      ['CRC services', 'requires improvement', 19, 21],
    ]);
    expect(totals(['Overall, of the 12 PDUs inspected, seven were rated ‘Inadequate’.'])).toEqual([
      ['PDUs', 'inadequate', 7, 12],
    ]);
    expect(totals(['Two of the eleven regions were rated ‘Good’.'])).toEqual([['regions', 'good', 2, 11]]);
    expect(
      totals(['In terms of overall ratings, all 9 of these CRCs were judged to be requiring improvement.']),
    ).toEqual([['CRCs', 'requires improvement', 9, 9]]);
  });

  it('takes no total the sentence does not give, and none smaller than the count', () => {
    expect(
      totals(['The Inspectorate rated six probation services as ‘Good’ (five NPS divisions and one CRC).']),
    ).toEqual([
      ['probation services', 'good', 6, null],
      ['NPS divisions', 'good', 5, null],
      ['CRC', 'good', 1, null],
    ]);
    expect(totals(['Of the 3 regions visited first, 5 PDUs were rated ‘Good’.'])).toEqual([['PDUs', 'good', 5, null]]);
  });
});

describe('the earlier rating of a change', () => {
  const years = (text: string, published = '2020') =>
    extractRatings(context([text], { published })).map((r) => [r.subject, r.rating, r.year]);

  it('is given the year the sentence puts it before the later one', () => {
    // The speech's sentence, and paraphrases with another provider, direction and interval.
    expect(
      years(
        'Durham and Tees Valley CRC, for example, has seen its rating for through the gate work improve from ‘requires improvement’ to ‘outstanding’ over the past year.',
      ),
    ).toEqual([
      ['Durham and Tees Valley CRC', 'requires improvement', 2019],
      ['Durham and Tees Valley CRC', 'outstanding', null],
    ]);
    expect(
      years('Over the last two years the rating of London CRC fell from ‘good’ to ‘inadequate’.', '2018-03'),
    ).toEqual([
      ['London CRC', 'good', 2016],
      ['London CRC', 'inadequate', null],
    ]);
  });

  it('keeps the sentence’s own year where it gives no interval', () => {
    expect(years('The rating of London CRC moved from ‘good’ to ‘inadequate’.')).toEqual([
      ['London CRC', 'good', null],
      ['London CRC', 'inadequate', null],
    ]);
  });
});

describe('bodies rated together and counts after "rated"', () => {
  const rated = (...texts: string[]) => extractRatings(context(texts)).map((r) => [r.subject, r.rating, r.count]);

  it('rates each body of a list before the rating, as inspectorate press releases name them', () => {
    // Two releases' sentences (2023 London, 2024 Nottingham), and a paraphrase with other places and another verb.
    expect(
      rated(
        'Hammersmith, Fulham, Kensington, Chelsea and Westminster PDU, Lambeth PDU and Ealing and Hillingdon PDU each received the lowest rating possible (‘Inadequate’).',
      ),
    ).toEqual([
      ['Hammersmith, Fulham, Kensington, Chelsea and Westminster PDU', 'inadequate', null],
      ['Lambeth PDU', 'inadequate', null],
      ['Ealing and Hillingdon PDU', 'inadequate', null],
    ]);
    expect(
      rated(
        'Nottingham City Probation Delivery Unit (PDU) and Nottinghamshire PDU have both received an overall rating of ‘Inadequate’.',
      ),
    ).toEqual([
      ['Nottingham City Probation Delivery Unit (PDU)', 'inadequate', null],
      ['Nottinghamshire PDU', 'inadequate', null],
    ]);
    expect(rated('Swansea PDU, Cardiff PDU and Newport CRC were all rated as ‘Good’.')).toEqual([
      ['Swansea PDU', 'good', null],
      ['Cardiff PDU', 'good', null],
      ['Newport CRC', 'good', null],
    ]);
  });

  it('keeps one body where another is named after the rating, or not in the list', () => {
    expect(rated('Leeds PDU was rated ‘Inadequate’, unlike Bradford PDU.')).toEqual([
      ['Leeds PDU', 'inadequate', null],
    ]);
    expect(rated('Leeds PDU, which shares a building with Bradford PDU, was rated ‘Good’.')).toEqual([
      ['Leeds PDU', 'good', null],
    ]);
  });

  it('gives one row to a body named in full in one sentence and by its short name in another', () => {
    expect(
      rated(
        'Improvements needed as Leeds PDU is rated ‘Inadequate’',
        'Leeds Probation Delivery Unit (PDU) has received an overall rating of ‘Inadequate’ following an inspection.',
      ),
    ).toEqual([['Leeds PDU', 'inadequate', null]]);
  });

  it('reads counts straight after "rated", with or without "as"', () => {
    // A 2022 statement and a 2022 blog of the Chief Inspector, and paraphrases with other numbers and groups.
    expect(
      rated(
        'Of the six inspections we have published since unification, we have rated four probation services ‘Inadequate’ and two as ‘Requires improvement’.',
      ),
    ).toEqual([
      ['probation services', 'inadequate', 4],
      ['probation services', 'requires improvement', 2],
    ]);
    expect(
      rated(
        'Of the three probation delivery units (PDUs) we inspected, we rated two as ‘Inadequate’ and one as ‘Requires improvement’.',
      ),
    ).toEqual([
      ['probation delivery units', 'inadequate', 2],
      ['probation delivery units', 'requires improvement', 1],
    ]);
    expect(rated('Across the region we rated five PDUs ‘Good’ and one ‘Outstanding’.')).toEqual([
      ['PDUs', 'good', 5],
      ['PDUs', 'outstanding', 1],
    ]);
  });

  // Each sentence with the ratings it holds: [subject, rating, count].
  const each = (cases: Array<[string, Array<[string, string, number | null]>]>) => {
    for (const [sentence, ratings] of cases) expect(rated(sentence)).toEqual(ratings);
  };

  it('takes the phrase before an unquoted "judged inadequate", and gives each part of a sentence its own body', () => {
    // A BBC report of the 2024 East Midlands inspection, then paraphrases with other places, verbs and marks.
    each([
      [
        'Probation services in the East Midlands have been judged inadequate by government inspectors.',
        [['Probation services in the East Midlands', 'inadequate', null]],
      ],
      ['The probation service in Kent was rated good by inspectors.', [['probation service in Kent', 'good', null]]],
      [
        'Swindon and Wiltshire PDU was rated ‘Inadequate’, while Bath PDU was rated ‘Good’.',
        [
          ['Swindon and Wiltshire PDU', 'inadequate', null],
          ['Bath PDU', 'good', null],
        ],
      ],
      [
        'Hull PDU was rated inadequate overall, and York PDU was judged as good.',
        [
          ['Hull PDU', 'inadequate', null],
          ['York PDU', 'good', null],
        ],
      ],
    ]);
  });

  it('counts "both" and "all three" of a group, and pairs ratings given "respectively" with the bodies in order', () => {
    // The 2024 Nottingham release ("have both received"), a release left alone in the last session ("rated ‘Good’ and
    // ‘Requires improvement’, respectively"); then paraphrases.
    each([
      ['Both PDUs were rated ‘Inadequate’.', [['PDUs', 'inadequate', 2]]],
      ['All three PDUs in the region were rated ‘Requires improvement’.', [['PDUs', 'requires improvement', 3]]],
      [
        'Leeds PDU and Bradford PDU were rated ‘Good’ and ‘Requires improvement’, respectively.',
        [
          ['Leeds PDU', 'good', null],
          ['Bradford PDU', 'requires improvement', null],
        ],
      ],
      [
        'Both the Kent PDU and the Medway PDU were rated ‘Good’.',
        [
          ['Kent PDU', 'good', null],
          ['Medway PDU', 'good', null],
        ],
      ],
    ]);
  });

  it('counts a group "has been" or "had been" rated, and youth offending or youth justice services', () => {
    // The 2019 summary's shape ("one of the 21 CRCs") told in the perfect; the 2023 farewell post ("our Youth Offending
    // Service (YOS) inspections"); paraphrases.
    each([
      ['So far just one CRC has been rated ‘Good’ overall.', [['CRC', 'good', 1]]],
      [
        'Three PDUs have been rated ‘Outstanding’ and one CRC had been judged ‘Inadequate’.',
        [
          ['PDUs', 'outstanding', 3],
          ['CRC', 'inadequate', 1],
        ],
      ],
      [
        'Of the 12 youth offending services we inspected this year, four were rated ‘Outstanding’.',
        [['youth offending services', 'outstanding', 4]],
      ],
      [
        'We rated three youth justice services ‘Good’ and one ‘Inadequate’.',
        [
          ['youth justice services', 'good', 3],
          ['youth justice services', 'inadequate', 1],
        ],
      ],
    ]);
  });

  it('gives the document’s body a rating no phrase names the holder of, and reads the comma some copies set inside quotes', () => {
    // The 2025 Cwm Taf Morgannwg PDU report's foreword; a 2018 copy of the Thames Valley CRC release; paraphrases.
    const ofDocument = (...texts: string[]) =>
      extractRatings(context(texts, { title: 'An inspection of probation services in Cwm Taf Morgannwg PDU' })).map(
        (r) => [r.subject, r.aspect, r.rating],
      );
    expect(
      ofDocument(
        'The inspection team recognised the leadership’s strategic focus and therefore awarded a ‘Good’ rating for leadership.',
        'The overall rating is ‘Requires improvement’, and further work is required to ensure that the strengths in leadership translate into outcomes.',
      ),
    ).toEqual([
      ['Cwm Taf Morgannwg PDU', 'leadership', 'good'],
      ['Cwm Taf Morgannwg PDU', 'overall', 'requires improvement'],
    ]);
    expect(
      extractRatings(
        context([
          'Thames Valley Community Rehabilitation Company (CRC) was found by probation inspectors to be well led.',
          'However, shortcomings in its operational delivery led HM Inspectorate of Probation to assess the CRC as ‘Requiring Improvement,’ its second lowest assessment.',
        ]),
      ).map((r) => [r.subject, r.aspect, r.rating]),
    ).toEqual([['Thames Valley CRC', 'overall', 'requires improvement']]);
    expect(rated('Ms Stacey branded the Dorset CRC “inadequate,” the lowest possible rating.')).toEqual([
      ['Dorset CRC', 'inadequate', null],
    ]);
  });

  it('reads no rating a sentence denies', () => {
    for (const denied of [
      'Hull PDU was not rated ‘Good’.',
      'Hull PDU has never been judged ‘Inadequate’.',
      'No PDU in the region has ever been rated ‘Outstanding’.',
      'York PDU fell short of a ‘Good’ rating.',
      'Inspectors said Leeds PDU was close to being rated ‘Good’.',
      'Neither Hull PDU nor York PDU was rated ‘Good’.',
    ])
      expect(rated(denied)).toEqual([]);
    expect(rated('Hull PDU was rated ‘Good’, not ‘Outstanding’.')).toEqual([['Hull PDU', 'good', null]]);
  });

  it('counts inspections rated, and leaves out a count of none', () => {
    // The Chief Inspector's farewell of 2023 and a 2020 review of the NPS inspection; then paraphrases.
    expect(
      rated(
        'Only one of the 31 probation inspections covered by my final probation annual report published this week was rated ‘Good’ – and 15 were rated as ‘Inadequate’.',
      ),
    ).toEqual([
      ['probation inspections', 'good', 1],
      ['probation inspections', 'inadequate', 15],
    ]);
    expect(
      rated(
        'No NPS division was afforded the highest rating, but five out of seven divisions were found to be ‘Good’ and none were categorised as ‘Inadequate’.',
      ),
    ).toEqual([['divisions', 'good', 5]]);
    expect(rated('No CRC was rated ‘Outstanding’, and none of the 21 CRCs has been rated ‘Inadequate’.')).toEqual([]);
    expect(
      rated('Of the nine inspections this year, none were rated ‘Good’ and four were rated ‘Inadequate’.'),
    ).toEqual([['inspections', 'inadequate', 4]]);
  });
});

describe('the year printed beside one rating', () => {
  const years = (text: string) =>
    extractRatings(context(['Improvements needed at Leicester PDU', text], { published: '2025-05' })).map((r) => [
      r.subject,
      r.rating,
      r.year,
    ]);

  it('dates an earlier inspection’s rating of the same body, which is a rating of its own', () => {
    // Two 2025 releases (Leicester, Derby City), and paraphrases with another year and order.
    expect(
      years(
        'Leicester PDU has received an overall rating of ‘Inadequate’. This is the second inspection of this PDU since being established in 2021, having previously been rated ‘Inadequate’ in 2022.',
      ),
    ).toEqual([
      ['Leicester PDU', 'inadequate', null],
      ['Leicester PDU', 'inadequate', 2022],
    ]);
    expect(
      years(
        'This is the second inspection of the PDU since the reunification of the Probation Service in 2021, and was last inspected 2023, when it was rated as ‘Requires improvement’ overall.',
      ),
    ).toEqual([['Leicester PDU', 'requires improvement', 2023]]);
    expect(years('The PDU, rated ‘Good’ in 2019, is now rated ‘Inadequate’.')).toEqual([
      ['Leicester PDU', 'good', 2019],
      ['Leicester PDU', 'inadequate', null],
    ]);
  });
});
