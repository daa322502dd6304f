import { describe, expect, it } from 'vitest';
import { NO_DECLARED_METADATA, type ExtractedDocument } from '../src/document.js';
import { extractFigures } from '../src/extract/figures.js';
import { figuresOfSpeakers } from '../src/extract/figures-in-quotes.js';
import { analyse } from '../src/extract/index.js';
import type { Figure, Quote } from '../src/findings.js';
import { blocks, context } from './extract-helpers.js';

/** [words the number was read from, whose figure it is], for each figure of a paragraph (or of several). */
const subjects = (...paragraphs: string[]) => extractFigures(context(paragraphs)).map((f) => [f.phrase, f.subject]);

describe('whose figure a number is: groups of people', () => {
  it('takes "of whom" to the group named before it', () => {
    // HMI Probation caseloads thematic (2021), a probation officer's blog comment, a paraphrase.
    expect(
      subjects(
        'Whereas two thirds of NPS responsible officers had a caseload of 40 or less – the situation was exactly the reverse for the CRC staff we spoke to – two thirds of whom had a caseload of over 50.',
      ),
    ).toEqual([
      ['two thirds', 'NPS responsible officers'],
      ['two thirds', 'CRC staff'],
      ['40', 'NPS responsible officers'],
      ['50', 'CRC staff'],
    ]);
    expect(subjects('It does help me relate to my service users, about 20% of whom have or have had PTSD.')).toEqual([
      ['20%', 'service users'],
    ]);
    expect(subjects('The SPOs we met – half of whom had a caseload above 45 – were close to leaving.')).toEqual([
      ['half', 'SPOs'],
      ['45', 'SPOs'],
    ]);
  });

  it('knows one officer or practitioner as well as several, and no clause word is part of the group', () => {
    // HMI Probation thematic (2021) and Chief Inspector's speech (2020), and paraphrases.
    expect(subjects('60 cases for a PO is too many.')).toEqual([['60', 'PO']]);
    expect(
      subjects(
        'This complex IOM case was being supervised by a PSO whose caseload was still in the high seventies, having been over 90 at one point.',
      ),
    ).toEqual([['90', 'PSO']]);
    expect(subjects('A practitioner in the Leeds office had 72 cases.')).toEqual([['72', 'practitioner']]);
    expect(
      subjects(
        'Our key finding is that when probation practitioners hold a caseload of fifty or more, they are less likely to deliver.',
      ),
    ).toEqual([['fifty', 'probation practitioners']]);
    expect(subjects('Quality can fall when practitioners have more than 50 cases.')).toEqual([['50', 'practitioners']]);
  });

  it('keeps groups joined by "and" together, and the place a proper name gives them', () => {
    // Chief Inspector's speech (2020), HMI Probation thematic (2021), and paraphrases.
    expect(subjects('All of the CRCs rated good report caseloads for both POs and PSOs of 50 or less.')).toEqual([
      ['50', 'POs and PSOs'],
    ]);
    expect(
      subjects('Probation staff are struggling: 86 per cent of staff in CRCs are responsible for too many people.'),
    ).toEqual([['86 per cent', 'staff in CRCs']]);
    expect(
      subjects('Some 40 per cent of officers in Greater Manchester said their workload was unmanageable.'),
    ).toEqual([['40 per cent', 'officers in Greater Manchester']]);
    // A second share with a place of its own is that group's in that place.
    expect(
      subjects('86 per cent of staff in CRCs and 33 per cent in NPS divisions are responsible for too many people.'),
    ).toEqual([
      ['86 per cent', 'staff in CRCs'],
      ['33 per cent', 'staff in NPS divisions'],
    ]);
    expect(subjects('We found 40% of officers in Kent and 25% in Essex felt their workload was too high.')).toEqual([
      ['40%', 'officers in Kent'],
      ['25%', 'officers in Essex'],
    ]);
    expect(
      subjects(
        'All the CRCs report low caseloads – with probation officer caseloads in South Yorkshire and Durham below 40.',
      ),
    ).toEqual([['40', 'probation officer in South Yorkshire and Durham']]);
  });

  it('keeps what the people are, "on probation" or "under supervision", with the group, before its place', () => {
    // The 2025 statement ("engaging people on probation"), the 2017 north London release ("under probation
    // supervision"), and paraphrases.
    expect(subjects('Only 29 per cent of people on probation completed their unpaid work hours on time.')).toEqual([
      ['29 per cent', 'people on probation'],
    ]);
    expect(
      subjects('Around 17% of all offenders under probation supervision nationally live in the capital.').map(
        (s) => s[1],
      ),
    ).toEqual(['offenders under probation supervision']);
    expect(subjects('Half of the offenders on licence in Wales were recalled to prison.')).toEqual([
      ['Half', 'offenders on licence in Wales'],
    ]);
  });

  it('takes no verb in -ing for part of a group after a preposition or conjunction, but keeps "existing staff"', () => {
    // HMI Probation national inspection news (2025), the Chief Inspector's statement (2025), paraphrases.
    const named = (text: string) => extractFigures(context([text])).map((f) => f.subject);
    expect(
      named(
        'Services contributed effectively to keeping people safe in just 18 per cent of cases, against 40% of people.',
      ),
    ).toEqual(['people', 'people']);
    expect(
      named(
        'We have seen some improvement in terms of desistance and engaging people on probation: 35% of them stayed.',
      ),
    ).toEqual(['people on probation']);
    expect(named('Two thirds of existing staff and half of remaining practitioners had caseloads over 50.')).toEqual([
      'existing staff',
      'remaining practitioners',
      'remaining practitioners',
    ]);
    expect(named('Funding went to supporting officers: 30% of supervising officers left.')).toEqual([
      'supervising officers',
    ]);
  });

  it('carries the group of one sentence to the next sentence that names none', () => {
    // Justice Committee (2021) quoting HMPPS's Workforce Bulletin, the thematic (2021), and a paraphrase.
    expect(
      subjects(
        'HMPPS’s Workforce Bulletin notes that 623 probation services officers were appointed, some of whom will be training to qualify. This is an increase of 90 (16.9%) compared to the year before.',
      ),
    ).toEqual([['16.9%', 'probation services officers appointed']]);
    expect(
      subjects(
        'The situation was the reverse for the CRC staff we spoke to – two thirds of whom had a caseload of over 50. Forty two percent had caseloads over 60.',
      ),
    ).toEqual([
      ['two thirds', 'CRC staff'],
      ['50', 'CRC staff'],
      ['Forty two percent', 'CRC staff'],
      ['60', 'CRC staff'],
    ]);
    // Not into the next paragraph.
    expect(
      subjects(
        'In the past year, 206 prison officers left. This is a decrease of 48 (18.9%).',
        'A new paragraph says 12% more.',
      ),
    ).toEqual([
      ['18.9%', 'prison officers'],
      ['12%', null],
    ]);
  });

  it('carries what a counted group did: the change is in the officers appointed, not in all officers', () => {
    // Justice Committee (2021) quoting HMPPS's Workforce Bulletin, and paraphrases with other groups, verbs and numbers.
    expect(
      subjects(
        'In the past year, 206 probation services officers left the service. This is a decrease of 48 (18.9%) compared to the year before.',
      ),
    ).toEqual([['18.9%', 'probation services officers who left the service']]);
    expect(
      subjects('In 2023, 1,204 trainee practitioners joined the probation service. That represents a rise of 7%.'),
    ).toEqual([['7%', 'trainee practitioners who joined the probation service']]);
    expect(subjects('Some 312 PSOs were recruited in the North West. This is an increase of 12%.')).toEqual([
      ['12%', 'PSOs recruited'],
    ]);
    expect(subjects('Forty senior managers have been promoted since April. That was a rise of 9 per cent.')).toEqual([
      ['9 per cent', 'senior managers promoted'],
    ]);
    // A group that is not counted is carried as it is named.
    expect(subjects('Probation officers left the service in large numbers. This is a rise of 5% on the year.')).toEqual(
      [['5%', 'Probation officers']],
    );
  });

  it('takes bodies for the group where no people are named, or where a share is "of" them', () => {
    // Justice Committee (2021), the Chief Inspector's speech (2020), and paraphrases with other bodies and numbers.
    expect(
      subjects(
        'One reason for the failure of the reforms was inaccurate modelling of how much work would go to the private sector and third sector organisations allocated more than half the probation system’s overall caseload.',
      ),
    ).toEqual([['half', 'third sector organisations']]);
    expect(
      subjects(
        'In four of the CRCs we inspected, we found more than half of the cases we inspected to be inadequate in terms of core supervision.',
      ),
    ).toEqual([['half', 'CRCs']]);
    expect(subjects('Around 40% of voluntary sector organisations said their funding had been cut.')).toEqual([
      ['40%', 'voluntary sector organisations'],
    ]);
    expect(subjects('A quarter of providers reported that 30% of their staff had left.')).toEqual([
      ['30%', 'staff'],
      ['A quarter', 'providers'],
    ]);
    // Where people are named, a body is where they are, not whose figure it is.
    expect(
      subjects('Probation staff are struggling: 86 per cent of staff in CRCs are responsible for too many people.'),
    ).toEqual([['86 per cent', 'staff in CRCs']]);
  });

  it('names the measure a number is equated with', () => {
    // Justice Committee (2018), and paraphrases.
    expect(
      subjects(
        'At the end of December 2017, the total probation caseload (male and female) in England and Wales was 264,649.',
      ),
    ).toEqual([['264,649', 'total probation caseload (male and female) in England and Wales']]);
    expect(subjects('The NPS caseload stood at around 105,000.')).toEqual([['105,000', 'NPS caseload']]);
  });
});

describe('whose figure a number is: money', () => {
  it('names what the amount is, when it is named before it', () => {
    // Public Accounts Committee (2021), its press release, and paraphrases.
    expect(
      subjects(
        'A major programme of building new prisons is threatened by an eye-watering maintenance backlog of around £1 billion; and HMPPS is reunifying probation.',
      ),
    ).toEqual([['£1 billion', 'maintenance backlog']]);
    expect(
      subjects(
        'With a maintenance backlog valued in November 2019 at nearly £1 billion, this is significantly below what is required.',
      ),
    ).toEqual([['£1 billion', 'maintenance backlog']]);
    expect(subjects('The service has an IT budget of £40m.')).toEqual([['£40m', 'IT budget']]);
    expect(subjects('The OPD pathway budget was £64 million in 2016.')).toEqual([
      ['£64 million', 'OPD pathway budget'],
    ]);
  });

  it('names whom it is paid to, but not a pronoun', () => {
    // Chief Inspector's speech (2020), a blog quoting the MoJ, PAC press release (2018).
    expect(
      subjects(
        'The NAO calculated that the MoJ will end up paying CRCs £822m less over the lifetime of the contracts.',
      ),
    ).toEqual([['£822m', 'CRCs']]);
    expect(subjects('The MoJ said it had budgeted to pay firms £2.5bn by 2020.')).toEqual([['£2.5bn', 'firms']]);
    expect(subjects("The Ministry has agreed to pay them up to £342 million more of taxpayers' money.")).toEqual([
      ['£342 million', null],
    ]);
    expect(subjects('It had only paid out £2.2bn by then.')).toEqual([['£2.2bn', null]]);
  });

  it('finds its purpose a few words on, and never a date', () => {
    // Public Accounts Committee (2021), and paraphrases.
    expect(
      subjects(
        'The settlement included a welcome boost of £4 billion in capital spending to support building new prisons, but only £315 million set aside for maintaining the prison estate.',
      ),
    ).toEqual([
      ['£4 billion', 'building new prisons'],
      ['£315 million', 'maintaining the prison estate'],
    ]);
    expect(subjects('The Ministry has £12m earmarked for electronic monitoring.')).toEqual([
      ['£12m', 'electronic monitoring'],
    ]);
    expect(subjects('The Ministry spent £9 million in 2019.')).toEqual([['£9 million', null]]);
  });
});

describe('whose figure a number is: holders', () => {
  it('names the body that supervises the share', () => {
    // HMI Probation press release (Cumbria, 2017), and a paraphrase.
    expect(
      subjects(
        'It is the third largest CRC-owning company, with six CRCs supervising 18% of the national CRC caseload.',
      ),
    ).toEqual([['18%', 'six CRCs']]);
    expect(subjects('The company runs the region, with four divisions supervising 40% of all cases.')).toEqual([
      ['40%', 'four divisions'],
    ]);
  });
});

describe('a figure someone gives of their own work is theirs', () => {
  const doc = (...paragraphs: string[]): ExtractedDocument => ({
    format: 'text',
    pages: 1,
    declared: NO_DECLARED_METADATA,
    blocks: blocks(...paragraphs),
    warnings: [],
    ocr: [],
  });
  const figureSubjects = (...paragraphs: string[]) =>
    analyse(doc(...paragraphs)).findings.figures.map((f) => [f.phrase, f.subject]);

  it('gives a first-person figure the quote’s speaker, by role', () => {
    // HMI Probation thematic (2021) testimony, and paraphrases with the attribution after the quote.
    expect(figureSubjects('“I used to have 67 cases, so 57 seems more manageable in comparison.” (PSO, CRC)')).toEqual([
      ['67', 'PSO'],
      ['57', 'PSO'],
    ]);
    expect(
      figureSubjects('“My caseload is over 70 and I cannot see everyone properly,” one probation officer told us.'),
    ).toEqual([['70', 'PO']]);
    expect(
      figureSubjects(
        '“I was struggling with stress and my manager eventually took 10 cases off me,” said a PSO in the North West.',
      ),
    ).toEqual([['10', 'PSO']]);
  });

  it('leaves a first-person figure nobody is quoted as saying without a subject', () => {
    expect(figureSubjects('I used to have 67 cases.')).toEqual([['67', null]]);
  });

  it('fills only figures without a subject of their own, from a quote holding them', () => {
    const figure = (sentence: string, phrase: string, subject: string | null): Figure => ({
      page: 2,
      sentence,
      value: 1,
      unit: 'cases',
      qualifier: null,
      topic: 'caseload',
      subject,
      phrase,
      rule: 'figure.cases',
      confidence: 0.85,
    });
    const quote: Quote = {
      page: 2,
      text: 'I have 60 cases and my colleague has 50.',
      speaker: null,
      role: 'PSO',
      organisation: 'NPS',
      kind: 'testimony',
      question: null,
      attribution: '(PSO, NPS)',
      rule: 'quote.bracket',
      confidence: 0.95,
    };
    const filled = figuresOfSpeakers(
      [
        figure('“I have 60 cases and my colleague has 50.” (PSO, NPS)', '60', null),
        figure('I have 60 cases and my colleague has 50.', '50', 'colleague'),
        figure('Elsewhere I have 60.', '60', null),
        { ...figure('I have 60 cases and my colleague has 50.', '60', null), page: 9 },
      ],
      [quote],
    );
    expect(filled.map((f) => f.subject)).toEqual(['PSO', 'colleague', null, null]);
    // A third-person figure an expert is quoted as giving is not the expert's.
    const expert: Quote = {
      ...quote,
      text: 'The Ministry of Justice spends over £10bn a year.',
      speaker: 'Dr Mullan',
      role: null,
    };
    expect(
      figuresOfSpeakers([figure('The Ministry of Justice spends over £10bn a year.', '£10bn', null)], [expert])[0]!
        .subject,
    ).toBeNull();
  });
});

describe('one vocabulary of people for groups, shares and counts', () => {
  const brief = (...paragraphs: string[]) =>
    extractFigures(context(paragraphs)).map((f) => [f.phrase, f.topic, f.subject]);

  it('names prison leavers as a group and their shares as shares of people on probation', () => {
    // A 2023 PAC news story, and a paraphrase with other groups and numbers.
    expect(
      brief(
        'In 2021-22, 8% of female prison leavers were employed after six months compared with 18% of male prison leavers.',
      ),
    ).toEqual([
      ['8%', 'compliance', 'female prison leavers'],
      ['18%', 'compliance', 'male prison leavers'],
    ]);
    expect(brief('Only 40 per cent of young prison leavers in Wales had somewhere to live.')).toEqual([
      ['40 per cent', 'compliance', 'young prison leavers in Wales'],
    ]);
  });

  it('takes prisoners as a group, but no share of them for people on probation', () => {
    expect(brief('Almost a third of prisoners told us they felt unsafe at the time of the inspection.')).toEqual([
      ['a third', 'other', 'prisoners'],
    ]);
  });

  it('takes a share of the workforce as staffing, without "Workforce" in a title as a group', () => {
    expect(brief('Around 12 per cent of the probation workforce left last year.')).toEqual([
      ['12 per cent', 'staffing', null],
    ]);
    expect(
      brief('The Workforce Bulletin notes that 623 officers were appointed, an increase of 90 (16.9%).')[0],
    ).toEqual(['16.9%', 'staffing', 'officers']);
  });
});
