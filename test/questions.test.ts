import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Citation } from '../src/query/citation.js';
import { openIndex, type ReportIndex } from '../src/query/index.js';
import { buildIndex, CORPUS, runCli, tempDir } from './helpers.js';

/**
 * Twenty-one questions of the kinds the three users ask (from the blog posts in corpus/seeds), asked
 * of the embedded corpus as they would ask them, each answer checked against the source text: the
 * words are on the cited page of the cited document, and pages, URLs and years are the document's.
 */

let db: string;
let index: ReportIndex;
let sources: BetterSqlite3.Database;

beforeAll(() => {
  db = buildIndex([CORPUS]);
  index = openIndex(db);
  sources = new BetterSqlite3(db, { readonly: true });
});

afterAll(() => {
  index.close();
  sources.close();
});

const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Whether the words stand, verbatim, in a passage of the cited document on the cited page. */
function onCitedPage(words: string, citation: Citation): boolean {
  const passages = sources
    .prepare(
      'SELECT p.text FROM passages p JOIN documents d ON d.id = p.document_id WHERE d.source = ? AND p.page IS ?',
    )
    .pluck()
    .all(citation.source, citation.page) as string[];
  // A passage may end where the quotation runs on into the next one: its opening is enough to find it.
  const opening = flat(words).slice(0, 120);
  return passages.some((p) => flat(p).includes(opening));
}

const file = (citation: Citation) => path.relative(CORPUS, citation.source);
const texts = (args: string[]): string[] =>
  (JSON.parse(runCli([...args, '--db', db]).stdout) as Array<{ text: string }>).map((q) => q.text).sort();

describe('a journalist', () => {
  it('1. every PSO quote about stress, verbatim, with a citation to paste', () => {
    const { hits } = index.searchQuotes('stress*', { role: 'PSO', limit: 0 });
    expect(hits.length).toBeGreaterThanOrEqual(4);
    for (const q of hits) {
      expect(q.text).toMatch(/stress/i);
      expect(onCitedPage(q.text, q.citation)).toBe(true);
      expect(q.cited).toContain(
        `— PSO, ${q.organisation}. Caseloads, workloads and staffing levels in probation services. HM Inspectorate of Probation, March 2021, p. ${q.citation.page}.`,
      );
    }
  });

  it('2. what Dame Glenys Stacey said about Suffolk: her signed foreword', () => {
    const { hits } = index.searchPassages('Suffolk', { speaker: 'Stacey', limit: 0 });
    expect(hits.map((h) => [file(h.citation), h.heading, h.speaker, h.role])).toEqual([
      [
        'fixtures/hmip-suffolk-inspection-2017.pdf',
        'Foreword',
        'Dame Glenys Stacey',
        'HM Chief Inspector of Probation',
      ],
    ]);
    expect(onCitedPage(hits[0]!.text, hits[0]!.citation)).toBe(true);
  });

  it('3. what Frances Crook said of the annual report: once, with the other post that prints it', () => {
    const { hits } = index.searchQuotes('', { speaker: 'Crook', limit: 0 });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({
      role: 'Chief Executive',
      organisation: 'Howard League for Penal Reform',
      kind: 'statement',
    });
    expect(hits[0]!.text).toMatch(/^The government’s mishandled Transforming Rehabilitation programme/);
    expect(hits[0]!.alsoIn).toHaveLength(1);
    expect(onCitedPage(hits[0]!.text, hits[0]!.citation)).toBe(true);
  });

  it('4. every answer Jo Farrar gave the Justice Committee, with its question number', () => {
    const { hits } = index.searchQuotes('', { speaker: 'Farrar', kind: 'evidence', limit: 0 });
    expect(hits.map((q) => q.question)).toEqual(['Q6', 'Q7', 'Q8', 'Q9', 'Q66', 'Q67', 'Q68']);
    for (const q of hits) {
      expect(q.citation).toMatchObject({
        title: 'Oral evidence: The work of the Ministry of Justice',
        published: '2021-03-23',
        page: null,
      });
      expect(q.cited).toContain(`House of Commons Justice Committee, 23 March 2021, ${q.question}. `);
      expect(onCitedPage(q.text, q.citation)).toBe(true);
    }
  });

  it('5. a search for a name finds what the speaker filter lists', () => {
    const searched = texts(['search', 'Ian Lawrence', '--kind', 'quote', '--json', '--limit', '0']);
    const listed = texts(['quotes', '--speaker', 'Lawrence', '--format', 'json', '--limit', '0']);
    expect(listed.length).toBeGreaterThanOrEqual(3);
    expect(searched).toEqual(listed);
  });

  it('6. a quote from a committee report excerpt is cited as an excerpt of the published page', () => {
    const quote = index.searchQuotes('"fundamentally flawed"', { speaker: 'Stacey' }).hits[0]!;
    expect(onCitedPage(quote.text, quote.citation)).toBe(true);
    expect(quote.cited).toBe(
      '“the system [was] fundamentally flawed” — Dame Glenys Stacey, HM Chief Inspector of Probation, HM Inspectorate of Probation. Transforming Rehabilitation. House of Commons Justice Committee, 22 June 2018. Excerpt of https://publications.parliament.uk/pa/cm201719/cmselect/cmjust/482/48204.htm, p. 4 of this copy. ' +
        path.join(CORPUS, 'real', 'jc-transforming-rehabilitation-2018.pdf'),
    );
  });

  it('7. every statement of a chief inspector: the speech and the signed forewords', () => {
    const { hits } = index.searchPassages('probation', { role: 'Chief Inspector', limit: 0 });
    expect(new Set(hits.map((h) => h.role))).toEqual(new Set(['HM Chief Inspector of Probation']));
    expect(new Set(hits.map((h) => path.basename(h.citation.source)))).toEqual(
      new Set([
        'hmip-chief-inspector-speech-2020.pdf',
        'hmip-suffolk-inspection-2017.pdf',
        'hmip-london-crc-inspection-2018.pdf',
        '003_0dbfd1b5f6e8bc00.txt',
      ]),
    );
  });

  it('7a. what one inspector called “utter incompetence” at Rainsbrook: listed and cited, below the export’s threshold', () => {
    const { hits } = index.searchQuotes('incompetence', { limit: 0 });
    expect(hits.map((q) => [q.text, q.speaker, q.role, file(q.citation)])).toEqual([
      ['utter incompetence', null, 'inspector', 'fixtures/justice-committee-rainsbrook-2021.pdf'],
    ]);
    expect(onCitedPage('what one inspector called “utter incompetence”', hits[0]!.citation)).toBe(true);
    // The export follows the annotation rules, which leave short phrases out of quotes, unless asked for all.
    expect(texts(['export', 'quotes', '--format', 'json'])).not.toContain('utter incompetence');
    expect(texts(['export', 'quotes', '--format', 'json', '--min-confidence', '0'])).toContain('utter incompetence');
  });
});

describe('a researcher', () => {
  it('8. which recommendations were made to HMPPS, in which report, on which page', () => {
    const rows = index.recommendations({ addressee: 'HMPPS' });
    expect(rows.map((r) => [r.number, path.basename(r.citation.source), r.citation.page])).toEqual([
      ['2', 'pac-key-challenges-moj-2021.pdf', 3],
      ['6', 'pac-key-challenges-moj-2021.pdf', 5],
      ['11', 'justice-committee-rainsbrook-2021.pdf', 4],
    ]);
    for (const r of rows) expect(onCitedPage(r.text, r.citation)).toBe(true);
  });

  it('9. the Public Accounts Committee’s 2021 recommendations, each once, with the post that copies them', () => {
    const rows = index
      .recommendations({ from: 2021, to: 2021 })
      .filter((r) => r.citation.title === 'Key challenges facing the Ministry of Justice');
    expect(rows.map((r) => r.number)).toEqual(['1', '2', '3', '4', '5', '6']);
    const copied = rows.filter((r) => r.alsoIn.length);
    expect(copied.map((r) => r.number)).toEqual(['1', '2', '3', '4', '5', '6']);
    for (const r of copied) expect(r.alsoIn).toEqual([path.join(CORPUS, 'seeds', '001_81c1019342e4091b.txt')]);
    expect(index.recommendations().filter((r) => r.text === rows[0]!.text)).toHaveLength(1);
  });

  it('10. a committee recommendation with the paragraph it refers back to', () => {
    const eleven = index.recommendations({ addressee: 'HMPPS' }).find((r) => r.number === '11')!;
    expect(eleven).toMatchObject({ paragraph: '58', year: 2021 });
    expect(eleven.text).toMatch(/recommend that HMPPS share its findings with the Committee/);
  });

  it('11. what the government answered: the corpus holds no response, and says so as "unanswered"', () => {
    const all = index.recommendations();
    expect(all.length).toBeGreaterThan(20);
    expect(index.recommendations({ status: 'unanswered' })).toHaveLength(all.length);
    expect(index.recommendations({ status: 'accepted' })).toEqual([]);
  });

  it('12. where the same recommendation comes back: a copy in a blog post is not a recurrence', () => {
    expect(index.recurringRecommendations({ minYears: 2 })).toEqual([]);
  });

  it('13. addressees are named one way ("Ministry of Justice", never "the Ministry of Justice")', () => {
    const addressees = index.recommendations().map((r) => r.addressee ?? '');
    expect(addressees.filter((a) => /^the\s/i.test(a))).toEqual([]);
    expect(addressees).toContain('Ministry of Justice');
  });
});

describe('a blog author', () => {
  it('14. how many CRCs were rated requires improvement in 2019', () => {
    const tally = index.ratingTallies({ from: 2019, to: 2019, providerType: 'CRC' });
    // "19 of 21": the speech states what the count is out of ("1 out of the 21 CRC services").
    expect(tally.find((t) => t.rating === 'requires improvement')).toMatchObject({ year: 2019, bodies: 19, outOf: 21 });
    const stated = index.ratings({ from: 2019, to: 2019 }).filter((r) => r.count === 19);
    expect(stated.length).toBeGreaterThan(0);
    for (const r of stated) expect(onCitedPage(r.evidence, r.citation)).toBe(true);
  });

  it('15. how many NPS divisions were rated good in the first round (reported by a 2020 speech)', () => {
    const good = index
      .ratings({ from: 2019, to: 2019 })
      .find((r) => r.subject === 'NPS divisions' && r.rating === 'good')!;
    expect(good).toMatchObject({ count: 5, year: 2019 });
    expect(good.citation).toMatchObject({ title: 'Speech by HM Chief Inspector of Probation', published: '2020' });
    expect(good.evidence).toMatch(/Of the 7 NPS divisions/);
  });

  it('16. how one provider’s rating moved between inspections', () => {
    // "improve from ‘requires improvement’ to ‘outstanding’ over the past year", in a speech of 2020: two rounds, two years.
    const moves = index.ratingsTimeline('DTV').map((r) => [r.aspect, r.year, r.previous, r.rating, r.change]);
    expect(moves).toEqual([
      ['through the gate', 2019, null, 'requires improvement', null],
      ['through the gate', 2020, 'requires improvement', 'outstanding', 'up'],
    ]);
  });

  it('17. "two thirds of whom had a caseload of over 50": both figures of the sentence, each whose it is', () => {
    const shared = index.figures({ topic: 'caseload' }).filter((f) => f.sentence.includes('two thirds of whom'));
    expect(shared.map((f) => [f.value, f.unit, f.qualifier, f.subject])).toEqual([
      [66.67, 'percent', null, 'NPS responsible officers'],
      [66.67, 'percent', null, 'CRC staff'],
      [40, 'cases', 'at most', 'NPS responsible officers'],
      [50, 'cases', 'over', 'CRC staff'],
    ]);
    for (const f of shared) expect(onCitedPage(f.sentence, f.citation)).toBe(true);
  });

  it('18. the £822m, in pounds, with its sentence and page', () => {
    const money = index.figures({ topic: 'funding' }).filter((f) => f.value === 822_000_000);
    expect(money).toHaveLength(1);
    expect(money[0]).toMatchObject({ unit: 'GBP', phrase: '£822m', year: 2020 });
    expect(money[0]!.citation).toMatchObject({ page: 2 });
    expect(onCitedPage(money[0]!.sentence, money[0]!.citation)).toBe(true);
  });

  it('19. the caseloads stated for CRC staff in 2021', () => {
    const crc = index.caseloadSummary({ from: 2021, to: 2021 }).find((s) => s.organisation === 'CRC')!;
    expect(crc.cases).toEqual(expect.arrayContaining([45, 100]));
  });

  it('20. a ratings chart for 2019 to publish: 21 CRCs and 7 NPS divisions, labelled and sourced', () => {
    const out = path.join(tempDir(), 'ratings-2019.svg');
    expect(runCli(['chart', 'ratings', '--from', '2019', '--to', '2019', '--out', out, '--db', db]).status).toBe(0);
    const svg = fs.readFileSync(out, 'utf8');
    const labels = [...svg.matchAll(/<text[^>]*>(\d+)<\/text>/g)].map((m) => Number(m[1]));
    for (const n of [1, 19, 5, 2]) expect(labels).toContain(n);
    expect(svg).toContain('Source: ');
  });

  it('21. the 2020 funding figures as CSV for a spreadsheet, each row with its citation and URL column', () => {
    const csv = runCli([
      'figures',
      '--topic',
      'funding',
      '--from',
      '2020',
      '--to',
      '2020',
      '--format',
      'csv',
      '--limit',
      '0',
      '--db',
      db,
    ]).stdout;
    const rows = parse<Record<string, string>>(csv, { columns: true });
    expect(Object.keys(rows[0]!)).toEqual(
      expect.arrayContaining(['value', 'unit', 'sentence', 'citation', 'url', 'page']),
    );
    const row = rows.find((r) => r.phrase === '£822m')!;
    expect(row).toMatchObject({ value: '822000000', unit: 'GBP', year: '2020', page: '2' });
    expect(row.citation).toMatch(
      /^Speech by HM Chief Inspector of Probation\. HM Inspectorate of Probation, 2020, p\. 2\./,
    );
  });
});
