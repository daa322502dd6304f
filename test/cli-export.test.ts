import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex, exportKind, FIXTURES, runCli } from './helpers.js';

type Row = Record<string, unknown> & { source: string };
let db: string;
const rows: Record<string, Row[]> = {};

beforeAll(() => {
  db = buildIndex([FIXTURES]);
  for (const kind of ['documents', 'quotes', 'ratings', 'figures', 'recommendations'])
    rows[kind] = exportKind<Row>(kind, db);
});

const from = (kind: string, file: string) => rows[kind]!.filter((r) => path.basename(r.source) === file);

describe('report-miner export <kind> --format json', () => {
  it('prints every kind with the fields the contract requires', () => {
    const required: Record<string, string[]> = {
      documents: ['source', 'title', 'publisher', 'type', 'published', 'pages'],
      quotes: ['source', 'page', 'text', 'speaker', 'role', 'organisation', 'kind', 'question'],
      ratings: ['source', 'page', 'subject', 'aspect', 'rating', 'count'],
      figures: ['source', 'page', 'sentence', 'value', 'unit', 'qualifier', 'topic', 'subject'],
      recommendations: ['source', 'page', 'number', 'text', 'addressee', 'paragraph'],
    };
    for (const [kind, fields] of Object.entries(required)) {
      expect(rows[kind]!.length, kind).toBeGreaterThan(0);
      for (const row of rows[kind]!) for (const field of fields) expect(row, `${kind}.${field}`).toHaveProperty(field);
    }
  });

  it('gives every finding the rule that produced it and a confidence, and cuts at --min-confidence', () => {
    for (const kind of ['quotes', 'ratings', 'figures', 'recommendations']) {
      for (const row of rows[kind]!) {
        expect(String(row.rule), kind).toMatch(/^(?:quote|evidence|rating|figure|recommendation)\.[a-z-]+$/);
        expect(row.confidence as number, kind).toBeGreaterThanOrEqual(0.5);
        expect(row.confidence as number, kind).toBeLessThanOrEqual(1);
      }
    }
    const all = exportKind<Row>('figures', db, ['--min-confidence', '0']);
    const sure = exportKind<Row>('figures', db, ['--min-confidence', '0.9']);
    expect(sure.length).toBeLessThan(all.length);
    expect(sure.every((f) => (f.confidence as number) >= 0.9)).toBe(true);
    expect(runCli(['export', 'figures', '--min-confidence', 'high', '--db', db]).stderr).toMatch(
      /expected a number from 0 to 1, got "high"/,
    );
  });

  it('exports what extraction could not use, per document', () => {
    const messages = exportKind<Row & { rule: string; text: string }>('messages', db);
    const unattributed = messages.filter((m) => m.rule === 'quotes.unattributed');
    expect(unattributed.length).toBeGreaterThan(0);
    expect(unattributed.every((m) => m.text.startsWith('quotation attributed to nobody, left out: “'))).toBe(true);
  });

  it('exports the bulletin’s staff testimony with roles, organisations and pages', () => {
    const quotes = from('quotes', 'hmip-caseloads-workloads-2021.pdf');
    const testimony = quotes.filter((q) => q.kind === 'testimony');
    expect(testimony.length).toBeGreaterThanOrEqual(30);
    for (const q of testimony) {
      expect(q.role).toMatch(/^(?:PO|PSO|SPO|NPS senior official|CRC senior leader)$/);
      expect(q.organisation).toMatch(/^(?:CRC|NPS)$/);
    }
    expect(quotes.find((q) => String(q.text).startsWith('I really enjoy my job'))).toMatchObject({
      page: 10,
      role: 'SPO',
      organisation: 'NPS',
    });
  });

  it('exports each oral-evidence turn with its question number and witness', () => {
    const turns = from('quotes', 'justice-committee-oral-evidence-2021-03-23.html');
    expect(turns.every((t) => t.kind === 'evidence' && t.page === null)).toBe(true);
    expect(turns.find((t) => t.question === 'Q68' && t.speaker === 'Jo Farrar')).toMatchObject({
      role: 'Chief Executive Officer',
      organisation: 'HM Prison & Probation Service',
    });
    expect(
      turns
        .filter((t) => t.speaker === 'Chair')
        .every((t) => t.role === 'Chair' && t.organisation === 'Justice Committee'),
    ).toBe(true);
  });

  it('exports the £822m figure and the ratings of Durham and Tees Valley CRC', () => {
    expect(from('figures', 'hmip-chief-inspector-speech-2020.pdf').find((f) => f.value === 822_000_000)).toMatchObject({
      unit: 'GBP',
      topic: 'funding',
      page: 2,
    });
    const dtv = from('ratings', 'hmip-chief-inspector-speech-2020.pdf').filter(
      (r) => r.subject === 'Durham and Tees Valley CRC',
    );
    expect(dtv.map((r) => r.rating)).toEqual(['requires improvement', 'outstanding']);
  });

  it('exports committee recommendations with number, paragraph and addressee', () => {
    const rainsbrook = from('recommendations', 'justice-committee-rainsbrook-2021.pdf');
    expect(rainsbrook.map((r) => r.number)).toEqual(['4', '5', '8', '9', '10', '11', '12', '13', '16']);
    expect(rainsbrook.find((r) => r.number === '12')).toMatchObject({
      paragraph: '59',
      addressee: 'Ministry of Justice',
      page: 4,
    });
    expect(from('recommendations', 'pac-key-challenges-moj-2021.pdf').map((r) => r.addressee)).toContain(
      'Ministry of Justice, HMCTS and HMPPS',
    );
  });

  it.each(['documents', 'quotes', 'figures', 'ratings', 'recommendations'])(
    '%s: --format ndjson and csv give the rows of the JSON array, a CSV parser reads them back',
    (kind) => {
      const json = rows[kind]!;
      const ndjson = runCli(['export', kind, '--db', db, '--format', 'ndjson'])
        .stdout.trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Row);
      expect(ndjson).toEqual(json);
      const csv = runCli(['export', kind, '--db', db, '--format', 'csv']).stdout;
      expect(csv).toMatch(/\r\n$/);
      const parsed = parse<Record<string, string>>(csv, { columns: true });
      expect(parsed).toHaveLength(json.length);
      parsed.forEach((row, i) => {
        for (const [key, value] of Object.entries(json[i]!)) {
          expect(row[key], `${kind} ${i} ${key}`).toBe(value === null ? '' : String(value as string | number));
        }
      });
    },
  );

  it('refuses an unknown format in one line, naming the ones there are', () => {
    const result = runCli(['export', 'quotes', '--db', db, '--format', 'xml']);
    expect([result.status, result.stdout, result.stderr]).toEqual([
      2,
      '',
      'report-miner: unknown --format "xml"; one of: json, ndjson, csv\n',
    ]);
  });

  it('refuses an unknown kind in one line', () => {
    const result = runCli(['export', 'opinions', '--db', db, '--format', 'json']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'report-miner: unknown kind "opinions"; one of: documents, quotes, ratings, figures, recommendations, responses, voices, messages\n',
    );
  });
});

describe('report-miner search --kind', () => {
  it('finds PSO quotes from CRCs, each with a citation', () => {
    const result = runCli([
      'search',
      'stress*',
      '--kind',
      'quote',
      '--role',
      'PSO',
      '--org',
      'CRC',
      '--limit',
      '0',
      '--json',
      '--db',
      db,
    ]);
    const hits = JSON.parse(result.stdout) as Array<{
      role: string;
      organisation: string;
      text: string;
      citation: string;
    }>;
    expect(hits.length).toBeGreaterThanOrEqual(4);
    for (const hit of hits) {
      expect([hit.role, hit.organisation]).toEqual(['PSO', 'CRC']);
      expect(hit.text).toMatch(/stress/i);
      expect(hit.citation).toMatch(
        /^“.+” — PSO, CRC\. Caseloads, workloads and staffing levels in probation services\. HM Inspectorate of Probation, March 2021, p\. \d+\. /,
      );
    }
  });

  it('lists recommendations to a body with an empty query', () => {
    const result = runCli([
      'search',
      '',
      '--kind',
      'recommendation',
      '--addressee',
      'Ministry of Justice',
      '--limit',
      '0',
      '--json',
      '--db',
      db,
    ]);
    const hits = JSON.parse(result.stdout) as Array<{ addressee: string }>;
    expect(hits.length).toBeGreaterThanOrEqual(8);
    expect(hits.every((h) => h.addressee.includes('Ministry of Justice'))).toBe(true);
  });

  it('says which filters do not apply', () => {
    const result = runCli(['search', 'x', '--kind', 'recommendation', '--role', 'PSO', '--db', db]);
    expect(result.stderr).toBe('report-miner: --role does not apply to --kind recommendation\n');
  });
});
