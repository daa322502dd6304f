import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Block } from '../src/document.js';
import type { DocumentMetadata } from '../src/extract/metadata.js';
import { extractVoices, signatureAt, speakerOfTitle } from '../src/extract/voices.js';
import { buildIndex, exportKind, FIXTURES, runCli } from './helpers.js';

const block = (text: string, kind: Block['kind'] = 'paragraph', level = 0): Block => ({ kind, text, page: 1, level });
const heading = (text: string, level = 2) => block(text, 'heading', level);

const METADATA: DocumentMetadata = {
  title: 'An inspection of probation services in Northshire',
  publisher: 'HM Inspectorate of Probation',
  type: 'inspection',
  published: '2019-05',
  inspected: null,
};

const voices = (blocks: Block[], metadata: Partial<DocumentMetadata> = {}) =>
  extractVoices({ blocks, metadata: { ...METADATA, ...metadata } }).map(
    ({ opening, closing, speaker, role, organisation }) => ({
      opening,
      closing,
      speaker,
      role,
      organisation,
    }),
  );

describe('signatures', () => {
  it('reads a name and office on one line or two, the office with or without "HM"', () => {
    expect(signatureAt([block('Dame Glenys Stacey HM Chief Inspector of Probation')], 0)).toMatchObject({
      speaker: 'Dame Glenys Stacey',
      role: 'HM Chief Inspector of Probation',
      blocks: 1,
    });
    expect(signatureAt([block('Dr Robin Moore, Head of Research')], 0)).toMatchObject({
      speaker: 'Dr Robin Moore',
      role: 'Head of Research',
    });
    expect(signatureAt([heading('Justin Russell'), block('Chief Inspector of Probation')], 0)).toMatchObject({
      speaker: 'Justin Russell',
      role: 'Chief Inspector of Probation',
      blocks: 2,
    });
  });

  it('is not fooled by a sentence, an office alone or a heading that is no name', () => {
    expect(signatureAt([block('The Chief Inspector of Probation visited in May.')], 0)).toBeNull();
    expect(signatureAt([block('HM Chief Inspector of Probation')], 0)).toBeNull();
    expect(signatureAt([heading('Key findings'), block('Director of Operations')], 0)).toBeNull();
  });

  it('reads who a speech is by from its title', () => {
    expect(speakerOfTitle('Speech by HM Chief Inspector of Probation')).toEqual({
      speaker: null,
      role: 'HM Chief Inspector of Probation',
      signature: 'Speech by HM Chief Inspector of Probation',
    });
    expect(speakerOfTitle('Keynote address by Professor Amina Patel, Chair')).toMatchObject({
      speaker: 'Professor Amina Patel',
      role: 'Chair',
    });
    expect(speakerOfTitle('Speech from Sir Tom Ellis')).toMatchObject({ speaker: 'Sir Tom Ellis', role: null });
    expect(speakerOfTitle('Speeches and debates on probation')).toBeNull();
    expect(speakerOfTitle('An inspection of probation services in Northshire')).toBeNull();
  });
});

describe('extractVoices', () => {
  const report = (forewordHeading: string, signature: Block[]) => [
    heading('An inspection of probation services in Northshire', 1),
    heading(forewordHeading),
    block('We found the service stretched and staff working long hours.'),
    block('I expect the provider to act on our findings.'),
    ...signature,
    heading('Key findings'),
    block('Caseloads were high.'),
  ];

  it('gives a signed foreword to its signatory, up to the signature', () => {
    expect(voices(report('Foreword', [block('Dame Glenys Stacey HM Chief Inspector of Probation')]))).toEqual([
      {
        opening: 2,
        closing: 3,
        speaker: 'Dame Glenys Stacey',
        role: 'HM Chief Inspector of Probation',
        organisation: 'HM Inspectorate of Probation',
      },
    ]);
    expect(
      voices(
        report("Chief Inspector's foreword", [heading('Justin Russell', 3), block('HM Chief Inspector of Probation')]),
      ),
    ).toMatchObject([{ opening: 2, closing: 3, speaker: 'Justin Russell' }]);
    expect(
      voices(report('Introduction by the Chair', [block('Ms Lena Obi, Chair')]), { publisher: 'Northshire Trust' }),
    ).toEqual([{ opening: 2, closing: 3, speaker: 'Ms Lena Obi', role: 'Chair', organisation: null }]);
  });

  it('gives nothing to an unsigned foreword, or to a section that is not one', () => {
    expect(voices(report('Foreword', []))).toEqual([]);
    expect(voices(report('Methodology', [block('Dr Robin Moore, Head of Research')]))).toEqual([]);
  });

  it('gives the whole of a speech to its speaker', () => {
    const speech = [
      heading('Speech by HM Chief Inspector of Probation', 1),
      block('Our results'),
      block('We found a gap.'),
    ];
    expect(voices(speech, { title: 'Speech by HM Chief Inspector of Probation', type: 'other' })).toEqual([
      {
        opening: 0,
        closing: 2,
        speaker: null,
        role: 'HM Chief Inspector of Probation',
        organisation: 'HM Inspectorate of Probation',
      },
    ]);
  });
});

describe('report-miner search --speaker over passages', () => {
  let db: string;
  beforeAll(() => {
    db = buildIndex([
      path.join(FIXTURES, 'hmip-london-crc-inspection-2018.pdf'),
      path.join(FIXTURES, 'hmip-chief-inspector-speech-2020.pdf'),
    ]);
  });

  it('finds the signed foreword’s passages, each with whose words they are', () => {
    const hits = JSON.parse(
      runCli(['search', 'caseloads', '--speaker', 'Stacey', '--json', '--db', db]).stdout,
    ) as Array<Record<string, unknown>>;
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits)
      expect(hit).toMatchObject({
        speaker: 'Dame Glenys Stacey',
        role: 'HM Chief Inspector of Probation',
        heading: 'Foreword',
      });
  });

  it('finds a speech by the office its title names, and exports every voice', () => {
    const hits = JSON.parse(
      runCli(['search', 'gap', '--role', 'Chief Inspector', '--json', '--db', db]).stdout,
    ) as Array<Record<string, unknown>>;
    expect(hits.map((h) => path.basename(String(h.source)))).toContain('hmip-chief-inspector-speech-2020.pdf');
    expect(
      exportKind<{ signature: string }>('voices', db)
        .map((v) => v.signature)
        .sort(),
    ).toEqual(['Dame Glenys Stacey HM Chief Inspector of Probation', 'Speech by HM Chief Inspector of Probation']);
    // A passage past the signature is the report's, nobody's in particular.
    const after = JSON.parse(runCli(['search', '"public protection work"', '--json', '--db', db]).stdout) as Array<
      Record<string, unknown>
    >;
    expect(after.map((h) => [h.heading, h.speaker])).toEqual([['Protecting the public', null]]);
  });
});
