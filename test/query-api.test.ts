import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openIndex,
  passageFacets,
  quoteFacets,
  recommendationFacets,
  SearchError,
  type ReportIndex,
} from '../src/query/index.js';
import { buildIndex, CORPUS } from './helpers.js';

let index: ReportIndex;

beforeAll(() => {
  index = openIndex(buildIndex([CORPUS]));
});

afterAll(() => {
  index.close();
});

describe('the query API on the embedded corpus', () => {
  it('opens the index read-only by default', () => {
    expect(() => index.db.prepare('DELETE FROM documents').run()).toThrow(/readonly/);
  });

  it('a journalist: PSO quotes from CRCs about stress, each with a citation to paste', () => {
    const { hits } = index.searchQuotes('stress*', { role: 'PSO', organisation: 'CRC', limit: 0 });
    const fromBulletin = [...hits].filter(
      (q) => path.basename(q.citation.source) === 'hmip-caseloads-workloads-2021.pdf',
    );
    expect(fromBulletin.map((q) => q.citation.page)).toEqual(expect.arrayContaining([7, 10]));
    const quote = fromBulletin.find((q) => q.text.startsWith('It’s very stressful'))!;
    expect(quote.cited).toBe(
      `“It’s very stressful. I am waking up in the night worrying.” — PSO, CRC. Caseloads, workloads and staffing levels in probation services. HM Inspectorate of Probation, March 2021, p. 10. ${quote.citation.source}`,
    );
  });

  it('a journalist: a speaker’s name in the search box finds what the speaker filter finds', () => {
    const ids = (result: ReturnType<ReportIndex['searchQuotes']>) =>
      [...result.hits].map((q) => q.quoteId).sort((x, y) => x - y);
    for (const [name, surname] of [
      ['Ian Lawrence', 'Lawrence'],
      ['Antonia Romeo', 'Romeo'],
    ]) {
      const bySpeaker = ids(index.searchQuotes('', { speaker: surname!, limit: 0 }));
      expect(bySpeaker.length, name).toBeGreaterThan(0);
      expect(ids(index.searchQuotes(name!, { limit: 0 })), name).toEqual(expect.arrayContaining(bySpeaker));
    }
    // Words and who said them together: a PSO's words on stress.
    const psoStress = [...index.searchQuotes('PSO stress*', { limit: 0 }).hits];
    expect(psoStress.length).toBeGreaterThan(0);
    expect(psoStress.every((q) => /\bPSO\b/.test(`${q.role ?? ''} ${q.text}`) && /stress/i.test(q.text))).toBe(true);
  });

  it('counts the facets of what a search finds, and the counts follow the query and its filters', () => {
    const all = index.searchQuotes('caseload*', { limit: 0 }).hits;
    const facets = quoteFacets(index.db, 'caseload*');
    // Each facet's counts are those of the hits themselves.
    const tally = (values: (string | null)[]) => {
      const counts = new Map<string, number>();
      for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
      return counts;
    };
    const roles = tally(all.map((q) => q.role));
    expect(facets.role!.length).toBeGreaterThan(1);
    for (const { value, count } of facets.role!) expect(count, value).toBe(roles.get(value));
    const years = tally(all.map((q) => q.citation.published?.slice(0, 4) ?? null));
    for (const { value, count } of facets.year!) expect(count, value).toBe(years.get(value));
    expect(facets.role!.map((v) => v.count)).toEqual([...facets.role!.map((v) => v.count)].sort((a, b) => b - a));
    // Narrowed by one of its values, a facet's counts are those of the narrower search.
    const top = facets.role![0]!;
    const narrowed = quoteFacets(index.db, 'caseload*', { role: top.value });
    expect(narrowed.role).toEqual([top]);
    expect(narrowed.publisher!.reduce((n, v) => n + v.count, 0)).toBe(top.count);
    // Without a query, a listing's facets; a passage search's facets; addressees of recommendations.
    expect(passageFacets(index.db, 'caseload*').type!.length).toBeGreaterThan(0);
    const addressees = recommendationFacets(index.db, '').addressee!;
    expect(addressees[0]!.value).toBe('Ministry of Justice');
    // A name filter finds the names containing it ("Ministry of Justice and HMPPS" too): at least the facet's count.
    const toMinistry = index.searchRecommendations('', { addressee: 'Ministry of Justice', limit: 0 }).hits;
    expect(toMinistry.filter((r) => r.addressee === 'Ministry of Justice')).toHaveLength(addressees[0]!.count);
    expect(toMinistry.every((r) => r.addressee?.includes('Ministry of Justice'))).toBe(true);
    expect(() => quoteFacets(index.db, 'x*')).toThrow(SearchError);
  });

  it('gives hits as an array, and the same hits as a stream', () => {
    const result = index.searchPassages('caseload*', { limit: 5 });
    expect(result.hits).toHaveLength(5);
    expect((JSON.parse(JSON.stringify(result)) as { hits: unknown[] }).hits).toHaveLength(5);
    expect([...result.stream()]).toEqual(result.hits);
    const all = index.searchPassages('caseload*', { limit: 0 });
    expect(all.hits).toHaveLength(all.total);
    expect([...all.stream()].map((h) => h.passageId)).toEqual(all.hits.map((h) => h.passageId));
  });

  it('a researcher: the ratings of Durham and Tees Valley CRC, and how they moved', () => {
    const rows = index.ratings({ subject: 'Durham and Tees Valley CRC' });
    // One row per year: the earlier rating is the year before's ("over the past year", in a 2020 speech).
    expect(rows.map((r) => [r.year, r.aspect, r.rating])).toEqual([
      [2019, 'through the gate', 'requires improvement'],
      [2020, 'through the gate', 'outstanding'],
    ]);
    expect(index.ratingsTimeline('Durham Tees Valley')).toHaveLength(2);
    const timeline = index.ratingsTimeline('DTV');
    expect(timeline.map((t) => [t.year, t.previous, t.rating, t.change])).toEqual([
      [2019, null, 'requires improvement', null],
      [2020, 'requires improvement', 'outstanding', 'up'],
    ]);
    expect(timeline[1]!.cited).toMatch(
      /^Speech by HM Chief Inspector of Probation\. HM Inspectorate of Probation, 2020, p\. 5\./,
    );
  });

  it('a blog author: the £822m figure with its citation, and caseloads by year and provider', () => {
    const money = index.figures({ topic: 'funding', from: 2020, to: 2020 });
    const shortfall = money.find((f) => f.value === 822_000_000)!;
    expect(shortfall).toMatchObject({ unit: 'GBP', phrase: '£822m', year: 2020 });
    expect(shortfall.cited).toMatch(
      /^Speech by HM Chief Inspector of Probation\. HM Inspectorate of Probation, 2020, p\. 2\. /,
    );
    const summary = index.caseloadSummary({ from: 2021, to: 2021 });
    const crc2021 = summary.find((s) => s.year === 2021 && s.organisation === 'CRC')!;
    expect(crc2021.cases).toEqual(expect.arrayContaining([45, 100]));
    expect(summary.every((s) => s.year === 2021)).toBe(true);
  });

  it('lists recommendations with their addressee, once, with the blog post that copies one', () => {
    const toHmpps = index.recommendations({ addressee: 'HMPPS' });
    expect(toHmpps.find((r) => r.number === '11')).toMatchObject({ paragraph: '58', year: 2021, response: null });
    const pacFirst = index
      .recommendations({ addressee: 'Ministry of Justice' })
      .filter((r) => r.text.startsWith('In the absence of clear sense of its priorities'));
    // The PAC report states it; seed post 001 copies it word for word: one fact, the copy named in alsoIn.
    expect(pacFirst.map((r) => path.basename(r.citation.source))).toEqual(['pac-key-challenges-moj-2021.pdf']);
    expect(pacFirst[0]!.alsoIn).toEqual([path.join(CORPUS, 'seeds', '001_81c1019342e4091b.txt')]);
    // A copy is the same fact, not a similar recommendation made again.
    expect(index.similarRecommendations(pacFirst[0]!.id)).toEqual([]);
  });

  it('tallies providers per rating, year and type, counting a restated count once', () => {
    const tallied = (year: number, type: string) =>
      Object.fromEntries(
        index
          .ratingTallies({ from: year, to: year })
          .filter((t) => t.providerType === type)
          .map((t) => [t.rating, t.bodies]),
      );
    // The 2019 press release and the 2020 speech both report the first round: "1 out of the 21 CRC services
    // got this rating, with 19 rated as requiring improvement"; "Of the 7 NPS divisions, … 'good' to five".
    expect(tallied(2019, 'CRC')).toEqual({ good: 1, 'requires improvement': 19, inadequate: 1 });
    expect(tallied(2019, 'NPS')).toEqual({ good: 5, 'requires improvement': 2 });
    expect(index.ratingTallies({ providerType: 'NPS' }).every((t) => t.providerType === 'NPS')).toBe(true);
    // "6 out of 9 CRCs we've inspected so far being rated as 'outstanding'" on through the gate; Durham and
    // Tees Valley CRC, rated by name, is one of them, not a seventh.
    expect(index.ratingTallies({ aspect: 'through the gate', from: 2020, to: 2020 })).toMatchObject([
      { year: 2020, providerType: 'CRC', rating: 'outstanding', bodies: 6 },
    ]);
  });

  it('finds no recommendation recurring across years in this corpus (its recommendations are from 2017 and 2021 and differ)', () => {
    expect(index.recurringRecommendations({ minYears: 2 })).toEqual([]);
  });

  it('validates every filter with a clear error', () => {
    expect(() => index.ratings({ from: 20190 })).toThrow(
      new SearchError('bad search filter: from: Too big: expected number to be <=9999'),
    );
    expect(() => index.figures({ colour: 'red' } as never)).toThrow(/bad search filter: Unrecognized key: "colour"/);
    expect(() => index.figures({ topic: 'weather' as never })).toThrow(/bad search filter: topic:/);
    expect(() => index.similarRecommendations(999_999)).toThrow('no recommendation with id 999999');
  });

  it('has the views Datasette users expect', () => {
    const views = index.db.prepare("SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY name").all();
    expect(views).toEqual([
      { name: 'figures_cited' },
      { name: 'quotes_cited' },
      { name: 'ratings_by_year' },
      { name: 'recommendations_cited' },
    ]);
    expect(
      index.db.prepare("SELECT year, rating, count FROM ratings_by_year WHERE subject = 'NPS divisions'").get(),
    ).toEqual({ year: 2019, rating: 'good', count: 5 }); // the 2020 speech's "first round of inspections last year"
  });
});
