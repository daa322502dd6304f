import { describe, expect, it } from 'vitest';
import { extractEvidence, transcriptScore } from '../src/extract/evidence.js';
import { GENRE_THRESHOLD } from '../src/extract/genres/index.js';
import { extractQuotes } from '../src/extract/quotes.js';
import { findQuoteSpans } from '../src/extract/text/quote-spans.js';
import { blocks, context } from './extract-helpers.js';

const pick = ({
  text,
  speaker,
  role,
  organisation,
  kind,
}: {
  text: string;
  speaker: string | null;
  role: string | null;
  organisation: string | null;
  kind: string;
}) => ({ text, speaker, role, organisation, kind });

describe('findQuoteSpans', () => {
  it('joins a statement whose paragraphs each open with a quote mark and only the last closes', () => {
    const spans = findQuoteSpans(
      blocks(
        '“Breaking up the public probation service created a two-tier system.',
        '“Each of these woeful developments could be foreseen and was foreseen.”',
        'Next paragraph.',
      ),
    );
    expect(spans).toHaveLength(1);
    expect(spans[0]).toMatchObject({
      block: 0,
      lastBlock: 1,
      text: 'Breaking up the public probation service created a two-tier system. Each of these woeful developments could be foreseen and was foreseen.',
    });
  });

  it('finds two quotes on one line, and a quote opened with the wrong mark', () => {
    const line =
      '“Our manager understands, but the cases can’t go anywhere else.” (PO, CRC) “Everyone is struggling with workloads.” (PO, CRC)';
    expect(findQuoteSpans(blocks(line)).map((s) => s.after.trim().slice(0, 9))).toEqual(['(PO, CRC)', '(PO, CRC)']);
    expect(findQuoteSpans(blocks('”NPS have complex cases which generate parole reports.” (PO, NPS)'))[0]!.text).toBe(
      'NPS have complex cases which generate parole reports.',
    );
  });

  it('reads single marks as quote marks in a document that has no double ones, past a plural’s apostrophe', () => {
    // A newspaper article copied in a seed blog post (Mail style), and paraphrases.
    const single = findQuoteSpans(
      blocks(
        'John Podmore said: ‘They are a financial scandal.’ David Lammy added: ‘The Government’s approach is failing.’',
        '‘The officers’ caseloads are far too high,’ said Ian Lawrence. The CRC was rated ‘Inadequate’.',
      ),
    );
    expect(single.map((s) => s.text)).toEqual([
      'They are a financial scandal.',
      'The Government’s approach is failing.',
      'The officers’ caseloads are far too high,',
      'Inadequate',
    ]);
    // Where the document quotes in double marks, single ones set off terms or nest inside.
    const double = findQuoteSpans(
      blocks('One officer told us: “We were told it was ‘business as usual’ again.”', 'The CRC was rated ‘Good’.'),
    );
    expect(double.map((s) => s.text)).toEqual(['We were told it was ‘business as usual’ again.']);
  });

  it('ignores a closing mark with no opening one', () => {
    expect(findQuoteSpans(blocks('The lessons of the past year must not be lost.”'))).toEqual([]);
  });
});

describe('extractQuotes on sentences from the fixtures', () => {
  it('reads staff testimony with its bracketed role and organisation', () => {
    const quotes = extractQuotes(
      context([
        '“60 cases for a PO is too many. I would be completing quality work if this was approximately 15 less.” (PO, CRC)',
        '“[WMT] is not a tool for telling you whether an offender manager has got too many cases.” (NPS senior official)',
        '“Our manager understands, but the cases can’t go anywhere else as no one else is not up to capacity.” (PO, CRC) “Everyone is struggling with workloads but there is no one else to redeploy the cases to.” (PO, CRC)',
      ]),
    );
    expect(quotes.map(pick)).toEqual([
      {
        text: '60 cases for a PO is too many. I would be completing quality work if this was approximately 15 less.',
        speaker: null,
        role: 'PO',
        organisation: 'CRC',
        kind: 'testimony',
      },
      {
        text: '[WMT] is not a tool for telling you whether an offender manager has got too many cases.',
        speaker: null,
        role: 'NPS senior official',
        organisation: 'NPS',
        kind: 'testimony',
      },
      {
        text: 'Our manager understands, but the cases can’t go anywhere else as no one else is not up to capacity.',
        speaker: null,
        role: 'PO',
        organisation: 'CRC',
        kind: 'testimony',
      },
      {
        text: 'Everyone is struggling with workloads but there is no one else to redeploy the cases to.',
        speaker: null,
        role: 'PO',
        organisation: 'CRC',
        kind: 'testimony',
      },
    ]);
    expect(quotes[0]!.attribution).toBe('(PO, CRC)');
  });

  it('reads a quote introduced by staff described in prose', () => {
    const [quote] = extractQuotes(
      context([
        'CRC senior leaders we interviewed agreed with that benchmark for case numbers, one remarking, “40 to 50 cases [has been] seen as reasonable since time immemorial.” Another CRC leader argued that more than 45 cases was too many.',
      ]),
    );
    expect(pick(quote!)).toEqual({
      text: '40 to 50 cases [has been] seen as reasonable since time immemorial.',
      speaker: null,
      role: 'CRC senior leader',
      organisation: 'CRC',
      kind: 'testimony',
    });
  });

  it('attributes a cited quote to its author, with the role the sentence gives and "our" as the publisher', () => {
    const [quote] = extractQuotes(
      context([
        'The human price of high workloads was also emphasised by our Chief inspector in a recent speech as he noted that “the impact of this on some of the staff we spoke to was clear. Some were in tears as we spoke to them” (Russell, 2020).',
      ]),
    );
    expect(pick(quote!)).toMatchObject({
      speaker: 'Russell',
      role: 'Chief Inspector',
      organisation: 'HM Inspectorate of Probation',
      kind: 'statement',
    });
  });

  it('reads statements attributed in prose, resolving "He said:" to the person the paragraph is about', () => {
    const quotes = extractQuotes(
      context(
        [
          'Frances Crook, Chief Executive of the Howard League for Penal Reform, said:',
          '“The government’s mishandled Transforming Rehabilitation programme was supposed to turn lives around.',
          '“Each of these woeful developments could be foreseen and was foreseen.”',
          'Richard Garside, Director of the Centre for Crime and Justice Studies today commented on a damning annual report by the Chief Inspector of Probation, Dame Glenys Stacey. He said:',
          '"This really grim report will come as little surprise to those who warned the government."',
          'What is new is that Dame Glenys today openly questions “whether the current model for probation can deliver sufficiently well”.',
          'We are glad to hear the Secretary of State, Rt Hon. Robert Buckland QC MP, say “I absolutely take and hold accountability overall”.',
        ],
        { type: 'blog', publisher: 'On Probation' },
      ),
    );
    expect(quotes.map((q) => [q.speaker, q.role, q.organisation, q.kind])).toEqual([
      ['Frances Crook', 'Chief Executive', 'Howard League for Penal Reform', 'statement'],
      ['Richard Garside', 'Director', 'Centre for Crime and Justice Studies', 'statement'],
      ['Dame Glenys Stacey', 'Chief Inspector of Probation', null, 'statement'],
      ['Robert Buckland', 'Secretary of State', null, 'statement'],
    ]);
    expect(quotes[0]!.text).toBe(
      'The government’s mishandled Transforming Rehabilitation programme was supposed to turn lives around. Each of these woeful developments could be foreseen and was foreseen.',
    );
  });

  it('leaves out scare quotes, quoted labels and words nobody is said to have spoken', () => {
    const quotes = extractQuotes(
      context([
        'There were some staff members who described their workloads as manageable, with one describing caseloads as “an ongoing nightmare.”',
        'No-one likes, in his own phrase, being “played for a fool” and we appreciate his commitment.',
        'The company did not fulfil the requirement to “deliver a service that places Young People at its heart and considers their needs”.',
        'While there is no ‘magic number’ for the ideal caseload, ‘probation is full’ is a phrase heard often.',
      ]),
    );
    expect(quotes).toEqual([]);
  });
});

describe('extractEvidence', () => {
  const transcript = [
    'Oral evidence: Probation, HC 1234',
    'Members present: Sir Bob Neill (Chair); Rob Butler; Dr Kieran Mullan.',
    'I: Jo Farrar, Chief Executive Officer, HM Prison & Probation Service',
    'II: Amy Rees, Director General of Probation and Wales, HM Prison & Probation Service',
    '# Examination of witnesses',
    'Q1 Chair: Welcome to you both. Can you start by telling us about caseloads?',
    'Jo Farrar: Thank you, Chair. Caseloads are coming down.',
    'They remain too high in some areas.',
    'Amy Rees: Could I add something on that?',
    'Q2 Dr Mullan: What about retention?',
    'Dr Farrar: There is nothing I am concerned about.',
    '[…]',
  ];

  it('turns a transcript into turns with question numbers, speakers, roles and organisations', () => {
    const turns = extractEvidence(
      context(transcript, { type: 'oral-evidence', publisher: 'House of Commons Justice Committee' }),
    );
    expect(turns.map((t) => [t.question, t.speaker, t.role, t.organisation, t.text])).toEqual([
      [
        'Q1',
        'Sir Bob Neill',
        'Chair',
        'Justice Committee',
        'Welcome to you both. Can you start by telling us about caseloads?',
      ],
      [
        'Q1',
        'Jo Farrar',
        'Chief Executive Officer',
        'HM Prison & Probation Service',
        'Thank you, Chair. Caseloads are coming down. They remain too high in some areas.',
      ],
      [
        'Q1',
        'Amy Rees',
        'Director General of Probation and Wales',
        'HM Prison & Probation Service',
        'Could I add something on that?',
      ],
      // A member labelled by title and surname has the full name the members list gives.
      ['Q2', 'Dr Kieran Mullan', null, 'Justice Committee', 'What about retention?'],
      [
        'Q2',
        'Jo Farrar',
        'Chief Executive Officer',
        'HM Prison & Probation Service',
        'There is nothing I am concerned about.',
      ],
    ]);
    expect(turns.every((t) => t.kind === 'evidence')).toBe(true);
  });

  it('gives a witness listed with an office that names its body that body, and one listed with a bare role none', () => {
    // The Justice Committee's 2020 session (HTML) and a paraphrase in the form of its PDF transcripts.
    const turns = extractEvidence(
      context(
        [
          'Oral evidence: The future of probation, HC 285',
          'I: Justin Russell, HM Chief Inspector of Probation; and Sarah Jones, Director.',
          'Q1 Chair: What did you find?',
          'Justin Russell: Caseloads were too high in most areas we inspected.',
          'Sarah Jones: We agree with that finding.',
        ],
        { type: 'oral-evidence', publisher: 'House of Commons Justice Committee' },
      ),
    );
    expect(turns.slice(1).map((t) => [t.speaker, t.role, t.organisation])).toEqual([
      ['Justin Russell', 'HM Chief Inspector of Probation', 'HM Inspectorate of Probation'],
      ['Sarah Jones', 'Director', null],
    ]);
  });

  it('reads a witness list joined by “and”, a title “of” its body, and a body alone, without splitting a body’s name', () => {
    const turns = extractEvidence(
      context(
        [
          'Oral evidence: Probation caseloads, HC 999',
          'Witnesses: Martin Jones, HM Chief Inspector of Probation, and Ian Lawrence, General Secretary of Napo.',
          'II: Amy Rees, Director General of Probation and Wales, HM Prison and Probation Service.',
          'III: Professor Fergus McNeill, University of Glasgow.',
          'Q45 Chair: How high are caseloads now?',
          'Martin Jones: Too high in most of the PDUs we inspected.',
          'Ian Lawrence: Our members are exhausted.',
          'Amy Rees: We are recruiting at record levels.',
          'Professor McNeill: Relationships matter most.',
        ],
        { type: 'oral-evidence', publisher: 'House of Commons Justice Committee' },
      ),
    );
    expect(turns.slice(1).map((t) => [t.speaker, t.role, t.organisation])).toEqual([
      ['Martin Jones', 'HM Chief Inspector of Probation', 'HM Inspectorate of Probation'],
      ['Ian Lawrence', 'General Secretary', 'Napo'],
      ['Amy Rees', 'Director General of Probation and Wales', 'HM Prison and Probation Service'],
      ['Professor Fergus McNeill', null, 'University of Glasgow'],
    ]);
  });

  it('gives members the committee the copy names when a blog, not the committee, publishes the transcript', () => {
    for (const [named, committee] of [
      ['Yesterday the Public Accounts Committee questioned the permanent secretary:', 'Committee of Public Accounts'],
      ['From the House of Lords Justice and Home Affairs Committee session:', 'Justice and Home Affairs Committee'],
    ]) {
      const turns = extractEvidence(
        context([named!, ...transcript, 'Q3 Rob Butler: And staffing?'], {
          type: 'blog',
          publisher: 'A Probation Blog',
        }),
      );
      expect(
        turns.filter((t) => t.role === 'Chair' || t.speaker === 'Dr Kieran Mullan').map((t) => t.organisation),
      ).toEqual([committee, committee]);
    }
    const unnamed = extractEvidence(
      context([...transcript, 'Q3 Rob Butler: And staffing?'], { type: 'blog', publisher: 'A Probation Blog' }),
    );
    expect(unnamed.find((t) => t.speaker === 'Dr Kieran Mullan')?.organisation).toBeNull();
  });

  it('reads the session’s unnumbered opening turns before the first question, back to the witness line', () => {
    // The Justice Committee's sessions of 28 March 2017 and 22 September 2020 as its site prints them, and a paraphrase.
    const opening = (...turns: string[]) =>
      extractEvidence(
        context(
          [
            'Oral evidence: Transforming rehabilitation, HC 1018',
            'Members present: Robert Neill (Chair); Victoria Prentis; Jo Stevens.',
            'I: Professor Paul Senior, Chair, Probation Institute; and Helen Schofield, Acting Chief Executive, Probation Institute.',
            '# Examination of witnesses',
            'Witnesses: Professor Paul Senior and Helen Schofield.',
            ...turns,
          ],
          { type: 'oral-evidence', publisher: 'House of Commons Justice Committee' },
        ),
      ).map((t) => [t.speaker, t.organisation, t.question]);
    expect(
      opening(
        'Chair: Good morning, everyone. Do Committee members have any relevant interests to declare?',
        'Victoria Prentis: I am a non-practising barrister.',
        'Jo Stevens: I was formerly a practising solicitor.',
        'Professor Senior: I am Professor Paul Senior. I am chair of the Probation Institute.',
        'Q129 Chair: What went wrong?',
        'Helen Schofield: The speed of the reforms.',
      ),
    ).toEqual([
      ['Robert Neill', 'Justice Committee', null],
      ['Victoria Prentis', 'Justice Committee', null],
      ['Jo Stevens', 'Justice Committee', null],
      ['Professor Paul Senior', 'Probation Institute', null],
      ['Robert Neill', 'Justice Committee', 'Q129'],
      ['Helen Schofield', 'Probation Institute', 'Q129'],
    ]);
    expect(
      opening(
        'Chair: Welcome to this meeting. I am a non-practising barrister.',
        'Miss Dines: I am a barrister, but I have not taken any work since my election.',
        'Q1 Chair: Our first witness is with us in the room.',
      ).map(([speaker, , question]) => [speaker, question]),
    ).toEqual([
      ['Robert Neill', null],
      ['Miss Dines', null],
      ['Robert Neill', 'Q1'],
    ]);
  });

  it('reads a turn whose words a copy sets under its label, and gives no committee to speakers who never ask', () => {
    // A blog's copy of the Justice Committee's session of 23 March 2021, and a paraphrase of another committee's.
    const copied = (...lines: string[]) =>
      extractEvidence(context(lines, { type: 'blog', publisher: 'A Probation Blog' })).map((t) => [
        t.speaker,
        t.organisation,
        t.question,
        t.text,
      ]);
    expect(
      copied(
        'The transcripts of that Justice Select Committee hearing have been published:',
        'Q5 Chair:',
        'How are the changes to the operational model linked to it?',
        'Antonia Romeo: I mentioned that partly because you referred to the first change.',
        'Q6 Rob Butler: And the second?',
        'Jo Farrar: Of course.',
      ),
    ).toEqual([
      ['Chair', 'Justice Committee', 'Q5', 'How are the changes to the operational model linked to it?'],
      ['Antonia Romeo', null, 'Q5', 'I mentioned that partly because you referred to the first change.'],
      ['Rob Butler', 'Justice Committee', 'Q6', 'And the second?'],
      ['Jo Farrar', null, 'Q6', 'Of course.'],
    ]);
    expect(
      copied(
        'From the Public Accounts Committee session:',
        'Q12 Meg Hillier: What did the contracts cost?',
        'Richard Heaton: About £3.7 billion.',
        'Meg Hillier: Thank you.',
      ).map(([speaker, organisation]) => [speaker, organisation]),
    ).toEqual([
      ['Meg Hillier', 'Committee of Public Accounts'],
      ['Richard Heaton', null],
      ['Meg Hillier', 'Committee of Public Accounts'],
    ]);
  });

  it('knows a witness labelled by honorific and first name, as a Dame or a Sir is called', () => {
    // The Committee's sessions with Dame Glenys Stacey (2017, 2019); a paraphrase with a Sir.
    const turns = extractEvidence(
      context(
        [
          'Oral evidence: Transforming rehabilitation, HC 1018',
          'Members present: Robert Neill (Chair); Kate Green.',
          'I: Dame Glenys Stacey, HM Chief Inspector of Probation; and Sir Richard Heaton, Permanent Secretary, Ministry of Justice.',
          '# Examination of witnesses',
          'Q1 Chair: Good morning, Dame Glenys.',
          'Dame Glenys: Good morning. The quality of work in CRCs is too often poor.',
          'Sir Richard: The Department accepts that.',
        ],
        { type: 'oral-evidence', publisher: 'House of Commons Justice Committee' },
      ),
    );
    expect(turns.slice(1).map((t) => [t.speaker, t.role, t.organisation])).toEqual([
      ['Dame Glenys Stacey', 'HM Chief Inspector of Probation', 'HM Inspectorate of Probation'],
      ['Sir Richard Heaton', 'Permanent Secretary', 'Ministry of Justice'],
    ]);
  });

  it('reads the Lords’ transcripts, whose members list marks "(The Chair)"', () => {
    // The Justice and Home Affairs Committee's session of 13 June 2023; the Commons' mark is "(Chair)".
    const turns = extractEvidence(
      context(
        [
          'Corrected oral evidence: Community sentences',
          'Members present: Baroness Hamwee (The Chair); Lord Beith; Lord Blunkett; Baroness Shackleton of Belgravia.',
          'I: Courtney Bryan, Executive Director, Center for Justice Innovation.',
          '# Examination of witnesses',
          'Q52 The Chair: Welcome to another evidence session of the Lords Justice and Home Affairs Committee.',
          'Courtney Bryan: Good morning, everyone. Thanks for having me.',
          'Q53 Lord Blunkett: How do you measure whether they work?',
        ],
        { type: 'oral-evidence', publisher: 'House of Lords Justice and Home Affairs Committee' },
      ),
    );
    expect(turns.map((t) => [t.question, t.speaker, t.role, t.organisation])).toEqual([
      ['Q52', 'Baroness Hamwee', 'Chair', 'Justice and Home Affairs Committee'],
      ['Q52', 'Courtney Bryan', 'Executive Director', 'Center for Justice Innovation'],
      ['Q53', 'Lord Blunkett', null, 'Justice and Home Affairs Committee'],
    ]);
  });

  it('is a transcript’s reader: a report quoting two numbered turns is no transcript', () => {
    expect(transcriptScore(context(transcript, { type: 'oral-evidence' }))).toBe(1);
    expect(transcriptScore(context(transcript, { type: 'committee-report' }))).toBeLessThan(GENRE_THRESHOLD);
    expect(
      transcriptScore(context([...transcript, 'Q3 Rob Butler: And staffing?'], { type: 'committee-report' })),
    ).toBeGreaterThanOrEqual(GENRE_THRESHOLD);
  });
});

describe('attributions of other shapes, from real reports and paraphrases', () => {
  const quotesOf = (texts: string[], metadata = {}) =>
    extractQuotes(
      context(texts, { type: 'committee-report', publisher: 'House of Commons Justice Committee', ...metadata }),
    ).map((q) => [q.text, q.speaker, q.role, q.organisation, q.kind]);

  it('takes the speaker from after a quote that does not end its sentence', () => {
    expect(quotesOf(['“We are overwhelmed by the number of cases,” one probation officer told us.'])).toEqual([
      ['We are overwhelmed by the number of cases', null, 'PO', null, 'testimony'],
    ]);
    expect(
      quotesOf([
        '“Funding for the voluntary sector has fallen every year since 2014,” said Jane Smith, chief executive of Clinks.',
      ]),
    ).toEqual([
      [
        'Funding for the voluntary sector has fallen every year since 2014',
        'Jane Smith',
        'chief executive',
        'Clinks',
        'statement',
      ],
    ]);
  });

  it('keeps a short phrase someone named a thing with, below the export’s threshold, but not a document’s or a committee’s', () => {
    // The Rainsbrook report (2021), the DDC press release's shape (2019), and paraphrases.
    const found = extractQuotes(
      context(
        [
          'The litany of inaction and what one inspector called “utter incompetence” at Rainsbrook provides a cautionary tale.',
          'Dame Glenys Stacey described the findings as “deeply troubling”.',
          'A probation officer called the new system “total chaos”.',
          'The Chief Inspector called it “a missed opportunity”.',
          'The report described it as “a mess”.',
          'The Committee called the reforms “a failure”.',
          'Napo called for “urgent action” on pay.',
        ],
        { type: 'committee-report', publisher: 'House of Commons Justice Committee' },
      ),
    );
    expect(found.map((q) => [q.text, q.speaker, q.role, q.kind])).toEqual([
      ['utter incompetence', null, 'inspector', 'statement'],
      ['deeply troubling', 'Dame Glenys Stacey', null, 'statement'],
      ['total chaos', null, 'PO', 'testimony'],
      ['a missed opportunity', null, 'Chief Inspector', 'statement'],
    ]);
    expect(new Set(found.map((q) => [q.rule, q.confidence].join(' ')))).toEqual(new Set(['quote.phrase 0.4']));
  });

  it('reads a title with “the” after the cue as the speaker, but not a document', () => {
    // Press-release shapes (HMI Probation 2019, 2020) with other titles and bodies.
    expect(
      quotesOf([
        '“We must do better than this for the public,” said the chief inspector.',
        '“The new model will be in place by the summer of next year,” said the Minister.',
        '“Staff are doing their best in very difficult circumstances,” said the Chief Executive of HMPPS.',
        '“Leaders had not done enough to address the problems we found,” said the report.',
      ]),
    ).toEqual([
      ['We must do better than this for the public', null, 'Chief Inspector', null, 'statement'],
      ['The new model will be in place by the summer of next year', null, 'Minister', null, 'statement'],
      ['Staff are doing their best in very difficult circumstances', null, 'Chief Executive', 'HMPPS', 'statement'],
    ]);
  });

  it('keeps a short quote that is a clause of its own, and leaves out short phrases', () => {
    // The extraction issue's own example, paraphrases, and phrases from the DDC press release (2019) and the 2018 report.
    expect(
      quotesOf([
        '“We are overwhelmed,” one probation officer told us.',
        '“Nobody listens,” a PSO in the North West said.',
        'Asked about the new model, “It’s chaos,” said Mark Jones, general secretary of the probation branch.',
      ]),
    ).toEqual([
      ['We are overwhelmed', null, 'PO', null, 'testimony'],
      ['Nobody listens', null, 'PSO', null, 'testimony'],
      ['It’s chaos', 'Mark Jones', 'general secretary', 'probation branch', 'statement'],
    ]);
    expect(
      quotesOf([
        'In the report, Dame Glenys said these were “immutable lines” which had been crossed.',
        'Unison told us that to date there had been a series of “stop-gap, sticking-plaster approaches” to the problem.',
        'One inspector said the staff had been “played for a fool” by the company.',
      ]),
    ).toEqual([]);
  });

  it('reads a speaker named by a title after the cue, and a place after the title as no person', () => {
    // The shape of HMI Probation's staff testimony with the cue first ("said a PSO"), and paraphrases with other roles and places.
    expect(
      quotesOf([
        '“I was struggling with stress and my manager eventually took ten cases off me,” said a PSO in the North West.',
      ]).map((q) => q.slice(1, 4)),
    ).toEqual([[null, 'PSO', null]]);
    expect(
      quotesOf(['“We are overwhelmed by the numbers coming through the door,” says one senior manager.']).map((q) =>
        q.slice(1, 4),
      ),
    ).toEqual([[null, 'senior manager', null]]);
    expect(
      quotesOf(['“Nobody has time to read the case files any more,” added another probation officer in Kent.']).map(
        (q) => q.slice(1, 4),
      ),
    ).toEqual([[null, 'PO', null]]);
    expect(
      quotesOf(['“Nobody has time to read the case files any more, really,” another PSO in Kent told us.']).map((q) =>
        q.slice(1, 4),
      ),
    ).toEqual([[null, 'PSO', null]]);
  });

  it('reads a title printed in lower case, a body’s officer, and an office after the name', () => {
    expect(
      quotesOf([
        'Napo’s general secretary Ian Lawrence warned that “the service is on its knees after years of cuts”.',
      ]).map((q) => q.slice(1, 4)),
    ).toEqual([['Ian Lawrence', 'general secretary', 'Napo']]);
    expect(
      quotesOf([
        '“Staff are working incredibly hard, but caseloads remain far too high,” said Martin Jones, HM Chief Inspector of Probation.',
      ]).map((q) => q.slice(1, 4)),
    ).toEqual([['Martin Jones', 'HM Chief Inspector of Probation', 'HM Inspectorate of Probation']]);
  });

  it('reads a speaker after the quote described at some length, and "as one service user put it"', () => {
    expect(
      quotesOf([
        '“It is chaos here most days and nobody is listening to us,” a probation officer in the North East said.',
      ]).map((q) => q.slice(1, 5)),
    ).toEqual([[null, 'PO', null, 'testimony']]);
    expect(
      quotesOf(['As one service user put it, “my officer changed four times in a year and I had to start again”.']).map(
        (q) => q.slice(1, 4),
      ),
    ).toEqual([[null, 'service user', null]]);
  });

  it('reads testimony bracketed with a region beside the role', () => {
    expect(
      quotesOf([
        '“I have not had a caseload under sixty for two years now.” (Probation practitioner, North West region)',
      ]),
    ).toEqual([['I have not had a caseload under sixty for two years now.', null, 'PO', null, 'testimony']]);
  });

  it('reads the words of people on probation, labelled or introduced, as theirs', () => {
    // The inspectorate's reports carry feedback from people on probation; the 2018 report heard from "probation users".
    const words = '“I feel listened to by my officer and she helps me a lot.”';
    expect(quotesOf([`${words} (Person on probation)`]).map((q) => q.slice(1))).toEqual([
      [null, 'person on probation', null, 'testimony'],
    ]);
    expect(quotesOf([`${words} (Service user, Kent PDU)`]).map((q) => q.slice(1))).toEqual([
      [null, 'service user', null, 'testimony'],
    ]);
    expect(quotesOf([`One person on probation told us: ${words}`]).map((q) => q.slice(1, 3))).toEqual([
      [null, 'person on probation'],
    ]);
  });

  it('reads staff named as a group at the start of a sentence as testimony, not as a body', () => {
    // The thematic's "staff told us" and "managers said", capitalised where they open a sentence.
    expect(
      quotesOf([
        'Staff told us: “We are constantly firefighting and there is no time for proper supervision.”',
        'Managers said that “recruitment is the single biggest problem we face this year”.',
        'The staff members we spoke to said: “Nobody has asked us what we think about the new model.”',
      ]).map((q) => q.slice(1)),
    ).toEqual([
      [null, 'staff', null, 'testimony'],
      [null, 'manager', null, 'testimony'],
      [null, 'practitioner', null, 'testimony'],
    ]);
  });

  it('reads a staff label with short descriptions or a unit beside the role, in brackets or after a dash, and no other bracket', () => {
    // The shapes of HMI Probation's thematic reports (2021) with other roles, bodies and descriptions.
    expect(
      quotesOf([
        '“The caseloads are simply not manageable for anyone in the team.” (PSO, NPS, female)',
        '“We have lost three experienced officers in the last six months.” (Senior probation officer, PDU A)',
        '“It is impossible to see everyone as often as we should.” (Practitioner, London)',
        '“There is no time to build a relationship with anyone now.” (Case administrator)',
        '“My caseload has doubled since the unification of the service.” – PSO, CRC',
        '“This is what the data shows about the effect of the reforms.” (see Chapter 3 for the full analysis of it)',
        '“Probation is in crisis and the whole workforce knows it.” – a view we heard often.',
      ]),
    ).toEqual([
      ['The caseloads are simply not manageable for anyone in the team.', null, 'PSO', 'NPS', 'testimony'],
      ['We have lost three experienced officers in the last six months.', null, 'SPO', null, 'testimony'],
      ['It is impossible to see everyone as often as we should.', null, 'practitioner', null, 'testimony'],
      ['There is no time to build a relationship with anyone now.', null, 'administrator', null, 'testimony'],
      ['My caseload has doubled since the unification of the service.', null, 'PSO', 'CRC', 'testimony'],
    ]);
  });

  it('attributes words a body or a group gave in evidence, and "they" to the group before', () => {
    // House of Lords Justice and Home Affairs Committee (2023), paragraphs 199–200, and paraphrases.
    const quotes = quotesOf([
      'The National Audit Office told us that “many probation staff were managing more than 70 cases, against a suggested case load of 30 to 60”.',
      'Academics at Sheffield Hallam University told us that “The impact of Transforming Rehabilitation has been disastrous for the retention of staff”. They explained that “the departure of a generation of qualified staff could not be made good”.',
      'For example, Nacro, a national charity, told the Committee in oral evidence that smaller providers “know their service users far better than any national company can”.',
      'Researchers from the University of Leeds confirmed that, as of March 2023, there was “a shortfall of officers in every single region”.',
    ]);
    expect(quotes.map((q) => q.slice(1, 4))).toEqual([
      [null, null, 'National Audit Office'],
      [null, 'academics', 'Sheffield Hallam University'],
      [null, 'academics', 'Sheffield Hallam University'],
      [null, null, 'Nacro'],
      [null, 'researchers', 'University of Leeds'],
    ]);
  });

  it('reads people named by where they work, and a title whose body is set off by an apposition', () => {
    // Annex 1 of the Committee's 2018 report on Transforming Rehabilitation; then paraphrases.
    expect(
      quotesOf([
        'Those in the sector told our predecessor Committee that the changes felt “rushed” and “there was not a lot of time […] to consult, to listen and to reflect”.',
      ]).map((q) => q.slice(0, 4)),
    ).toEqual([
      ['there was not a lot of time […] to consult, to listen and to reflect', null, 'those in the sector', null],
    ]);
    expect(
      quotesOf([
        'Those working in CRCs told us that “the contracts left no room for the voluntary sector at all”.',
      ]).map((q) => q.slice(1, 4)),
    ).toEqual([[null, 'those working in crcs', 'CRC']]);
    expect(
      quotesOf([
        'The CEO of MTCnovo, a CRC parent company, explained that “the service-level measures are a tick box; you are working to a specific measure”.',
      ]).map((q) => q.slice(1, 4)),
    ).toEqual([[null, 'CEO', 'MTCnovo']]);
    expect(
      quotesOf([
        'The Chief Executive of Nacro, a resettlement charity, told us that “people leave prison with nowhere to go every week”.',
      ]).map((q) => q.slice(1, 4)),
    ).toEqual([[null, 'Chief Executive', 'Nacro']]);
  });

  it('takes inspectors’ words for their report’s, unless they gave evidence', () => {
    // A 2018 copy of the Thames Valley CRC release; a paraphrase of a committee's report.
    expect(
      quotesOf(['Inspectors noted “experienced and knowledgeable senior leaders across the whole organisation”.']),
    ).toEqual([]);
    expect(
      quotesOf([
        'Inspectors told us in oral evidence that “caseloads in the CRC were far too high to be managed”.',
      ]).map((q) => q[2]),
    ).toEqual(['inspectors']);
  });

  it('leaves out the words of documents', () => {
    expect(
      quotesOf([
        'According to HM Inspectorate of Probation, “Probation services can make a big difference to those receiving them”.',
        'The Inspectorate also said in its Annual Report for 2017 that if probation was delivered well “there would be less reoffending and fewer people in prison”.',
        'HMPPS’s Workforce Bulletin also notes that “623 probation services officers were appointed in the year to September”.',
        'In 2014 the Justice Committee said that “the new arrangements risk fragmenting the service beyond repair”.',
      ]),
    ).toEqual([]);
  });

  it('gives a title its holder, or the title alone, and the office its body where the title names it', () => {
    const quotes = quotesOf([
      'As the then Minister of State, Lucy Frazer, acknowledged to us, the modelling was inaccurate.',
      'The Minister told the Committee that “the new model will be in place by the summer of next year”.',
      'HM Chief Inspector of Probation, Dame Glenys Stacey, agreed in evidence that “the system [was] fundamentally flawed”.',
    ]);
    expect(quotes.map((q) => q.slice(1, 4))).toEqual([
      ['Lucy Frazer', 'then Minister of State', null],
      ['Dame Glenys Stacey', 'HM Chief Inspector of Probation', 'HM Inspectorate of Probation'],
    ]);
    expect(
      quotesOf([
        'The Minister told the Committee that “the new model will be in place by the summer of next year”.',
      ]).map((q) => q.slice(1, 4)),
    ).toEqual([[null, 'Minister', null]]);
  });

  it('reads a title narrowed by capitalised words, or of a body, as the speaker’s role, not as a body', () => {
    // Shapes of the Justice Committee's reports (2018, 2021) with other titles and bodies.
    expect(
      quotesOf([
        'The Regional Probation Director told us that “recruitment remains our biggest challenge”.',
        'The Chief Executive of HMPPS told the Committee that “the transition has been difficult for staff”.',
        'The Head of the Canterbury PDU said that “staff are working incredibly hard every day”.',
        'The National Audit Office told us that “many probation staff were managing more than 70 cases”.',
      ]).map((q) => q.slice(1, 4)),
    ).toEqual([
      [null, 'Regional Probation Director', null],
      [null, 'Chief Executive', 'HMPPS'],
      [null, 'Head', 'Canterbury PDU'],
      [null, null, 'National Audit Office'],
    ]);
  });

  it('gives the publisher’s own office holder the publisher as organisation', () => {
    const metadata = { type: 'press-release', publisher: 'HM Inspectorate of Probation' };
    expect(
      quotesOf(
        [
          'Chief Inspector of Probation Justin Russell said: “We found a clear difference in performance between the providers this year.”',
        ],
        metadata,
      ).map((q) => q.slice(1, 4)),
    ).toEqual([['Justin Russell', 'Chief Inspector of Probation', 'HM Inspectorate of Probation']]);
  });

  it('knows a person by the post a sentence gives them "as", and finds them again by honorific and surname', () => {
    // The 2021 reappointment release, and the 2016 written statement appointing two chief inspectors; then paraphrases.
    const said = (intro: string, speaker: string) =>
      quotesOf([intro, `${speaker} said: “We will go on inspecting every service in England and Wales.”`]).map((q) =>
        q.slice(1, 4),
      );
    expect(
      said(
        'The Secretary of State has announced the re-appointment of Justin Russell as Her Majesty’s Chief Inspector of Probation for a further two-year term.',
        'Mr Russell',
      ),
    ).toEqual([['Justin Russell', 'Her Majesty’s Chief Inspector of Probation', 'HM Inspectorate of Probation']]);
    expect(
      said(
        'I am pleased to announce that Dame Glenys Stacey has been appointed as Her Majesty’s chief inspector of probation for three years.',
        'Dame Glenys',
      ),
    ).toEqual([['Dame Glenys Stacey', 'Her Majesty’s chief inspector of probation', 'HM Inspectorate of Probation']]);
    expect(
      said('Helen Carter was appointed as the new Chief Executive of Clinks in March.', 'Ms Carter').map((q) =>
        q.slice(0, 3),
      ),
    ).toEqual([['Helen Carter', 'Chief Executive', 'Clinks']]);
    // The post given without "as", or said with "is" (paraphrases of the release and of a witness list).
    // (Without "HM", the office names its body only in the inspectorate's own documents; this one is a committee's.)
    expect(said('Justin Russell was appointed Chief Inspector of Probation in 2019.', 'Mr Russell')).toEqual([
      ['Justin Russell', 'Chief Inspector of Probation', null],
    ]);
    expect(said('Helen Carter is Chief Executive of Clinks.', 'Ms Carter')).toEqual([
      ['Helen Carter', 'Chief Executive', 'Clinks'],
    ]);
    // "as" that gives no post: no role is made up.
    expect(said('Tom Price wrote as well as spoke at the event.', 'Mr Price')).toEqual([['Mr Price', null, null]]);
  });

  it('reads a block quotation after a person’s lead-in, but not a body’s', () => {
    const quotes = quotesOf([
      'In 2013 the then Secretary of State, Chris Grayling MP, gave evidence. He assured the then Committee that safeguards would be in place:',
      'If the big guy duffs up the little guy, we can duff up the big guy. We will have mechanisms in place to say, “tell us first.”',
      'At the time the Ministry explained:',
      'Consistently high reoffending rates have led to the radical overhaul of the way offenders are managed.',
    ]);
    expect(quotes.map((q) => [String(q[0]).slice(0, 20), ...q.slice(1, 3)])).toEqual([
      ['If the big guy duffs', 'Chris Grayling', 'then Secretary of State'],
    ]);
  });

  it('keeps a quotation that the copy cuts off, to its last complete sentence', () => {
    const quotes = quotesOf(
      [
        'Mr Russell said: “Probation staff assess and plan their work with care.',
        '“In the inspected cases, we found the management of risk was not good enough. We have therefore',
      ],
      { publisher: 'HM Inspectorate of Probation' },
    );
    expect(quotes.map((q) => q[0])).toEqual([
      'Probation staff assess and plan their work with care. In the inspected cases, we found the management of risk was not good enough.',
    ]);
  });
});

describe('transcripts without question numbers', () => {
  it('reads the turns of an oral-evidence document from its first labelled speaker', () => {
    const turns = extractEvidence(
      context(
        [
          '# Oral evidence: The work of the probation service',
          'Witnesses: Amy Rees, Director General of Probation, HM Prison and Probation Service.',
          'Chair: Good morning. Could you tell us how caseloads have changed since unification?',
          'Amy Rees: They have fallen in most regions, though not yet everywhere we would like.',
          'We expect further falls as new officers qualify.',
          'Kieran Mullan: Which regions are furthest behind?',
        ],
        { type: 'oral-evidence', publisher: 'House of Commons Justice Committee' },
      ),
    );
    expect(turns.map((t) => [t.speaker, t.role, t.organisation, t.question])).toEqual([
      ['Chair', 'Chair', 'Justice Committee', null],
      ['Amy Rees', 'Director General of Probation', 'HM Prison and Probation Service', null],
      ['Kieran Mullan', null, 'Justice Committee', null],
    ]);
    expect(turns[1]!.text).toBe(
      'They have fallen in most regions, though not yet everywhere we would like. We expect further falls as new officers qualify.',
    );
  });

  it('ends a turn at a heading: a post quoting a transcript goes on to other posts', () => {
    // A probation blog (2021) copying a session, then its next post; a paraphrase with another member.
    const turns = extractEvidence(
      context(
        [
          'Q68 Dr Mullan: I am conscious of time, so I will ask you to be brief.',
          'Q69 Rob Butler: Moving on from probation to courts.',
          '# Sunday, 28 March 2021',
          '# Takes Two To Tango',
          'I saw this posted recently on the probation Facebook group page, and it says a great deal.',
        ],
        { type: 'oral-evidence' },
      ),
    );
    expect(turns.map((t) => [t.question, t.text])).toEqual([
      ['Q68', 'I am conscious of time, so I will ask you to be brief.'],
      ['Q69', 'Moving on from probation to courts.'],
    ]);
  });
});

describe('statements of the inspectorate as its releases print them', () => {
  const quotes = (texts: string[], publisher: string | null = null) =>
    extractQuotes(context(texts, { publisher, type: 'press-release' })).map((q) => [
      q.speaker,
      q.role,
      q.organisation,
      q.text.split(' ').slice(0, 4).join(' '),
    ]);

  it('knows the inspectorate by its name since 2022, "His Majesty’s"', () => {
    // 2024 Leeds and Derbyshire releases, and a paraphrase of the Prisons inspectorate.
    expect(
      quotes([
        'Leeds Probation Delivery Unit (PDU) has received an overall rating of ‘Inadequate’ following an inspection by His Majesty’s Inspectorate of Probation.',
        'Martin Jones, Chief Inspector of Probation, said “Some positive steps have been taken by the leadership team.”',
      ]),
    ).toEqual([['Martin Jones', 'Chief Inspector of Probation', null, 'Some positive steps have']]);
    expect(
      quotes(
        [
          'Martin Jones, Chief Inspector of Probation, said: “Disappointingly, this inspection found several significant problems.”',
        ],
        'HM Inspectorate of Probation',
      ),
    ).toEqual([
      [
        'Martin Jones',
        'Chief Inspector of Probation',
        'HM Inspectorate of Probation',
        'Disappointingly, this inspection found',
      ],
    ]);
    expect(
      quotes([
        'His Majesty’s Chief Inspector of Prisons Charlie Taylor said: “This is a prison in crisis and it must change.”',
      ]),
    ).toEqual([
      ['Charlie Taylor', 'His Majesty’s Chief Inspector of Prisons', 'HM Inspectorate of Prisons', 'This is a prison'],
    ]);
  });

  it('reads "HM Chief Inspector of Probation Justin Russell" as a title and a name, and "He added" as his', () => {
    // A 2019 release; a paraphrase with another inspector and "She went on".
    expect(
      quotes([
        'HM Chief Inspector of Probation Justin Russell said: “Staff across the NPS are committed and hard-working.”',
        'He added: “At the time of this inspection, there were 615 probation officer vacancies.”',
      ]),
    ).toEqual([
      ['Justin Russell', 'HM Chief Inspector of Probation', 'HM Inspectorate of Probation', 'Staff across the NPS'],
      ['Justin Russell', 'HM Chief Inspector of Probation', 'HM Inspectorate of Probation', 'At the time of'],
    ]);
    expect(
      quotes([
        'HM Chief Inspector of Probation Dame Glenys Stacey said: “Too many people are released homeless.”',
        'She continued: “The work of the CRC in this area is not good enough.”',
      ]),
    ).toEqual([
      ['Dame Glenys Stacey', 'HM Chief Inspector of Probation', 'HM Inspectorate of Probation', 'Too many people are'],
      ['Dame Glenys Stacey', 'HM Chief Inspector of Probation', 'HM Inspectorate of Probation', 'The work of the'],
    ]);
  });

  it('carries a statement on into a quoted paragraph of its own under a subheading', () => {
    // The 2022 statement to the Justice Committee (a subheading between), and a paraphrase with none.
    expect(
      quotes([
        'Mr Russell, the Chief Inspector of Probation, said in a statement:',
        '“We are seeing all the warning signs of a Probation Service in survival mode.”',
        '# Disappointing inspection ratings',
        '“Of the six inspections we have published since unification, we have rated four probation services ‘Inadequate’.”',
      ]).map((q) => [q[0], q[3]]),
    ).toEqual([
      ['Mr Russell', 'We are seeing all'],
      ['Mr Russell', 'Of the six inspections'],
    ]);
    expect(
      quotes([
        'Jane Smith, Chief Executive of Clinks, said: “The voluntary sector has been pushed out of probation.”',
        '“Charities that work with women have lost their funding, and nobody has replaced them.”',
      ]).map((q) => q[0]),
    ).toEqual(['Jane Smith', 'Jane Smith']);
  });

  it('does not carry it past a paragraph of prose, or into a quotation inside a sentence', () => {
    expect(
      quotes([
        'Jane Smith, Chief Executive of Clinks, said: “The voluntary sector has been pushed out of probation.”',
        'The report looked at twelve areas across England.',
        '“Charities that work with women have lost their funding, and nobody has replaced them.”',
      ]).map((q) => q[0]),
    ).toEqual(['Jane Smith']);
    expect(
      quotes([
        'Jane Smith, Chief Executive of Clinks, said: “The voluntary sector has been pushed out of probation.”',
        'The strategy promised “a service that works with charities in every single area”, and it did not.',
      ]).map((q) => q[0]),
    ).toEqual(['Jane Smith']);
  });

  it('takes a title leading a sentence that sets out the holder’s words after a colon', () => {
    // The 2023 annual report's release, and paraphrases with another title and verb.
    const introduced =
      'The outgoing Chief Inspector of Probation, Justin Russell, is calling for an independent review.';
    expect(
      quotes([
        introduced,
        'The Chief Inspector cited public protection as his primary concern: “We are still seeing safeguarding enquiries made in only 55 per cent of the cases.”',
      ]).map((q) => q[0]),
    ).toEqual(['Justin Russell']);
    expect(
      quotes([
        'The Permanent Secretary put the problem plainly: “We do not have enough probation officers in the South East.”',
      ]),
    ).toEqual([[null, 'Permanent Secretary', null, 'We do not have']]);
    expect(
      quotes(['The report put the problem plainly: “Too few probation officers are in post in the South East.”']),
    ).toEqual([]);
  });
});

describe('titles with their narrowing words, letters after names, and "the Committee"', () => {
  const quotes = (texts: string[], publisher: string | null = null) =>
    extractQuotes(context(texts, { publisher, type: 'press-release' })).map((q) => [q.speaker, q.role, q.organisation]);

  it('keeps the words that narrow a title, before or after the name', () => {
    // A Magistrates Association statement and a 2019 Justice Committee report; a paraphrase with another body.
    expect(
      quotes([
        'John Bache JP, National Chair of the MA, said: "Magistrates must be confident in the probation services\' capacity to provide community sentences."',
      ]),
    ).toEqual([['John Bache', 'National Chair', 'MA']]);
    expect(
      quotes([
        'In June 2018, the Prisons Minister, Rory Stewart MP, told us that he saw two solutions to managing the prison population.',
        'He said it would be necessary to do that “every year for about the next twenty years, whoever is in office”.',
      ]),
    ).toEqual([['Rory Stewart', 'Prisons Minister', null]]);
    expect(
      quotes([
        'Dr Jo Farrar CB OBE, Second Permanent Secretary, said: “We are recruiting more probation officers than ever before.”',
      ]),
    ).toEqual([['Dr Jo Farrar', 'Second Permanent Secretary', null]]);
  });

  it('takes the words before a title that are no narrowing word for the body the title is held in', () => {
    // Napo's magazine (2019) and a probation blog's post (2018), both on Napo's General Secretary; paraphrases.
    const said = 'said: “The voluntary sector has been squeezed out of probation.”';
    const cases: Array<[string, [string, string, string | null]]> = [
      [
        'Ahead of the session, Napo General Secretary, Ian Lawrence, urged the Committee to look again. He said: “there are serious questions as to who benefited from the two bail outs.”',
        ['Ian Lawrence', 'General Secretary', 'Napo'],
      ],
      [
        'Napo General Secretary Ian Lawrence said: “Napo are obviously pleased to see that there has been some improvement in London.”',
        ['Ian Lawrence', 'General Secretary', 'Napo'],
      ],
      [`Clinks Chief Executive Anne Fox ${said}`, ['Anne Fox', 'Chief Executive', 'Clinks']],
      [`Yesterday Chief Executive Anne Fox ${said}`, ['Anne Fox', 'Chief Executive', null]],
      [`Acting Chief Executive Anne Fox ${said}`, ['Anne Fox', 'Acting Chief Executive', null]],
    ];
    for (const [text, speaker] of cases) expect(quotes([text])).toEqual([speaker]);
  });

  it('reads a body printed with its possessive, a lower-case narrowing word, and names with a capital inside', () => {
    // A BBC report of the 2024 East Midlands inspection, the inspectorate's 2024 post of its interim Chief Inspector and
    // the 2023 annual report's release, the Committee's 2020 members list; then paraphrases.
    const said = 'said: “The quality of work to protect the public from harm just was not good enough.”';
    expect(
      quotes([
        `Dave Argument, HMIP's head of the probation inspection programme, ${said.replace('said', 'told the BBC')}`,
      ]),
    ).toEqual([['Dave Argument', 'head', 'HM Inspectorate of Probation']]);
    expect(
      quotes([`Sue McAllister, interim Chief Inspector of Probation, ${said}`], 'HM Inspectorate of Probation'),
    ).toEqual([['Sue McAllister', 'interim Chief Inspector of Probation', 'HM Inspectorate of Probation']]);
    expect(quotes([`Kenny MacAskill, acting Chair of Unlock, ${said}`])).toEqual([
      ['Kenny MacAskill', 'acting Chair', 'Unlock'],
    ]);
    // "The Chief Inspector" is the outgoing one the release named.
    expect(
      quotes([
        'The outgoing Chief Inspector of Probation, Justin Russell, is calling for an independent review.',
        `The Chief Inspector ${said}`,
      ]).map((q) => q[0]),
    ).toEqual(['Justin Russell']);
    // A news report's "Chief probation inspector Martin Jones" (Evening Standard, 2025).
    expect(quotes([`Chief probation inspector Martin Jones ${said}`], 'HM Inspectorate of Probation')).toEqual([
      ['Martin Jones', 'Chief probation inspector', 'HM Inspectorate of Probation'],
    ]);
  });

  it('reads a title of a body printed before the name without a comma, the body ending at its head noun', () => {
    // The Committee's news of the Government's response (2019); paraphrases with another committee and body.
    const statement = 'said: “Years of underfunding have left the probation system in a mess.”';
    expect(
      quotes(
        [`Commenting on the response, published today, Chair of the Committee Bob Neill MP ${statement}`],
        'House of Commons Justice Committee',
      ),
    ).toEqual([['Bob Neill', 'Chair', 'Justice Committee']]);
    expect(quotes([`Chair of the Public Accounts Committee Meg Hillier MP ${statement}`])).toEqual([
      ['Meg Hillier', 'Chair', 'Public Accounts Committee'],
    ]);
    expect(quotes([`Chief Executive of the Prison Reform Trust Pia Sinha ${statement}`])).toEqual([
      ['Pia Sinha', 'Chief Executive', 'Prison Reform Trust'],
    ]);
  });

  it('does not take an article or "His Majesty’s" as a narrowing word', () => {
    expect(
      quotes([
        'The Chief Executive, Amy Rees, said: “We have recruited record numbers of trainee probation officers this year.”',
      ]),
    ).toEqual([['Amy Rees', 'Chief Executive', null]]);
  });

  it('names "the Committee" by the committee that publishes the text', () => {
    // A Justice Committee weekly update, and a paraphrase for another committee.
    const update = [
      'Bob Neill MP, Chair of the Committee, welcomed the changes:',
      '"We said back in June last year that the probation system was a mess, and we were right."',
    ];
    expect(quotes(update, 'House of Commons Justice Committee')).toEqual([['Bob Neill', 'Chair', 'Justice Committee']]);
    expect(quotes(update, 'House of Commons Committee of Public Accounts')).toEqual([
      ['Bob Neill', 'Chair', 'Committee of Public Accounts'],
    ]);
    // Published by no committee, "the Committee" stays as printed.
    expect(quotes(update, 'HM Inspectorate of Probation')).toEqual([['Bob Neill', 'Chair', 'Committee']]);
  });
});

describe('part of a quote quoted again in one document', () => {
  it('is left to the longer quote of the same speaker', () => {
    const statement = '“The Probation Service is struggling and needs an independent review.”';
    const quotes = extractQuotes(
      context([
        `Justin Russell, Chief Inspector of Probation, said: ${statement.slice(0, -2)}, and soon.”`,
        `He said: ${statement}`,
        'Jane Smith, Chief Executive of Clinks, said: “The Probation Service is struggling and needs an independent review.”',
      ]),
    );
    // The second is held in the first, of the same speaker; another speaker's same words are hers.
    expect(quotes.map((q) => [q.speaker, q.text])).toEqual([
      ['Justin Russell', 'The Probation Service is struggling and needs an independent review, and soon.'],
      ['Jane Smith', 'The Probation Service is struggling and needs an independent review.'],
    ]);
  });

  it('keeps the same words twice as two quotes, for the index to link as copies of one fact', () => {
    const pasted =
      'Jane Smith, Chief Executive of Clinks, said: “The voluntary sector has been pushed out of probation.”';
    expect(extractQuotes(context([pasted, pasted])).map((q) => q.speaker)).toEqual(['Jane Smith', 'Jane Smith']);
  });
});
