import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex, CORPUS, runCli, tempDir } from './helpers.js';
import type { FlatRow } from '../src/cli/formats.js';

let db: string;

beforeAll(() => {
  db = buildIndex([CORPUS]);
});

const LISTINGS: Array<[string, string[]]> = [
  ['quotes', ['quotes', '--role', 'PSO']],
  ['ratings', ['ratings']],
  ['timeline', ['ratings', '--subject', 'Durham and Tees Valley CRC', '--timeline']],
  ['figures', ['figures', '--topic', 'caseload']],
  ['caseload summary', ['figures', '--caseload-summary']],
  ['recommendations', ['recommendations']],
];

describe('listing commands', () => {
  it.each(LISTINGS)('%s: CSV round-trips through a CSV parser and agrees with JSON and NDJSON', (_name, args) => {
    // Listings print flat rows: every cell a string, a number or null.
    const json = JSON.parse(runCli([...args, '--format', 'json', '--db', db]).stdout) as FlatRow[];
    const csv = runCli([...args, '--format', 'csv', '--db', db]).stdout;
    const ndjson = runCli([...args, '--format', 'ndjson', '--db', db])
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l) as FlatRow);
    expect(json.length).toBeGreaterThan(0);
    expect(csv).toMatch(/\r\n$/);
    const rows = parse<Record<string, string>>(csv, { columns: true, bom: true });
    expect(rows).toHaveLength(json.length);
    expect(ndjson).toEqual(json);
    rows.forEach((row, i) => {
      expect(Object.keys(row)).toEqual(Object.keys(json[i]!));
      for (const [key, value] of Object.entries(json[i]!)) expect(row[key]).toBe(value === null ? '' : String(value));
    });
  });

  it('lists two alike figures of one sentence as two facts, each once, from the document that states them first', () => {
    const rows = JSON.parse(runCli(['figures', '--format', 'json', '--db', db]).stdout) as FlatRow[];
    const shared = rows.filter((r) => String(r.sentence).includes('two thirds of whom had a caseload of over 50'));
    // The speech states it; the blog post that copies it is not listed again.
    expect(shared.map((r) => [r.value, r.subject, path.basename(String(r.source))])).toEqual([
      [66.67, 'NPS responsible officers', 'hmip-chief-inspector-speech-2020.pdf'],
      [66.67, 'CRC staff', 'hmip-chief-inspector-speech-2020.pdf'],
      [40, 'NPS responsible officers', 'hmip-chief-inspector-speech-2020.pdf'],
      [50, 'CRC staff', 'hmip-chief-inspector-speech-2020.pdf'],
    ]);
  });

  it('lists a rating under the year of the judgement where the document says, not the year of the speech', () => {
    type RatingListed = { subject: string; rating: string; count: number | null };
    // One row per subject, aspect, year and count: a count the annual report restates is kept once, from either.
    const inYear = (year: string) =>
      (
        JSON.parse(
          runCli(['ratings', '--from', year, '--to', year, '--format', 'json', '--db', db]).stdout,
        ) as RatingListed[]
      ).map((r) => [r.subject, r.rating, r.count]);
    // The 2020 speech: "our first round of inspections last year" gave these; "our year two ratings" the others.
    expect(inYear('2019')).toEqual(
      expect.arrayContaining([
        ['NPS divisions', 'good', 5],
        ['CRC services', 'requires improvement', 19],
        ['CRCs', 'requires improvement', 9],
      ]),
    );
    expect(inYear('2019')).not.toContainEqual(['CRCs', 'good', 3]);
    expect(inYear('2020')).toContainEqual(['CRCs', 'good', 3]);
    expect(inYear('2020')).not.toContainEqual(['NPS divisions', 'good', 5]);
  });

  it('prints an aligned table on a terminal', () => {
    const out = runCli(['ratings', '--subject', 'DTV', '--db', db]).stdout.split('\n');
    expect(out[0]).toMatch(/^subject\s+aspect\s+year\s+rating\s+count\s+title\s+page$/);
    expect(out[1]).toMatch(/^─+ {2}─+/);
    expect(out[2]).toMatch(
      /^Durham and Tees Valley CRC\s+through the gate\s+2020\s+outstanding\s+Speech by HM Chief Inspector of Probation\s+5$/,
    );
    expect(out[0]!.indexOf('aspect')).toBe(out[2]!.indexOf('through the gate'));
  });

  it('says what is wrong with a bad format, year or filter, in one line', () => {
    expect(runCli(['ratings', '--format', 'xml', '--db', db]).stderr).toBe(
      'report-miner: unknown --format "xml"; one of: table, json, ndjson, csv\n',
    );
    expect(runCli(['figures', '--from', '20x1', '--db', db]).stderr).toMatch(
      /option '--from <year>' argument '20x1' is invalid\. expected a four-digit year/,
    );
    expect(runCli(['figures', '--topic', 'weather', '--db', db]).stderr).toMatch(
      /^report-miner: bad search filter: topic: /,
    );
    expect(runCli(['ratings', '--timeline', '--db', db]).stderr).toBe(
      'report-miner: --timeline needs --subject <provider>\n',
    );
  });
});

describe('report-miner chart', () => {
  it('draws the ratings chart as SVG, titled, labelled, cited and with data', () => {
    const out = path.join(tempDir(), 'ratings.svg');
    expect(runCli(['chart', 'ratings', '--out', out, '--db', db]).status).toBe(0);
    const svg = fs.readFileSync(out, 'utf8');
    expect(svg).toMatch(/^<svg /);
    expect(svg).toContain('Inspection ratings by year');
    expect(svg).toContain('Bodies rated');
    // Every document charted is named once, in one source line.
    expect(svg).toContain('Source: ');
    expect(svg).toContain('Speech by HM Chief Inspector of Probation (HM Inspectorate of Probation, 2020)');
    expect(svg).toContain('>2020<');
    expect((svg.match(/role-mark marks.*?<path/gs) ?? []).length).toBeGreaterThan(0);
  });

  it('draws the caseloads chart as PNG', () => {
    const out = path.join(tempDir(), 'caseloads.png');
    expect(runCli(['chart', 'caseloads', '--out', out, '--db', db]).status).toBe(0);
    const png = fs.readFileSync(out);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBeGreaterThan(800);
    expect(png.length).toBeGreaterThan(20_000);
  });

  it('refuses to draw a chart with nothing in it, and writes no file', () => {
    const out = path.join(tempDir(), 'empty.svg');
    const result = runCli(['chart', 'ratings', '--from', '2030', '--to', '2031', '--out', out, '--db', db]);
    expect([result.status, result.stderr]).toEqual([
      2,
      'report-miner: no ratings in the index from 2030 to 2031 to chart; nothing written\n',
    ]);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('refuses an unknown chart or file type', () => {
    expect(runCli(['chart', 'pie', '--db', db]).stderr).toBe(
      'report-miner: unknown chart "pie"; one of: ratings, caseloads\n',
    );
    expect(runCli(['chart', 'ratings', '--out', 'x.gif', '--db', db]).stderr).toBe(
      'report-miner: --out x.gif: the chart is written as .svg or .png\n',
    );
  });
});
