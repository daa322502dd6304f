import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { NO_DECLARED_METADATA, type Block, type ExtractedDocument } from '../src/document.js';
import { extractMetadata } from '../src/extract/metadata.js';
import { coverDate } from '../src/text/dates.js';
import { normalizeChars } from '../src/ingest/normalize-text.js';
import { toPassages } from '../src/ingest/passages.js';
import { readText } from '../src/ingest/readers/text.js';
import { sniffFormat } from '../src/sniff.js';
import { migrate, SCHEMA_VERSION } from '../src/index/schema.js';
import { formatCitation } from '../src/query/citation.js';
import { isPractitionerCaseload } from '../src/query/figures.js';
import { codeVersion } from '../src/ingest/version.js';
import { isGarbage } from '../src/ingest/pdf/ocr.js';

const bytes = (s: string | number[]) => (typeof s === 'string' ? new TextEncoder().encode(s) : new Uint8Array(s));

describe('isGarbage: a text layer not worth reading', () => {
  const items = (...texts: string[]) =>
    texts.map((text, i) => ({ text, x: i * 50, y: 100, width: 40, fontSize: 10, fontName: 'F1' }));

  it('reads a page with letters, even a few replacement characters among them', () => {
    expect(isGarbage(items('Probation ', 'caseloads ', 'rose.'))).toBe(false);
    expect(isGarbage(items('Caseloads \uFFFD rose ', 'by 12 per cent'))).toBe(false);
    expect(isGarbage(items('Ελληνικά ', 'κείμενο'))).toBe(false);
  });

  it('refuses a page without letters, or with more replacement characters than letters', () => {
    expect(isGarbage(items('12 ', '345 ', '– 6 –'))).toBe(true);
    expect(isGarbage(items('\uFFFD\uFFFD\uFFFD ', 'a\uFFFD\uFFFD'))).toBe(true);
    expect(isGarbage([])).toBe(true);
  });
});

describe('sniffFormat decides by content', () => {
  it('finds PDF, HTML and text whatever the name', () => {
    expect(sniffFormat(bytes('%PDF-1.7\n...'), 'report.txt')).toEqual({ format: 'pdf' });
    expect(sniffFormat(bytes('\n  <!DOCTYPE html><html>'), 'page.txt')).toEqual({ format: 'html' });
    expect(sniffFormat(bytes('<p>Hello</p>'), 'notes')).toEqual({ format: 'html' });
    expect(sniffFormat(bytes('<probation is full>'), 'notes.txt')).toEqual({ format: 'text' });
    expect(sniffFormat(bytes('Plain words.'), 'page.html')).toEqual({ format: 'text' });
  });

  it('refuses empty files, images and a .pdf that is something else', () => {
    expect(sniffFormat(bytes(''), 'a.pdf')).toEqual({ error: 'empty file (0 bytes)' });
    expect(sniffFormat(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0]), 'scan.pdf')).toEqual({
      error: 'named .pdf but is not a PDF (no %PDF- header; content is a JPEG image)',
    });
    expect(sniffFormat(bytes([0x89, 0x50, 0x4e, 0x47, 0, 1]), 'chart.txt')).toEqual({
      error: 'unsupported format: a PNG image',
    });
    expect(sniffFormat(bytes([1, 2, 0, 4]), 'blob.txt')).toEqual({
      error: 'unsupported format: binary data, not PDF, HTML or text',
    });
  });
});

describe('normalizeChars', () => {
  it('undoes ligatures and odd spaces but keeps what a quote must keep', () => {
    expect(normalizeChars('ofﬁcers ﬂagged a\u00A0stafﬁng\u2009gap\u00AD…')).toBe('officers flagged a staffing gap…');
    expect(normalizeChars('“It’s ‘full’ – ½”')).toBe('“It’s ‘full’ – ½”');
  });
});

describe('readText', () => {
  it('takes each long line as a paragraph and short unpunctuated lines as headings', () => {
    const doc = readText(
      bytes(
        'Our results\nSo, what were the key findings on our first round of inspections last year?\n9 - CASELOADS\nWhereas two thirds of NPS responsible officers had a caseload of 40 or less.\n',
      ),
    );
    expect(doc.blocks.map((b) => [b.kind, b.text.slice(0, 20)])).toEqual([
      ['heading', 'Our results'],
      ['paragraph', 'So, what were the ke'],
      ['heading', '9 - CASELOADS'],
      ['paragraph', 'Whereas two thirds o'],
    ]);
  });

  it('keeps a numbered line on the list it continues, or whose words run on in lower case, and heads a section with one after a paragraph', () => {
    const doc = readText(
      bytes(
        'The Regional Probation Director should:\n1. ensure that every case has a timely risk assessment\n2. Review caseloads\n\n- make sure that staff are trained\n\nThe findings follow in the chapters below, one for each area we inspected.\n2. Findings\nInspectors looked at a sample of 120 cases in each of the offices they visited.\n',
      ),
    );
    expect(doc.blocks.map((b) => [b.kind, b.text.slice(0, 20)])).toEqual([
      ['paragraph', 'The Regional Probati'],
      ['list-item', '1. ensure that every'],
      ['list-item', '2. Review caseloads'],
      ['list-item', '- make sure that sta'],
      ['paragraph', 'The findings follow '],
      ['heading', '2. Findings'],
      ['paragraph', 'Inspectors looked at'],
    ]);
  });

  it('joins hard-wrapped lines and reads Windows-1252', () => {
    const doc = readText(bytes([...bytes('A paragraph wrapped\nat forty columns.\n\nNext: '), 0x93, 0x41, 0x94]));
    expect(doc.blocks.map((b) => b.text)).toEqual(['A paragraph wrapped at forty columns.', 'Next: “A”']);
  });
  it('takes a short line over a subheading as a heading too', () => {
    const doc = readText(
      bytes(
        'Conclusions and recommendations\n\nProbation workforce\n\n1. The Ministry of Justice must publish a workforce plan for the Probation Service by the end of the year.\n',
      ),
    );
    expect(doc.blocks.map((b) => b.kind)).toEqual(['heading', 'heading', 'list-item']);
  });
});

describe('toPassages', () => {
  it('gives each passage of a page read by OCR that page’s confidence, and none to a text layer’s', () => {
    const on = (page: number | null, text: string): Block => ({ kind: 'paragraph', text, page, level: 0 });
    const passages = toPassages([on(1, 'typed'), on(2, 'scanned'), on(null, 'html')], [{ page: 2, confidence: 91 }]);
    expect(passages.map((p) => [p.text, p.ocrConfidence])).toEqual([
      ['typed', null],
      ['scanned', 91],
      ['html', null],
    ]);
  });

  it('gives each passage the nearest heading above it', () => {
    const block = (kind: Block['kind'], text: string, level = 0): Block => ({ kind, text, page: 1, level });
    const passages = toPassages([
      block('heading', 'Findings', 1),
      block('heading', 'CRC', 2),
      block('paragraph', 'a'),
      block('heading', 'NPS', 2),
      block('paragraph', 'b'),
    ]);
    expect(passages.map((p) => [p.ordinal, p.heading, p.text])).toEqual([
      [0, null, 'Findings'],
      [1, 'Findings', 'CRC'],
      [2, 'CRC', 'a'],
      [3, 'Findings', 'NPS'],
      [4, 'NPS', 'b'],
    ]);
  });
});

describe('extractMetadata', () => {
  const doc = (
    blocks: Array<[string, number | null, Block['kind']?]>,
    extra: Partial<ExtractedDocument> = {},
  ): ExtractedDocument => ({
    format: 'pdf',
    pages: 3,
    declared: NO_DECLARED_METADATA,
    warnings: [],
    ocr: [],
    blocks: blocks.map(([text, page, kind = 'paragraph']) => ({ text, page, kind, level: kind === 'heading' ? 1 : 0 })),
    ...extra,
  });

  it('reads cover dates in the forms reports print them', () => {
    expect(coverDate(['Published 29 March 2021'])).toBe('2021-03-29');
    expect(coverDate(['HM Inspectorate of Probation', 'OCTOBER 2019'])).toBe('2019-10');
    expect(coverDate(['Thursday, 14 December 2017'])).toBe('2017-12-14');
    expect(coverDate(['HM Inspectorate of Probation 2020'])).toBe('2020');
    expect(coverDate(['Questions 1 - 27'])).toBeNull();
    // As web pages and other publishers print them: short month names, American order, ISO datelines.
    expect(coverDate(['Published 3 Dec 2020'])).toBe('2020-12-03');
    expect(coverDate(['Updated 12 Sept. 2019'])).toBe('2019-09-12');
    expect(coverDate(['Jun 2021'])).toBe('2021-06');
    expect(coverDate(['December 3, 2020'])).toBe('2020-12-03');
    expect(coverDate(['Posted 2020-12-03 by the press office'])).toBe('2020-12-03');
    expect(coverDate(['The Marchioness 2021'])).toBe('2021');
  });

  it('recognises an inspectorate report and a committee report from their covers', () => {
    expect(
      extractMetadata(
        doc([
          ['An inspection of probation services in Cumbria', 1, 'heading'],
          ['HM Inspectorate of Probation June 2019', 1],
        ]),
      ),
    ).toEqual({
      title: 'An inspection of probation services in Cumbria',
      publisher: 'HM Inspectorate of Probation',
      type: 'inspection',
      published: '2019-06',
      inspected: null,
    });
    const london = doc([
      ['An inspection of probation services delivered by the London Community Rehabilitation Company', 1, 'heading'],
      ['HM Inspectorate of Probation', 1],
    ]);
    expect(extractMetadata(london).inspected).toBe('London CRC');
    expect(
      extractMetadata(
        doc([
          ['Transforming Rehabilitation', 1, 'heading'],
          ['House of Commons Justice Committee', 1],
          ['Published on 22 June 2018', 1],
        ]),
      ),
    ).toMatchObject({
      publisher: 'House of Commons Justice Committee',
      type: 'committee-report',
      published: '2018-06-22',
    });
  });

  it('names the inspected body of a PDU inspection, though no list has it', () => {
    const pdu = doc([
      ['An inspection of probation services in: Swindon and Wiltshire PDU', 1, 'heading'],
      ['HM Inspectorate of Probation', 1],
      ['March 2022', 1],
    ]);
    expect(extractMetadata(pdu)).toMatchObject({
      type: 'inspection',
      inspected: 'Swindon and Wiltshire PDU',
      published: '2022-03',
    });
  });

  it('recognises press releases by their page and their words, and takes no date from a body paragraph', () => {
    const release = doc([
      ['HM Inspectorate of Probation', 1],
      ['Home › Media › Press releases', 1],
      ['East Midlands probation service must improve work to protect the public', 1, 'heading'],
      [
        'HM Inspectorate of Probation inspected the Derbyshire, Leicestershire, Nottinghamshire and Rutland CRC last autumn, having last visited it in September 2018 and found it wanting in many respects that matter.',
        1,
      ],
    ]);
    expect(extractMetadata(release)).toMatchObject({
      publisher: 'HM Inspectorate of Probation',
      type: 'press-release',
      published: null,
    });
    const aboutAnInspection = doc([
      ['HM Inspectorate of Probation', 1],
      ['Home › Media › Press releases', 1],
      ['Inspection of probation services in Leeds finds high caseloads', 1, 'heading'],
    ]);
    expect(extractMetadata(aboutAnInspection).type).toBe('press-release');
    const text = doc(
      [
        ['Probation work good overall in Wessex', null],
        [
          'The Community Rehabilitation Company in Wessex showed the best probation work inspectors had seen, according to a report published today by HM Inspectorate of Probation.',
          null,
        ],
      ],
      { format: 'text', pages: null },
    );
    expect(extractMetadata(text)).toMatchObject({ publisher: 'HM Inspectorate of Probation', type: 'press-release' });
    // The 2018 London CRC release tells of "the report published by HM Chief Inspector"; a report narrates others'.
    const told = (sentence: string) =>
      extractMetadata(
        doc([
          ['London CRC - notable improvement from a very low base but much still to do', null],
          [sentence, null],
        ]),
      ).type;
    expect(
      told(
        'However, the London Community Rehabilitation Company (CRC) has only reached national average standards, according to the report published by HM Chief Inspector of Probation, Dame Glenys Stacey.',
      ),
    ).toBe('press-release');
    expect(
      told(
        'The Kent CRC has made progress since 2019, according to the latest inspection report published by the inspectorate.',
      ),
    ).toBe('press-release');
    expect(
      told('The report published by HM Inspectorate of Probation in 2019 found that caseloads were too high in Kent.'),
    ).toBe('other');
    const news = doc([
      ['Public Accounts Committee', 1, 'heading'],
      ['Government far from its goal', 1, 'heading'],
      ['The Public Accounts Committee report concludes that up to £342 million more has been committed.', 1],
    ]);
    expect(extractMetadata(news)).toMatchObject({ type: 'press-release' });
  });

  it('takes a headline of a chief inspector’s or a committee’s news as news, and a report’s title by how it opens', () => {
    // The 2025 statement and the 2023 annual report's release; the Committee's 2018 news; the report's own covers.
    const titled = (title: string) =>
      extractMetadata(
        doc(
          [
            [title, null],
            ['Probation is falling short in its duty to protect the public, and leaders must act now.', null],
          ],
          { format: 'text', pages: null },
        ),
      ).type;
    expect(titled('Chief Inspector announces dynamic inspection of public protection')).toBe('press-release');
    expect(titled('Chief Inspector calls for an independent review of the Probation Service')).toBe('press-release');
    expect(titled('Justice Committee publishes Government’s interim response on Transforming Rehabilitation')).toBe(
      'press-release',
    );
    // The Committee's news page of the response to its 2019 follow-up report: news of the response, not the response.
    expect(titled('Government Response to Transforming Rehabilitation: Follow-up published')).toBe('press-release');
    expect(titled('Transforming Rehabilitation: Follow-up: Government Response to the Committee’s Report')).toBe(
      'government-response',
    );
    // The Magistrates Association's news of the 2019 annual report, titled with the report's name; a paraphrase.
    const lede = (title: string, first: string) =>
      extractMetadata(
        doc(
          [
            [title, null],
            [first, null],
          ],
          { format: 'text', pages: null },
        ),
      ).type;
    expect(
      lede(
        'Final Annual Report of the Chief Inspector of Probation',
        'The Chief Inspector of Probation, Dame Glenys Stacey, has released her final annual report. The report states that the model is flawed.',
      ),
    ).toBe('press-release');
    expect(
      lede(
        'Annual Report 2023',
        'HM Inspectorate of Probation has published its annual report, which finds that most services need to improve.',
      ),
    ).toBe('press-release');
    expect(
      lede('Annual Report 2023', 'In this report we set out what our inspections found in every region this year.'),
    ).toBe('annual-report');
    // A chief inspector quoted in the third person: the 2017 Gloucestershire story (a PA copy of the release), the
    // 2025 Evening Standard story; a report of the inspectorate speaks as "we".
    expect(
      lede(
        'Public at risk due to poor probation work says inspectorate',
        'Dame Glenys Stacey, HM Chief Inspector of Probation, said: “The quality of assessment and planning was mixed.”',
      ),
    ).toBe('press-release');
    expect(
      lede(
        'Probation Service work to keep people safe ‘consistently insufficient’',
        'Chief probation inspector Martin Jones said: “My main area of concern is the work to manage risk of harm.”',
      ),
    ).toBe('press-release');
    expect(
      lede(
        'Probation in the North West',
        'We found that the quality of assessment and planning was mixed, and the Chief Inspector will report on it.',
      ),
    ).toBe('other');
    expect(titled('An inspection of probation services in Suffolk')).toBe('inspection');
    expect(titled('An unannounced inspection of Kent PDU')).toBe('inspection');
    expect(titled('Inspection of probation services: Leeds PDU')).toBe('inspection');
  });

  it('tells the inspectorate’s news of an inspection from the report, and a headline about an annual report from one', () => {
    // 2024 Leeds and 2025 Derby City releases (a headline ending "– inspection finds"), and a paraphrase.
    for (const [headline, opening] of [
      [
        'Leeds PDU rated ‘Inadequate’ despite positive steps taken by leadership',
        'Leeds Probation Delivery Unit (PDU) has received an overall rating of ‘Inadequate’ following an inspection by His Majesty’s Inspectorate of Probation.',
      ],
      [
        '“Some stability” leading to promising work at Derby City Probation Delivery Unit – inspection finds',
        'Derby City Probation Delivery Unit (PDU) has received an overall rating of ‘Requires improvement’ following an inspection by His Majesty’s Inspectorate of Probation.',
      ],
      [
        'Three Welsh probation services rated ‘Good’',
        'Swansea, Cardiff and Newport PDUs were each rated ‘Good’ following inspections by HM Inspectorate of Probation.',
      ],
      // The 2025 national inspection's news, a news story of two PDU inspections (2024), and paraphrases.
      [
        '“Major shortfalls” found in national arrangements of the Probation Service',
        'A national inspection by HM Inspectorate of Probation has examined how effectively HM Prison and Probation Service is working, resulting in an overall rating of ‘Requires improvement’.',
      ],
      [
        'Probation services rated ‘inadequate’ by inspectors',
        'The Nottingham City Probation Delivery Unit (PDU) and the Nottinghamshire PDU were separately inspected by HM Inspectorate of Probation in March.',
      ],
      [
        'Kent probation improves',
        'An unannounced inspection by His Majesty’s Inspectorate of Probation found the Kent PDU much improved.',
      ],
      ['Wessex region rated ‘Good’', 'The Wessex region was inspected by HM Inspectorate of Probation last autumn.'],
    ]) {
      const release = doc(
        [
          [headline!, null, 'heading'],
          [opening!, null],
        ],
        { format: 'html', pages: null },
      );
      expect(extractMetadata(release).type).toBe('press-release');
    }
    const report = doc([
      ['An inspection of probation services in Leeds PDU', 1, 'heading'],
      ['HM Inspectorate of Probation, March 2024', 1],
    ]);
    expect(extractMetadata(report).type).toBe('inspection');
    const cover = doc([
      ['Probation services in Leeds PDU', 1, 'heading'],
      ['An inspection of probation services in Leeds PDU by HM Inspectorate of Probation', 1],
      ['This inspection was carried out in March 2024.', 2],
    ]);
    expect(extractMetadata(cover).type).toBe('inspection');
    const headline = doc([
      [
        'Chief Inspector calls for an independent review of the Probation Service, publishing his final annual report',
        1,
        'heading',
      ],
    ]);
    // Not an annual report: the headline tells news of one.
    expect(extractMetadata(headline).type).toBe('press-release');
    // The 2023 and 2015 annual reports' releases, and paraphrases: the publication told as news.
    for (const opening of [
      'The announcement comes as the Inspectorate publishes its annual report, the Chief Inspector’s final report.',
      'Today he published HM Inspectorate of Probation’s annual report.',
      'The Committee publishes its second report on probation, which finds that caseloads are too high.',
      'Today she published the inspectorate’s thematic report on women.',
    ]) {
      const release = doc([
        ['Probation services under strain', 1, 'heading'],
        [opening, 1],
      ]);
      expect(extractMetadata(release).type).toBe('press-release');
    }
    // An inspectorate that calls itself "the Inspectorate" and names its chief's office publishes the release (its
    // 2023 annual report's release, and a paraphrase); a firm's post quoting the Chief Inspector does not.
    const own = (opening: string) =>
      extractMetadata(
        doc([
          ['Chief Inspector calls for a review', 1, 'heading'],
          [opening, 1],
          ['The announcement comes as the Inspectorate publishes its annual report.', 1],
        ]),
      ).publisher;
    expect(
      own('The outgoing Chief Inspector of Probation, Justin Russell, is calling for an independent review.'),
    ).toBe('HM Inspectorate of Probation');
    expect(own('HM Chief Inspector of Prisons, Charlie Taylor, warned of overcrowding.')).toBe(
      'HM Inspectorate of Prisons',
    );
    // Its 2017 releases on Gloucestershire and north London: the chief inspector "today published the report".
    for (const opening of [
      'Despite heroic efforts by staff, the service was nowhere near the standard expected, said Dame Glenys Stacey, HM Chief Inspector of Probation. Today she published the report of a recent inspection of probation work in Gloucestershire.',
      'People were more at risk as a result, and this was unacceptable, said Dame Glenys Stacey, HM Chief Inspector of Probation. Today she published the report of a recent inspection of probation work in the north of London.',
    ]) {
      const release = extractMetadata(
        doc([
          ['Probation services - action is required', 1, 'heading'],
          [opening, 1],
        ]),
      );
      expect(release).toMatchObject({ publisher: 'HM Inspectorate of Probation', type: 'press-release' });
    }
    const firm = doc([
      ['Chief Inspector calls for a review', 1, 'heading'],
      ['The outgoing Chief Inspector of Probation has issued a damning report.', 1],
    ]);
    expect(extractMetadata(firm).publisher).toBeNull();
    // A committee's pages of prose without a report's marks are its news (a Justice Committee weekly update of 2019, a
    // notice of a Public Accounts Committee session of 2025); a chapter of a report has numbered paragraphs.
    const committeePage = (heading: string, ...texts: string[]) =>
      extractMetadata(doc([[heading, 1, 'heading'], ...texts.map((t): [string, number] => [t, 1])])).type;
    expect(
      committeePage(
        'Justice Committee - weekly update',
        'At the end of sitting weeks the Justice Committee publishes a brief summary of its activities in the form of a weekly update. On Tuesday, we took evidence from HM Chief Inspector of Probation, Dame Glenys Stacey, on the subject of her Annual Report.',
      ),
    ).toBe('press-release');
    expect(
      committeePage(
        'Public Accounts Committee scrutiny session on the Probation Service',
        'The Public Accounts Committee (PAC) will hold a scrutiny session on the efficiency and resilience of the Probation Service. The National Audit Office in its recent report found a service under significant strain following reforms in 2021.',
      ),
    ).toBe('press-release');
    expect(
      committeePage(
        'Providers and working relationships',
        'House of Commons Justice Committee',
        '91. In this Chapter we examine the problems in probation relating to providers and their working relationships with others in the criminal justice system, including the voluntary sector.',
      ),
    ).toBe('committee-report');
    // An annex of a report numbers its paragraphs "1)" and calls itself "this annex" (the Committee's 2018 report).
    expect(
      committeePage(
        'Annex 1: Summary of previous evidence relating to Transforming Rehabilitation reforms',
        'House of Commons Justice Committee',
        '1) This annex summarises the concerns raised by witnesses to our predecessor Committee following the Transforming Rehabilitation reforms, which were many and serious.',
      ),
    ).toBe('committee-report');
    const narrated = doc([
      ['Transforming Rehabilitation', 1, 'heading'],
      ['In June 2018 HM Inspectorate of Probation published its annual report, which found caseloads too high.', 1],
    ]);
    expect(extractMetadata(narrated).type).toBe('other');
    const annual = doc([['HM Inspectorate of Probation Annual Report 2014-15', 1, 'heading']]);
    expect(extractMetadata(annual).type).toBe('annual-report');
  });

  it('takes a plain text’s first line as its title, though a shorter line below reads as a heading', () => {
    const text = doc(
      [
        ['Transforming Rehabilitation: Follow-up: Government Response to the Committee’s Nineteenth Report', null],
        ['Third Special Report', null, 'heading'],
        ['We have received a Government response to the previous Justice Committee’s report.', null],
      ],
      { format: 'text', pages: null },
    );
    expect(extractMetadata(text)).toMatchObject({
      title: 'Transforming Rehabilitation: Follow-up: Government Response to the Committee’s Nineteenth Report',
      type: 'government-response',
    });
  });

  it('takes no press office’s label for a title, and a dated headline’s words after the date, as a post', () => {
    // The inspectorate's releases carry "HM Inspectorate of Probation – Press release" (2020 annual report); its
    // posts head themselves with their date (2022 and 2023 posts of the Chief Inspector).
    const text = (...lines: string[]) => extractMetadata(readText(bytes(lines.join('\n'))));
    expect(
      text(
        'HM Inspectorate of Probation Press release',
        '',
        'Chief Inspector of Probation reappointed',
        '',
        'The Secretary of State for Justice has announced the re-appointment of the Chief Inspector of Probation for a further two-year term, and the Inspectorate will inspect every local unit.',
      ),
    ).toMatchObject({ title: 'Chief Inspector of Probation reappointed', publisher: 'HM Inspectorate of Probation' });
    expect(
      text(
        'HM Inspectorate of Probation',
        '',
        '02 September 2022 – The ‘voice of the Probation Service’ must continue to be heard',
        '',
        'The month of August brought with it the publication of our latest round of local probation service inspection reports, this time in the West Midlands, the fourth probation region we have inspected since unification.',
      ),
    ).toMatchObject({
      title: 'The ‘voice of the Probation Service’ must continue to be heard',
      published: '2022-09-02',
      type: 'blog',
    });
    expect(
      text(
        '21 September 2023 - A farewell from Chief Inspector, Justin Russell',
        '',
        'At the end of September, I will be stepping down.',
      ),
    ).toMatchObject({
      title: 'A farewell from Chief Inspector, Justin Russell',
      published: '2023-09-21',
      type: 'blog',
    });
    // A committee report's cover names its House on a line of its own (the PAC's 2018 report on CRC contracts).
    expect(
      text(
        'House of Commons',
        'Committee of Public Accounts',
        '',
        'Government contracts for Community Rehabilitation Companies',
        '',
        'Twenty-Fourth Report of Session 2017–19',
      ),
    ).toMatchObject({
      title: 'Government contracts for Community Rehabilitation Companies',
      publisher: 'House of Commons Committee of Public Accounts',
      type: 'committee-report',
    });
    // A date alone names nothing.
    expect(text('Tuesday 10 November 2020', '', 'Minutes of the meeting').title).toBe('Minutes of the meeting');
  });

  it('names a committee by the cover’s words, before other bodies and not the title’s subject', () => {
    const lords = doc([
      ['Cutting crime: better community sentences', 1, 'heading'],
      ['House of Lords Justice and Home Affairs Committee', 1],
      ['1st Report of Session 2023–24', 1],
    ]);
    expect(extractMetadata(lords).publisher).toBe('House of Lords Justice and Home Affairs Committee');
    const pac = doc([
      ['Key challenges facing the Ministry of Justice', 1, 'heading'],
      ['House of Commons Committee of Public Accounts', 1],
    ]);
    expect(extractMetadata(pac)).toMatchObject({
      publisher: 'House of Commons Committee of Public Accounts',
      type: 'committee-report',
    });
  });

  it('takes a plain-text transcript’s title from under the committee’s masthead, and the committee as publisher', () => {
    // The Commons' Justice Committee (2020), and the Lords' Justice and Home Affairs Committee (2023), known by its name
    // alone on the masthead.
    const cases: Array<[string, string, string, string, string]> = [
      [
        'Justice Committee',
        'Oral evidence: The future of probation, HC 285',
        'Tuesday 10 November 2020',
        'House of Commons Justice Committee',
        '2020-11-10',
      ],
      [
        'Justice and Home Affairs Committee',
        'Corrected oral evidence: Community sentences',
        'Tuesday 13 June 2023',
        'House of Lords Justice and Home Affairs Committee',
        '2023-06-13',
      ],
    ];
    for (const [masthead, title, day, publisher, published] of cases) {
      const transcript = readText(
        bytes(
          `${masthead}\n\n${title}\n\n${day}\n\nQ1 The Chair: Good morning. What did your inspections find about caseloads last year?\n`,
        ),
      );
      expect(extractMetadata(transcript)).toMatchObject({ title, publisher, type: 'oral-evidence', published });
    }
  });

  it('reads the publisher a page title ends in, as Parliament’s and the inspectorate’s pages print it', () => {
    const page = (title: string) =>
      extractMetadata(
        doc([['Summary', null, 'heading']], {
          format: 'html',
          pages: null,
          declared: { title, author: null, siteName: null, date: null, url: null },
        }),
      );
    expect(page('Probation workforce - Committee of Public Accounts - House of Commons')).toMatchObject({
      title: 'Probation workforce',
      publisher: 'House of Commons Committee of Public Accounts',
      type: 'committee-report',
    });
    expect(page('Inspection of probation services: Kent PDU | HM Inspectorate of Probation')).toMatchObject({
      title: 'Inspection of probation services: Kent PDU',
      publisher: 'HM Inspectorate of Probation',
      type: 'inspection',
    });
    // A page titled only with its kind takes the fuller heading it opens with.
    expect(
      extractMetadata(
        doc([['Oral evidence: Probation caseloads, HC 999', null, 'heading']], {
          format: 'html',
          pages: null,
          declared: { title: 'Oral evidence - Justice Committee', author: null, siteName: null, date: null, url: null },
        }),
      ),
    ).toMatchObject({
      title: 'Oral evidence: Probation caseloads, HC 999',
      publisher: 'House of Commons Justice Committee',
      type: 'oral-evidence',
    });
    // A body named in the title itself, before any separator, is what the document is about, not who published it;
    // the site's names after it are no part of it.
    expect(page('Oral evidence: The work of the Ministry of Justice - Committees - UK Parliament')).toMatchObject({
      title: 'Oral evidence: The work of the Ministry of Justice',
      publisher: null,
    });
    expect(
      extractMetadata(
        doc([['Oral evidence: Transforming rehabilitation, HC 1018', null, 'heading']], {
          format: 'html',
          pages: null,
          declared: {
            title: 'Oral evidence - Transforming rehabilitation - Committees - UK Parliament',
            author: null,
            siteName: null,
            date: null,
            url: null,
          },
        }),
      ).title,
    ).toBe('Oral evidence: Transforming rehabilitation, HC 1018');
  });

  it('takes an HTML page from an unknown site as a blog, dated by its meta tags', () => {
    const blog = doc([['Reaction to the report', null, 'heading']], {
      format: 'html',
      pages: null,
      declared: {
        title: 'Reaction to the report - On Probation',
        author: null,
        siteName: 'On Probation',
        date: '2017-12-14T09:00:00Z',
        url: null,
      },
    });
    expect(extractMetadata(blog)).toEqual({
      title: 'Reaction to the report',
      publisher: 'On Probation',
      type: 'blog',
      published: '2017-12-14',
      inspected: null,
    });
  });
});

describe('codeVersion', () => {
  it('changes when a rule or its data changes, and only then', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rm-version-'));
    fs.mkdirSync(path.join(root, 'extract', 'data'), { recursive: true });
    fs.writeFileSync(path.join(root, 'extract', 'quotes.js'), 'export const MIN = 5;');
    fs.writeFileSync(path.join(root, 'extract', 'data', 'roles.json'), '["PO"]');
    const first = codeVersion(root, ['extract']);
    expect(Number.isSafeInteger(first)).toBe(true);
    fs.writeFileSync(path.join(root, 'extract', 'notes.md'), 'not code');
    expect(codeVersion(root, ['extract'])).toBe(first);
    fs.writeFileSync(path.join(root, 'extract', 'data', 'roles.json'), '["PO","PSO"]');
    const second = codeVersion(root, ['extract']);
    expect(second).not.toBe(first);
    fs.writeFileSync(path.join(root, 'extract', 'quotes.js'), 'export const MIN = 4;');
    expect(codeVersion(root, ['extract'])).not.toBe(second);
  });
});

describe('isPractitionerCaseload', () => {
  const here = 'PSOs told us they held caseloads of 58 cases.';
  it('takes a practitioner’s caseload for the caseloads chart, not a national total', () => {
    expect(isPractitionerCaseload({ unit: 'cases', value: 58, sentence: here })).toBe(true);
    expect(isPractitionerCaseload({ unit: 'cases', value: 264_649, sentence: here })).toBe(false);
    expect(isPractitionerCaseload({ unit: 'people', value: 40, sentence: here })).toBe(false);
  });

  it('leaves out another country’s caseloads and ratios across a service', () => {
    const europe = 'The ratio of probationers per individual staff member varied from 4.7 in Norway to 240 in Greece.';
    expect(isPractitionerCaseload({ unit: 'cases', value: 240, sentence: europe })).toBe(false);
    expect(
      isPractitionerCaseload({ unit: 'cases', value: 35, sentence: 'Officers in Scotland hold about 35 cases each.' }),
    ).toBe(false);
    expect(
      isPractitionerCaseload({
        unit: 'cases',
        value: 48,
        sentence: 'There were 48 cases per staff member in the region.',
      }),
    ).toBe(false);
    // A region of England named like a country's part is still here.
    expect(
      isPractitionerCaseload({ unit: 'cases', value: 62, sentence: 'In the North East, officers held 62 cases.' }),
    ).toBe(true);
  });
});

describe('formatCitation', () => {
  const local = { url: null, excerpt: false, ocr: false };
  it('leaves out what is unknown, and cites a file with no known URL by its path', () => {
    expect(
      formatCitation({ title: 'T', publisher: 'P', published: '2021-03', page: 4, source: 's.pdf', ...local }),
    ).toBe('T. P, March 2021, p. 4. s.pdf');
    expect(
      formatCitation({ title: null, publisher: null, published: null, page: null, source: 's.txt', ...local }),
    ).toBe('s.txt');
  });

  it('ends in the published URL, at the page for a PDF', () => {
    const published = {
      title: 'Report',
      publisher: 'HMIP',
      published: '2019-10',
      source: 'copy.pdf',
      excerpt: false,
      ocr: false,
    };
    expect(formatCitation({ ...published, page: 7, url: 'https://example.org/r.pdf' })).toBe(
      'Report. HMIP, October 2019, p. 7. https://example.org/r.pdf#page=7',
    );
    expect(formatCitation({ ...published, page: null, url: 'https://example.org/r.html' })).toBe(
      'Report. HMIP, October 2019. https://example.org/r.html',
    );
  });

  it('says when the cited page was read by OCR, so a reader checks the page image before quoting', () => {
    expect(
      formatCitation({
        title: 'Scan',
        publisher: 'HMIP',
        published: '2019',
        page: 3,
        source: 's.pdf',
        ...local,
        ocr: true,
      }),
    ).toBe('Scan. HMIP, 2019, p. 3 (text from OCR). s.pdf');
  });

  it('says when the copy is an excerpt, so its page is not taken for the published one', () => {
    expect(
      formatCitation({
        title: 'Report',
        publisher: 'Justice Committee',
        published: '2018-06-22',
        page: 2,
        source: 'corpus/real/r.pdf',
        url: 'https://example.org/r.htm',
        excerpt: true,
        ocr: false,
      }),
    ).toBe(
      'Report. Justice Committee, 22 June 2018. Excerpt of https://example.org/r.htm, p. 2 of this copy. corpus/real/r.pdf',
    );
  });

  it('places a transcript turn by its question number where there is no page', () => {
    const transcript = {
      title: 'Oral evidence',
      publisher: 'Justice Committee',
      published: '2020-09-22',
      page: null,
      ocr: false,
    };
    expect(
      formatCitation({ ...transcript, source: 't.html', url: 'https://example.org/t', excerpt: false }, 'Q12'),
    ).toBe('Oral evidence. Justice Committee, 22 September 2020, Q12. https://example.org/t');
    expect(
      formatCitation({ ...transcript, source: 't.html', url: 'https://example.org/t', excerpt: true }, 'Q12'),
    ).toBe('Oral evidence. Justice Committee, 22 September 2020. Excerpt of https://example.org/t, Q12. t.html');
    expect(formatCitation({ ...transcript, page: 3, source: 't.pdf', url: null, excerpt: false }, 'Q12')).toBe(
      'Oral evidence. Justice Committee, 22 September 2020, p. 3. t.pdf',
    );
  });
});

describe('migrate', () => {
  it('creates the schema once, records its version, and refuses a newer database', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db);
    migrate(db);
    expect(db.prepare('SELECT version FROM schema_version').all()).toEqual([{ version: SCHEMA_VERSION }]);
    db.prepare('UPDATE schema_version SET version = ?').run(SCHEMA_VERSION + 1);
    expect(() => {
      migrate(db);
    }).toThrow(/newer than this report-miner understands/);
  });
  // The SQL Datasette's detect_fts runs (datasette/utils/__init__.py), for a table's full-text index.
  const DETECT_FTS = `SELECT name FROM sqlite_master WHERE rootpage = 0 AND (
      sql LIKE '%VIRTUAL TABLE%USING FTS%content="' || :table || '"%'
      OR sql LIKE '%VIRTUAL TABLE%USING FTS%content=[' || :table || ']%'
      OR (tbl_name = :table AND sql LIKE '%VIRTUAL TABLE%USING FTS%'))`;

  it('declares the FTS tables so that Datasette finds them, and an older index keeps what it had indexed', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, 4);
    const detected = () =>
      ['passages', 'quotes', 'recommendations'].map(
        (table) => (db.prepare(DETECT_FTS).get({ table }) as { name: string } | undefined)?.name ?? null,
      );
    expect(detected()).toEqual([null, null, null]);
    db.prepare(
      `INSERT INTO documents (id, source, sha256, status, bytes, pipeline_version, indexed_at) VALUES (1, 'a.pdf', 'x', 'indexed', 1, 1, 'now')`,
    ).run();
    const passage = db.prepare(
      'INSERT INTO passages (document_id, ordinal, page, kind, heading, text) VALUES (1, ?, 1, ?, ?, ?)',
    );
    passage.run(0, 'heading', null, 'Caseloads');
    passage.run(1, 'paragraph', 'Caseloads', 'Officers held sixty cases each.');
    db.prepare(
      "INSERT INTO quotes (document_id, ordinal, page, text, speaker, kind) VALUES (1, 0, 1, 'We are overwhelmed.', 'Jane Smith', 'statement')",
    ).run();

    migrate(db);
    expect(detected()).toEqual(['passages_fts', 'quotes_fts', 'recommendations_fts']);
    const matching = (sql: string, query: string) => db.prepare(sql).all(query);
    expect(matching('SELECT rowid FROM passages_fts WHERE passages_fts MATCH ?', 'caseloads')).toEqual([{ rowid: 2 }]);
    expect(matching('SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?', 'smith')).toEqual([{ rowid: 1 }]);
    // The triggers still keep the index in step.
    passage.run(2, 'paragraph', null, 'Sixty cases is too many.');
    expect(matching('SELECT rowid FROM passages_fts WHERE passages_fts MATCH ? ORDER BY rowid', 'sixty')).toEqual([
      { rowid: 2 },
      { rowid: 3 },
    ]);
  });
});
