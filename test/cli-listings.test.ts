import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex, CORPUS, ROOT, runCli, tempDir } from './helpers.js';
import { markdownTable } from '../src/cli/formats.js';
import type { FlatRow } from '../src/query/rows.js';

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

  it.each(LISTINGS)('%s: a listing with no rows still prints its own CSV header', (_name, args) => {
    const header = (csv: string) => csv.split('\r\n')[0];
    const full = runCli([...args, '--format', 'csv', '--db', db]).stdout;
    // Nothing in the index is from 2030, and no provider is called Nowhere.
    const narrowed = args.includes('--timeline')
      ? args.map((a) => (a === 'Durham and Tees Valley CRC' ? 'Nowhere' : a))
      : [...args, '--from', '2030', '--to', '2030'];
    const empty = runCli([...narrowed, '--format', 'csv', '--db', db]);
    expect(empty.stdout).toBe(`${header(full)}\r\n`);
  });

  it('lists two alike figures of one sentence as two facts, each once, from the document that states them first', () => {
    const rows = JSON.parse(runCli(['figures', '--limit', '0', '--format', 'json', '--db', db]).stdout) as FlatRow[];
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
          runCli(['ratings', '--from', year, '--to', year, '--limit', '0', '--format', 'json', '--db', db]).stdout,
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

  it('prints an aligned table on a terminal, with a reference column', () => {
    const out = runCli(['ratings', '--subject', 'DTV', '--db', db], ROOT, { COLUMNS: '1000' }).stdout.split('\n');
    expect(out[0]).toMatch(/^subject\s+aspect\s+year\s+rating\s+count\s+total\s+reference$/);
    expect(out[1]).toMatch(/^─+ {2}─+/);
    expect(out[2]).toMatch(
      /^Durham and Tees Valley CRC\s+through the gate\s+2019\s+requires improvement\s+Speech by HM Chief Inspector of Probation\. HM Inspectorate of Probation, 2020, p\. 5\. \S+speech-2020\.pdf$/,
    );
    expect(out[3]).toMatch(/^Durham and Tees Valley CRC\s+through the gate\s+2020\s+outstanding\s+Speech by /);
    expect(out[0]!.indexOf('aspect')).toBe(out[2]!.indexOf('through the gate'));
  });

  it('wraps whole quotes to the width asked for, never cutting them', () => {
    const args = ['quotes', '--role', 'PSO', '--limit', '0', '--db', db];
    const quotes = (JSON.parse(runCli([...args, '--format', 'json']).stdout) as FlatRow[]).map((q) => String(q.text));
    for (const width of [80, 140]) {
      const lines = runCli(args, ROOT, { COLUMNS: String(width) })
        .stdout.trimEnd()
        .split('\n');
      expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(width);
      // Every word of every quote is in the table, in order, in the text column.
      const textWidth = lines[1]!.indexOf(' ');
      const column = lines
        .slice(2)
        .map((l) => l.slice(0, textWidth).trim())
        .join(' ');
      expect(column.replace(/\s+/g, ' ').trim()).toBe(quotes.join(' ').replace(/\s+/g, ' '));
    }
  });

  it('prints a Markdown table for a blog post, with | in a cell escaped', () => {
    const out = runCli(['figures', '--topic', 'funding', '--format', 'markdown', '--limit', '3', '--db', db]).stdout;
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toBe('| phrase | value | unit | qualifier | topic | subject | year | reference |');
    expect(lines[1]).toBe('| --- | --- | --- | --- | --- | --- | --- | --- |');
    expect(lines.slice(2)).toHaveLength(3);
    for (const line of lines.slice(2)) expect(line.split(/(?<!\\)\|/)).toHaveLength(10);
    expect(markdownTable([{ text: 'a | b' }], ['text'])).toBe('| text |\n| --- |\n| a \\| b |\n');
  });

  it('pages every listing with --limit and --offset, 20 rows unless told, and says on stderr what was held back', () => {
    const all = JSON.parse(runCli(['figures', '--limit', '0', '--format', 'json', '--db', db]).stdout) as FlatRow[];
    expect(all.length).toBeGreaterThan(45);
    const first = runCli(['figures', '--format', 'json', '--db', db]);
    expect(JSON.parse(first.stdout)).toEqual(all.slice(0, 20));
    expect(first.stderr).toBe(`20 of ${all.length} rows shown; --limit 0 shows all, --offset 20 the next ones\n`);
    const page = runCli(['figures', '--limit', '25', '--offset', '20', '--format', 'json', '--db', db]);
    expect(JSON.parse(page.stdout)).toEqual(all.slice(20, 45));
    const last = runCli(['figures', '--offset', String(all.length - 3), '--format', 'json', '--db', db]);
    expect(JSON.parse(last.stdout)).toEqual(all.slice(-3));
    expect(last.stderr).toBe('');
  });

  it('takes --organisation, the library word, and --org alike', () => {
    const by = (flag: string) => runCli(['quotes', flag, 'NPS', '--limit', '0', '--format', 'json', '--db', db]);
    const long = by('--organisation');
    expect(long.status).toBe(0);
    expect((JSON.parse(long.stdout) as FlatRow[]).length).toBeGreaterThan(0);
    expect(by('--org').stdout).toBe(long.stdout);
    const search = (flag: string) =>
      runCli(['search', 'caseload', '--kind', 'quote', flag, 'NPS', '--json', '--db', db]).stdout;
    expect(search('--org')).toBe(search('--organisation'));
  });

  it('says what is wrong with a bad format, year or filter, in one line', () => {
    expect(runCli(['ratings', '--format', 'xml', '--db', db]).stderr).toBe(
      'report-miner: unknown --format "xml"; one of: table, markdown, json, ndjson, csv\n',
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
    expect(svg).toContain('Inspection ratings by year (overall)');
    expect(svg).toContain('Providers rated');
    // One panel per type of provider, each bar's segments labelled with their numbers.
    expect(svg).toContain('>CRC<');
    expect(svg).toContain('>NPS<');
    expect(svg).toContain('>19<');
    // Every document charted is named once, in one source line.
    expect(svg).toContain('Source: ');
    expect(svg).toContain('Speech by HM Chief Inspector of Probation (HM Inspectorate of Probation, 2020)');
    expect(svg).toContain('>2020<');
    expect((svg.match(/role-mark child_layer_0_marks.*?<path/gs) ?? []).length).toBeGreaterThan(0);
  });

  it('draws the ratings of one type of provider only, and refuses a type it does not know', () => {
    const out = path.join(tempDir(), 'nps.svg');
    expect(runCli(['chart', 'ratings', '--provider-type', 'NPS', '--out', out, '--db', db]).status).toBe(0);
    const svg = fs.readFileSync(out, 'utf8');
    expect(svg).toContain('>NPS<');
    expect(svg).not.toContain('>CRC<');
    const bad = runCli(['chart', 'ratings', '--provider-type', 'YOT', '--db', db]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/argument 'YOT' is invalid\. Allowed choices are CRC, NPS, PDU/);
    expect(runCli(['chart', 'caseloads', '--aspect', 'overall', '--db', db]).stderr).toBe(
      'report-miner: --aspect applies to the ratings chart only\n',
    );
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
