import { describe, expect, it } from 'vitest';
import { extractFigures } from '../src/extract/figures.js';
import { providersIn } from '../src/domain/providers.js';
import { ratingsTable } from '../src/extract/genres/ratings-table.js';
import { extractRatings } from '../src/extract/ratings.js';
import { context } from './extract-helpers.js';

const figuresOf = (...texts: string[]) =>
  extractFigures(context(texts)).map((f) => [f.value, f.unit, f.qualifier, f.topic]);
const ratingsOf = (...texts: string[]) =>
  extractRatings(context(texts)).map((r) => [r.subject, r.aspect, r.rating, r.count]);

describe('extractFigures on sentences from the fixtures', () => {
  it('reads numbers in words, fractions, ranges and qualifiers', () => {
    expect(
      figuresOf('Forty two percent had caseloads over 60 and significant minorities over 70 and into the eighties.'),
    ).toEqual([
      [42, 'percent', null, 'caseload'],
      [60, 'cases', 'over', 'caseload'],
      [70, 'cases', 'over', 'caseload'],
    ]);
    expect(
      figuresOf(
        'Whereas two thirds of NPS responsible officers had a caseload of 40 or less – the situation was exactly the reverse for the CRC staff we spoke to – two thirds of whom had a caseload of over 50.',
      ),
    ).toEqual([
      [66.67, 'percent', null, 'caseload'],
      [66.67, 'percent', null, 'caseload'],
      [40, 'cases', 'at most', 'caseload'],
      [50, 'cases', 'over', 'caseload'],
    ]);
    expect(
      figuresOf(
        'In our opinion, it is difficult for even experienced practitioners to deal with 60, 70, 80 or more cases properly.',
      ),
    ).toEqual([
      [60, 'cases', null, 'caseload'],
      [70, 'cases', null, 'caseload'],
      [80, 'cases', 'at least', 'caseload'],
    ]);
    expect(
      figuresOf(
        'However, there was a consensus among staff and senior managers that between 50 and 60 cases is the maximum number that can be managed well.',
      ),
    ).toEqual([
      [50, 'cases', null, 'caseload'],
      [60, 'cases', null, 'caseload'],
    ]);
  });

  it('reads money in pounds', () => {
    expect(
      figuresOf(
        'The NAO calculated in March last year that the MoJ will end up paying CRCs £822m less over the 7 year lifetime of the contracts.',
      ),
    ).toEqual([[822_000_000, 'GBP', null, 'funding']]);
    expect(
      figuresOf(
        'With a maintenance backlog valued in November 2019 at nearly £1 billion, this is below what is required; a further £2.5bn and £22m a year.',
      ),
    ).toEqual([
      [1_000_000_000, 'GBP', 'about', 'funding'],
      [2_500_000_000, 'GBP', null, 'funding'],
      [22_000_000, 'GBP', null, 'funding'],
    ]);
  });

  it('gives shares of staff and service users their topic, and the precise figure instead of "less than half"', () => {
    expect(
      figuresOf(
        'Less than half (46 per cent) of probation practitioners believed they had a manageable workload, while just over half (54 per cent) considered that team workloads were actively managed.',
      ),
    ).toEqual([
      [46, 'percent', null, 'workload'],
      [54, 'percent', null, 'workload'],
    ]);
    expect(
      figuresOf(
        'The organisation still relies too much for comfort on agency staff, with one in three professional staff affected at the outset.',
      ),
    ).toEqual([[33.33, 'percent', null, 'staffing']]);
    expect(figuresOf('Over one-third of service users had not complied with the sentence.')).toEqual([
      [33.33, 'percent', 'over', 'compliance'],
    ]);
    expect(
      figuresOf(
        'The current measure of excessive workload is where an officer has a WMT capacity of over 110 per cent over a consecutive four-week period.',
      ),
    ).toEqual([[110, 'percent', 'over', 'workload']]);
  });

  it('says whose figure it is, and what money is for', () => {
    const subjects = (text: string) => extractFigures(context([text])).map((f) => [f.phrase, f.subject]);
    expect(
      subjects('Less than half (46 per cent) of probation practitioners believed they had a manageable workload.'),
    ).toEqual([['46 per cent', 'probation practitioners']]);
    expect(
      subjects(
        'In our opinion, it is difficult for even experienced practitioners to deal with 60 or more cases properly.',
      ),
    ).toEqual([['60', 'experienced practitioners']]);
    expect(
      subjects(
        'The Ministry received £4 billion for new prison places and £119 million to support recovery from the pandemic.',
      ),
    ).toEqual([
      ['£4 billion', 'new prison places'],
      ['£119 million', 'recovery from the pandemic'],
    ]);
  });

  it('does not take dates, years, sample sizes, other counts or shares of cases for figures in scope', () => {
    const inScope = (...texts: string[]) => extractFigures(context(texts)).filter((f) => f.topic !== 'other');
    expect(
      inScope(
        'In June 2014, 35 public sector probation trusts in England and Wales were replaced by 21 private sector led CRCs.',
      ),
    ).toEqual([]);
    expect(
      inScope(
        'Data collected from our probation inspections conducted between June 2018 and June 2019, including aggregated data from over 3,000 case inspections, and about 2,000 interviews.',
      ),
    ).toEqual([]);
    expect(
      inScope(
        'The tool is being used to model likely caseload scenarios, including the impact of an additional 20,000 police officers.',
      ),
    ).toEqual([]);
    expect(
      inScope('In four of the CRCs we inspected, we found more than half of the cases we inspected to be inadequate.'),
    ).toEqual([]);
    expect(
      inScope(
        'Those supervised under COs have declined by 31 per cent since 2008, whereas SSOs have remained relatively stable (minus two per cent).',
      ).map((f) => f.value),
    ).toEqual([31]);
    // A share counted "one in five" of cases is a share of cases as "two thirds of the cases" is (HMI Probation
    // statement of 2025; its national inspection news of 2025; a paraphrase).
    expect(
      inScope(
        'Two-thirds of the cases we have inspected so far are judged insufficient, and in some areas fewer than one in five cases we inspected met our standards.',
      ),
    ).toEqual([]);
    expect(inScope('Management oversight was sufficient in only four out of ten cases inspected.')).toEqual([]);
    expect(inScope('In Leeds, seven in ten cases we looked at had a plan.')).toEqual([]);
    expect(inScope('One in three probation officers held more than 60 cases.').map((f) => f.topic)).toEqual([
      'caseload',
      'caseload',
    ]);
  });
});

describe('extractRatings on sentences from the fixtures', () => {
  it('reads counts of rated bodies, with the group they belong to', () => {
    expect(
      ratingsOf(
        'Of the 7 NPS divisions, we gave an overall rating of ‘good’ to five – although we found real issues with probation officer vacancies. By contrast, only 1 out of the 21 CRC services got this rating, with 19 rated as requiring improvement.',
        'In terms of overall ratings, all 9 of these CRCs were judged to be requiring improvement in our first round of inspections. Our year two ratings, show that three of these nine have now improved their overall rating to ‘good’. One other was just one point off being rated ‘good’.',
      ),
    ).toEqual([
      ['NPS divisions', 'overall', 'good', 5],
      ['CRC services', 'overall', 'good', 1],
      ['CRC services', 'overall', 'requires improvement', 19],
      ['CRCs', 'overall', 'requires improvement', 9],
      ['CRCs', 'overall', 'good', 3],
    ]);
  });

  it('reads a provider’s own ratings, and leaves out ratings of cases and either-or counts', () => {
    expect(
      ratingsOf(
        'Durham and Tees Valley CRC, for example, has seen its rating for through the gate work improve from ‘requires improvement’ to ‘outstanding’ over the past year.',
        'Looking at these 90 standards, a majority – 48 out of 90 – are now rated as ‘good’ or ‘outstanding’ and a small drop in the number rated as ‘inadequate’ from 22 to 20.',
        'In four of the CRCs we inspected, we found more than half of the cases we inspected to be ‘inadequate’ in terms of core supervision – with five out of nine CRCs being rated ‘inadequate’ across all four case supervision standards.',
      ),
    ).toEqual([
      ['Durham and Tees Valley CRC', 'through the gate', 'requires improvement', null],
      ['Durham and Tees Valley CRC', 'through the gate', 'outstanding', null],
      ['quality standards', 'quality standards', 'inadequate', 22],
      ['quality standards', 'quality standards', 'inadequate', 20],
      ['CRCs', 'case supervision', 'inadequate', 5],
    ]);
  });

  it('reads a ratings table, even with words split inside cells', () => {
    const ratings = ratingsTable.extract(
      context(
        [
          'Overall rating Requires i mprov ement 1.1 Leadership Good 1.2 Staff Inadeq uate 2.3 Implementation and delivery Requires improvement',
        ],
        { inspected: 'Thames Valley CRC' },
      ),
    );
    expect(ratings.map((r) => [r.subject, r.aspect, r.rating])).toEqual([
      ['Thames Valley CRC', 'overall', 'requires improvement'],
      ['Thames Valley CRC', '1.1 Leadership', 'good'],
      ['Thames Valley CRC', '1.2 Staff', 'inadequate'],
      ['Thames Valley CRC', '2.3 Implementation and delivery', 'requires improvement'],
    ]);
  });
});

describe('providersIn', () => {
  it('knows a provider by any of its names', () => {
    expect(providersIn('MTCNovo’s London CRC').map((p) => p.name)).toEqual(['London CRC']);
    expect(providersIn('the London Community Rehabilitation Company').map((p) => [p.name, p.owner])).toEqual([
      ['London CRC', 'MTCnovo'],
    ]);
    expect(providersIn('DTV CRC and Durham Tees Valley CRC').map((p) => p.name)).toEqual([
      'Durham and Tees Valley CRC',
    ]);
  });
});

describe('extractFigures on sentences of real press releases and reports, and paraphrases', () => {
  it('counts people on probation, with scale words, and not other people', () => {
    // HMI Probation press releases (2019, 2020) and paraphrases.
    expect(
      figuresOf(
        'Approximately 224,000 people were under probation supervision in England and Wales by June this year.',
      ),
    ).toEqual([[224000, 'people', 'about', 'caseload']]);
    expect(
      figuresOf('DLNR CRC supervises more than 8,400 low and medium-risk offenders across the four counties.'),
    ).toEqual([[8400, 'people', 'over', 'caseload']]);
    expect(figuresOf('More than a quarter of a million people are under probation supervision.')).toEqual([
      [250000, 'people', 'over', 'caseload'],
    ]);
    expect(figuresOf('The Wales PDU supervised 1.2 million individuals over the decade.')).toEqual([
      [1200000, 'people', null, 'caseload'],
    ]);
    expect(figuresOf('And half a million crimes are committed by convicted crooks each year.')).toEqual([]);
    expect(figuresOf('The plans add 20,000 new police officers under supervision of the Home Office.')).toEqual([]);
    expect(figuresOf('Prisons in England hold 80,000 prisoners and probation supervises 240,000 people.')).toEqual([
      [240_000, 'people', null, 'caseload'],
    ]);
  });

  it('leaves out a sample of cases read for an inspection', () => {
    expect(
      figuresOf('Inspectors have conducted hundreds of interviews, and have analysed nearly 6,000 cases.'),
    ).toEqual([]);
    expect(figuresOf('We inspected 120 cases in the region.')).toEqual([]);
    // A BBC report of the 2024 East Midlands inspection; a paraphrase with the inspectorate's "analysis of".
    expect(
      figuresOf(
        'HMIP said its findings were based on a review of 330 cases of offenders serving sentences in the community.',
      ),
    ).toEqual([]);
    expect(figuresOf('Our analysis of over 500 cases in the North West found weak risk management.')).toEqual([]);
    expect(figuresOf('Frontline staff were responsible for an average of 58 cases each.')).toEqual([
      [58, 'cases', null, 'caseload'],
    ]);
  });

  it('gives a share of the cases an inspection read no caseload topic, whichever of a sentence’s shares it is', () => {
    // The 2025 North East region report and a 2022 post of the Chief Inspector; then a paraphrase.
    expect(
      figuresOf(
        'The assessment of risk of harm was sufficient in only 35 per cent of cases we inspected overall, and this figure was lower, at 33 per cent, in relation to the implementation and delivery of services to keep people safe.',
      ),
    ).toEqual([
      [35, 'percent', null, 'other'],
      [33, 'percent', null, 'other'],
    ]);
    expect(
      figuresOf(
        'A more detailed analysis of over 500 individual cases we’ve inspected across these areas, shows that at least 59 per cent are being assessed as insufficient against at least one of our quality standards.',
      ).map((f) => f[3]),
    ).toEqual(['other']);
    expect(
      figuresOf(
        'Of the cases examined in Leeds, 48% had no review of risk, against 30% of all cases in the region.',
      ).map((f) => f[3]),
    ).toEqual(['other', 'other']);
    // A caseload named beside the inspected cases keeps its topic.
    expect(
      figuresOf('In the cases we inspected, 40% of officers had caseloads of over 60.').map((f) => [f[0], f[3]]),
    ).toContainEqual([40, 'caseload']);
  });

  it('gives shares of staff in workforce statistics the staffing topic, shares of posts none', () => {
    // Justice Committee, The future of the Probation Service (2021), para 106; House of Lords (2023), para 199.
    expect(
      figuresOf(
        'As at 30 September 2020, there were 3,550 Full Time Equivalent (FTE) band 4 probation officers in post, up 192 (5.7%) since 30 September 2019.',
      ),
    ).toEqual([[5.7, 'percent', null, 'staffing']]);
    expect(
      figuresOf('In the past year 206 probation services officers left the service, a decrease of 48 (18.9%).'),
    ).toEqual([[18.9, 'percent', null, 'staffing']]);
    expect(figuresOf('The vacancy rate was 34% in London and over 50% in certain areas.').map((f) => f[3])).toEqual([
      'other',
      'other',
    ]);
  });

  it('gives shares of people on probation the compliance topic', () => {
    expect(figuresOf('Almost half of all prison-leavers reoffend within 12 months.')).toEqual([
      [50, 'percent', 'about', 'compliance'],
    ]);
    expect(figuresOf('For those serving less than a year that figure rises to 58 per cent.')).toEqual([
      [58, 'percent', null, 'compliance'],
    ]);
    // HMI Probation's 2017 release on north London; "those under probation supervision" as its 2017 speech says it.
    expect(
      figuresOf('Around 17% of all those under probation supervision nationally live in the capital.').map((f) => f[3]),
    ).toEqual(['compliance']);
    expect(figuresOf('Only 40% of those on probation in Kent had a plan.').map((f) => f[3])).toEqual(['compliance']);
  });
});

describe('extractFigures: money in other currencies, shares out of N, and whose figure it is', () => {
  const subjectsOf = (...texts: string[]) => extractFigures(context(texts)).map((f) => [f.value, f.unit, f.subject]);

  it('reads dollars and euros with their unit', () => {
    expect(figuresOf('The programme cost $3.7 billion over five years.')).toEqual([
      [3_700_000_000, 'USD', null, 'funding'],
    ]);
    expect(figuresOf('The Ministry will spend €12 million on new case management systems.')).toEqual([
      [12_000_000, 'EUR', null, 'funding'],
    ]);
  });

  it('reads "seven out of ten staff" as a share, but not a count of companies', () => {
    expect(figuresOf('Seven out of ten staff said their workload was unmanageable.')).toEqual([
      [70, 'percent', null, 'workload'],
    ]);
    expect(figuresOf('14 out of 21 CRCs are still forecasting losses.')).toEqual([]);
    // Any group of staff the subjects' vocabulary knows, by grade too.
    expect(subjectsOf('Nine out of ten PSOs told us their caseload was too high.')).toEqual([[90, 'percent', 'PSOs']]);
    expect(subjectsOf('One in five SPOs we surveyed had left within a year.')).toEqual([[20, 'percent', 'SPOs']]);
  });

  it('reads both bounds of a hyphenated range of cases, but no year of a span nor a negative', () => {
    expect(subjectsOf('Most PSOs had a caseload of 50-60 cases.')).toEqual([
      [50, 'cases', 'PSOs'],
      [60, 'cases', 'PSOs'],
    ]);
    expect(subjectsOf('Caseloads rose to 55–65 cases for probation officers.')).toEqual([
      [55, 'cases', 'probation officers'],
      [65, 'cases', 'probation officers'],
    ]);
    expect(subjectsOf('The 2014-15 reforms left 35 cases per officer.')).toEqual([[35, 'cases', 'officer']]);
    // A preposition before a group is no part of its name.
    expect(subjectsOf('Caseloads of between 60 and 70 were common among probation officers.')).toEqual([
      [60, 'cases', 'probation officers'],
      [70, 'cases', 'probation officers'],
    ]);
  });

  it('says whose figure it is, without the numbers in the phrase', () => {
    expect(subjectsOf('One in three probation officers had a caseload above 60.')).toEqual([
      [33.33, 'percent', 'probation officers'],
      [60, 'cases', 'probation officers'],
    ]);
    expect(
      subjectsOf(
        'As at 30 September 2020, there were 3,550 band 4 probation officers in post, up 192 (5.7%) since 2019.',
      ),
    ).toEqual([[5.7, 'percent', 'band 4 probation officers']]);
  });

  it('says where people counted are, or who holds them', () => {
    // HMI Probation press releases (2020, 2019) and a paraphrase.
    expect(
      subjectsOf(
        'Approximately 224,000 people were under probation supervision in England and Wales by June this year.',
      ),
    ).toEqual([[224_000, 'people', 'people under probation supervision in England and Wales']]);
    expect(
      subjectsOf('DLNR CRC supervises more than 8,400 low and medium-risk offenders across the four counties.'),
    ).toEqual([[8_400, 'people', 'DLNR CRC']]);
    expect(subjectsOf('Some 31,000 adults are on probation in Wales.')).toEqual([
      [31_000, 'people', 'adults on probation in Wales'],
    ]);
  });

  it('says what money is for, or what the amount is', () => {
    expect(
      subjectsOf(
        'The Ministry announced an additional £22 million a year investment in “through-the-gate” support for offenders when they leave prison.',
      ),
    ).toEqual([[22_000_000, 'GBP', 'through-the-gate support for offenders']]);
    expect(
      subjectsOf(
        'Up to £342 million more has been committed to Community Rehabilitation Companies without clear benefits.',
      ),
    ).toEqual([[342_000_000, 'GBP', 'Community Rehabilitation Companies']]);
    expect(
      subjectsOf('The reforms would deliver £10.4 billion net economic benefits to society over eight years.'),
    ).toEqual([[10_400_000_000, 'GBP', 'net economic benefits to society']]);
  });
});

describe('extractFigures in quoted statements of several sentences, and shares said without their group', () => {
  const brief = (...texts: string[]) =>
    extractFigures(context(texts)).map((f) => [f.value, f.unit, f.qualifier, f.topic, f.subject, f.sentence]);

  it('gives a figure the sentence of the quotation it stands in, not the whole quotation', () => {
    // A 2023 London release and the 2023 annual report's, and a paraphrase with other numbers.
    const [london] = brief(
      '“These three London probation services have chronic staff shortages, some with less than 50 per cent of the probation practitioners they need. In one area we found hundreds of cases without a named probation practitioner.”',
    );
    expect(london).toEqual([
      50,
      'percent',
      'under',
      'staffing',
      'probation practitioners',
      '“These three London probation services have chronic staff shortages, some with less than 50 per cent of the probation practitioners they need.',
    ]);
    expect(
      brief(
        'He said: “Caseloads are rising everywhere. In Kent, 40 per cent of officers hold over 60 cases.” The region disagreed.',
      ).map((f) => f.slice(0, 5)),
    ).toEqual([
      [40, 'percent', null, 'caseload', 'officers'],
      [60, 'cases', 'over', 'caseload', 'officers'],
    ]);
  });

  it('keeps testimony labelled after its quotation whole: the label is every sentence’s', () => {
    // The 2021 caseloads bulletin's testimony, and a paraphrase with a dash label.
    const [bracketed] = brief('“I used to have 67 cases. Now I have 57, which is still too many.” (PSO, CRC)');
    expect(bracketed?.[5]).toBe('“I used to have 67 cases. Now I have 57, which is still too many.” (PSO, CRC)');
    const [dashed] = brief('“My caseload is over 60. It is not manageable.” – PO, NPS');
    expect(dashed?.[5]).toBe('“My caseload is over 60. It is not manageable.” – PO, NPS');
  });

  it('reads "three in ten" going straight on to its verb as a share of the group named before', () => {
    // A 2019 NPS inspection release; a paraphrase with another share and verb.
    expect(
      brief(
        'Inspectors found staff were often overloaded, with 60% having workloads exceeding capacity. Nearly three in ten were given workloads of more than 120% of expected capacity.',
      ).map((f) => f.slice(0, 5)),
    ).toEqual([
      [60, 'percent', null, 'workload', 'staff'],
      [120, 'percent', 'over', 'workload', 'staff'],
      [30, 'percent', 'about', 'workload', 'staff'],
    ]);
    expect(
      brief('We surveyed probation officers in Wales. One in four said their caseload was unmanageable.').map((f) =>
        f.slice(0, 5),
      ),
    ).toEqual([[25, 'percent', null, 'caseload', 'probation officers in Wales']]);
    // A share of places is no share of people: out of scope.
    expect(brief('One in five prisons holds more people than it was built for.').map((f) => f[3])).toEqual(['other']);
  });

  it('keeps a centre’s occupancy out of workload, and a share of targets out of staffing', () => {
    expect(
      brief(
        'Staffing was affected by covid-19, but so was the number of children at the centre, down to around half of capacity.',
      )[0]?.[3],
    ).toBe('other');
    expect(
      brief(
        'The Probation Service is short of probation officers, meeting only 26% (seven out of 27) of its performance targets in 2024-25.',
      )[0]?.[3],
    ).toBe('other');
  });

  it('takes the staff in post as a share of staff, and people counted apart from a headcount beside them', () => {
    // A 2024 Leeds release and a 2022 statement; paraphrases with other numbers.
    expect(
      brief('Around half of the practitioners at Leeds PDU had been in post for less than three years.')[0]?.slice(
        0,
        5,
      ),
    ).toEqual([50, 'percent', 'about', 'staffing', 'practitioners']);
    expect(
      brief(
        'The unified Probation Service began in June 2021, affecting some 220,000 people on probation and 16,000 staff.',
      )[0]?.slice(0, 5),
    ).toEqual([220000, 'people', 'about', 'caseload', 'people on probation']);
    expect(brief('It supervises 31,000 people on probation and 2,000 in custody.')[0]?.[4]).toBe('people on probation');
  });
});
