import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { responseStatus } from '../src/extract/responses.js';
import { openIndex, type ReportIndex } from '../src/query/index.js';
import { runCli, tempDir } from './helpers.js';

/**
 * Constructed test documents (not real publications): a committee report in 2019, another in
 * 2021 that makes the same recommendation again in other words, and a government response to
 * the first. The embedded corpus has no recommendation made in two years and no response.
 */
const DOCUMENTS: Record<string, string> = {
  'report-2019.txt': `Caseload data in probation
House of Commons Justice Committee
Published 10 May 2019

Conclusions and recommendations
1. We recommend that the Ministry of Justice publish caseload data for every probation delivery unit each quarter. (Paragraph 12)
2. We recommend that HMPPS review how it funds the training of probation officers. (Paragraph 20)
`,
  'report-2021.txt': `The future of probation

House of Commons Justice Committee
Published 18 June 2021

Conclusions and recommendations
1. We again recommend that the Ministry of Justice publish caseload data for each probation delivery unit every quarter. (Paragraph 31)
2. We recommend that HMPPS sets out how it will recruit 1,500 probation officers. (Paragraph 40)
`,
  // A letter answering the 2021 report by number only: the folder's published.json says which report it answers.
  'letter-2021.txt': `Letter from the Minister of State

Published 20 August 2021

Recommendation 2
Response
The Government accepts this recommendation and will set out its recruitment plans in the autumn.
`,
  'response-2019.txt': `Government response to the Justice Committee report on caseload data in probation
House of Commons Justice Committee
Published 12 July 2019

Recommendation 1
We recommend that the Ministry of Justice publish caseload data for every probation delivery unit each quarter.
Response
The Government does not accept this recommendation. Data at that level would identify individual staff.
Recommendation 2
We recommend that HMPPS review how it funds the training of probation officers.
Response
The Government accepts this recommendation and will report on the review in 2020.
`,
};

let dir: string;
let index: ReportIndex;

beforeAll(() => {
  dir = tempDir();
  for (const [name, text] of Object.entries(DOCUMENTS)) fs.writeFileSync(path.join(dir, name), text);
  fs.writeFileSync(
    path.join(dir, 'published.json'),
    JSON.stringify({ 'letter-2021.txt': { type: 'government-response', answers: 'The future of probation' } }),
  );
  const db = path.join(dir, 'index.db');
  const ingest = runCli(['ingest', dir, '--db', db, '--quiet']);
  if (ingest.status !== 0) throw new Error(ingest.stderr);
  index = openIndex(db);
});

afterAll(() => {
  index.close();
});

describe('recommendations tracked across years', () => {
  it('groups a recommendation made again two years later, oldest first', () => {
    const groups = index.recurringRecommendations({ minYears: 2 });
    expect(groups).toHaveLength(1);
    expect(groups[0]!.years).toEqual([2019, 2021]);
    expect(
      groups[0]!.recommendations.map((r) => [r.year, r.number, r.addressee, path.basename(r.citation.source)]),
    ).toEqual([
      [2019, '1', 'Ministry of Justice', 'report-2019.txt'],
      [2021, '1', 'Ministry of Justice', 'report-2021.txt'],
    ]);
  });

  it('finds the reworded recommendation as similar, and not the different one', () => {
    const first = index.recommendations({ from: 2019, to: 2019 }).find((r) => r.number === '1')!;
    const similar = index.similarRecommendations(first.id);
    expect(similar.map((s) => path.basename(s.citation.source))).toEqual(['report-2021.txt']);
    expect(similar[0]!.similarity).toBeGreaterThan(0.5);
  });

  it('links each government answer to the recommendation it answers, with its status', () => {
    const refused = index.recommendations({ status: 'not accepted' });
    expect(refused.map((r) => [r.year, r.number])).toEqual([[2019, '1']]);
    expect(refused[0]!.response!.text).toMatch(/^The Government does not accept this recommendation\./);
    expect(refused[0]!.response!.cited).toMatch(
      /^Government response to the Justice Committee report on caseload data in probation\. House of Commons Justice Committee, 12 July 2019\./,
    );
    // The 2021 report's second recommendation is answered by the letter its published.json says answers that report.
    expect(index.recommendations({ status: 'accepted' }).map((r) => [r.year, r.number])).toEqual([
      [2019, '2'],
      [2021, '2'],
    ]);
    expect(index.recommendations({ status: 'unanswered' }).map((r) => [r.year, r.number])).toEqual([[2021, '1']]);
  });

  it('the CLI lists the recurring group as CSV a CSV parser reads back', () => {
    const result = runCli(['recommendations', '--recurring', '--format', 'csv', '--db', path.join(dir, 'index.db')]);
    const rows = parse<Record<string, string>>(result.stdout, { columns: true });
    expect(rows.map((r) => [r.group, r.year, r.years])).toEqual([
      ['1', '2019', '2019; 2021'],
      ['1', '2021', '2019; 2021'],
    ]);
  });
});

describe('responseStatus', () => {
  it('reads what the government decided, refusals and partial answers first', () => {
    expect(responseStatus('The Government accepts this recommendation.')).toBe('accepted');
    expect(
      responseStatus(
        'The government agrees with the Committee’s recommendation. Target implementation date: March 2022.',
      ),
    ).toBe('accepted');
    expect(responseStatus('The Government partially accepts this recommendation.')).toBe('partially accepted');
    expect(responseStatus('We accept this recommendation in part: the data will be published annually.')).toBe(
      'partially accepted',
    );
    expect(responseStatus('The government disagrees with the Committee’s recommendation.')).toBe('not accepted');
    expect(responseStatus('The Government does not accept this recommendation.')).toBe('not accepted');
    expect(responseStatus('This recommendation has already been implemented: HMPPS published the data in 2020.')).toBe(
      'implemented',
    );
    expect(responseStatus('The Ministry notes the Committee’s view.')).toBeNull();
  });
});
