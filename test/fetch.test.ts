import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { agentFor } from '../src/fetch/http.js';
import { CLI, exportKind, fixture, runCliAsync, tempDir } from './helpers.js';
import { startFaultServer, type FaultServer } from './support/fault-server.js';

const INTERVAL_MS = 200;
let server: FaultServer;
let dir: string;
let manifestFile: string;
let db: string;
let first: Awaited<ReturnType<typeof runCliAsync>>;

const DOCS = [
  'good.pdf',
  'same-bytes.pdf',
  'flaky.pdf',
  'throttled.html',
  'cut.pdf',
  'stall.pdf',
  'loop-a',
  'away.pdf',
  'to-file.pdf',
  'error-page.pdf',
  'huge.pdf',
];

beforeAll(async () => {
  server = await startFaultServer({
    pdf: fixture('hmip-london-crc-inspection-2018.pdf'),
    otherPdf: fixture('hmip-suffolk-inspection-2017.pdf'),
    html: fixture('justice-committee-oral-evidence-2021-03-23.html'),
  });
  dir = tempDir();
  manifestFile = path.join(dir, 'corpus', 'sources.json');
  fs.mkdirSync(path.dirname(manifestFile));
  fs.writeFileSync(
    manifestFile,
    JSON.stringify({
      contact: 'https://example.org/report-miner',
      allowPrivateHosts: ['127.0.0.1'],
      perHost: { concurrency: 2, intervalMs: INTERVAL_MS },
      maxBytes: 200_000,
      timeouts: { connectMs: 2000, bodyMs: 1500 },
      retries: 2,
      backoffMs: 50,
      sources: [
        ...DOCS.map((d) => ({ url: `${server.base}/docs/${d}` })),
        { url: `${server.base}/private/secret.pdf` },
        { listing: `${server.base}/list.html`, follow: '/docs/listed\\.pdf' },
        { committee: 102, api: `${server.base}/api`, sessions: 5 },
      ],
    }),
  );
  db = path.join(dir, 'index.db');
  first = await runCliAsync(['fetch', '--sources', manifestFile, '--db', db, '--quiet']);
}, 120_000);

afterAll(() => server.close());

const raw = () => fs.readdirSync(path.join(dir, 'corpus', 'raw')).sort();

describe('report-miner fetch against a loopback server with faults', () => {
  it('stores exactly the good documents, once each, by content hash', () => {
    expect(first.stdout).toMatch(/^fetched 6, unchanged 0, failed 8 → /);
    const files = raw();
    expect(files.filter((f) => f.startsWith('.part'))).toEqual([]);
    // good.pdf and same-bytes.pdf are one file; flaky.pdf and listed.pdf another; the transcript twice over (throttled and the API) one more.
    expect(files).toHaveLength(3);
    expect(files.every((f) => /^[0-9a-f]{64}\.(pdf|html)$/.test(f))).toBe(true);
  });

  it('records every failure with its reason', () => {
    const reasons = new Map(
      first.stderr
        .trim()
        .split('\n')
        .map((l) => {
          const m = /^report-miner: (\S+): (.*)$/.exec(l)!;
          return [m[1]!.replace(server.base, ''), m[2]!];
        }),
    );
    expect(reasons.get('/docs/cut.pdf')).toMatch(
      /^127\.0\.0\.1:\d+: the server closed the connection after 1000 of \d+ bytes$/,
    );
    expect(reasons.get('/docs/to-file.pdf')).toBe('redirected to file:///etc/passwd: only http and https are followed');
    expect(reasons.get('/docs/stall.pdf')).toMatch(/timed out|UND_ERR_BODY_TIMEOUT/);
    expect(reasons.get('/docs/loop-a')).toBe(`redirect loop at ${server.base}/docs/loop-a`);
    expect(reasons.get('/docs/away.pdf')).toBe('redirected to elsewhere.invalid, which the manifest does not allow');
    expect(reasons.get('/docs/error-page.pdf')).toBe(
      'named .pdf but is not a PDF (no %PDF- header; content is an HTML page)',
    );
    expect(reasons.get('/docs/huge.pdf')).toMatch(/^too large: \d+ bytes, over the 200000-byte limit$/);
    expect(reasons.get('/private/secret.pdf')).toBe(`disallowed by ${server.base}/robots.txt`);
    expect(reasons.size).toBe(8);
  });

  it('retries a 500 and a 429, waiting as Retry-After says; never retries a 4xx or a refusal', () => {
    expect(server.count('/docs/flaky.pdf')).toBe(2);
    const throttled = server.log.requests.filter((r) => r.path === '/docs/throttled.html');
    expect(throttled).toHaveLength(2);
    expect(throttled[1]!.at - throttled[0]!.at).toBeGreaterThanOrEqual(1000);
    expect(server.count('/docs/cut.pdf')).toBe(3);
    expect(server.count('/docs/error-page.pdf')).toBe(1);
    expect(server.count('/private/secret.pdf')).toBe(0);
    expect(server.count('/robots.txt')).toBe(1);
  });

  it('keeps to the per-host limits, as the server measured them', () => {
    expect(server.log.maxInFlight).toBeLessThanOrEqual(2);
    const starts = server.log.requests.map((r) => r.at).sort((a, b) => a - b);
    const gaps = starts.slice(1).map((t, i) => t - starts[i]!);
    // Arrival times carry the machine's scheduling noise, tens of milliseconds on a loaded one: no two requests
    // arrive within half the interval, and all of them take at least the intervals they must keep.
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(INTERVAL_MS / 2);
    expect(starts[starts.length - 1]! - starts[0]!).toBeGreaterThanOrEqual(gaps.length * INTERVAL_MS - 30);
    expect(
      server.log.requests.every((r) =>
        /^report-miner\/0\.1 \(\+https:\/\/example\.org\/report-miner\)$/.test(String(r.headers['user-agent'])),
      ),
    ).toBe(true);
  });

  it('downloads nothing the second time (304 or unchanged), and run ingests only what changed', async () => {
    const before = server.log.requests.length;
    const second = await runCliAsync(['fetch', '--sources', manifestFile, '--db', db, '--quiet']);
    expect(second.stdout).toMatch(/^fetched 0, unchanged 6, failed 8 → /);
    const good = server.log.requests.slice(before).filter((r) => r.path === '/docs/good.pdf');
    expect(good.map((r) => r.headers['if-none-match'])).toEqual(['"v1"']);
    expect(raw()).toHaveLength(3);

    const run = await runCliAsync(['run', '--sources', manifestFile, '--db', db, '--quiet']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /^fetched 0, unchanged 6, failed 8 → [^\n]+\n3 documents indexed \(\d+ passages\), 0 unchanged/,
    );
    const again = await runCliAsync(['run', '--sources', manifestFile, '--db', db, '--quiet']);
    expect(again.stdout).toMatch(/\n0 documents indexed \(0 passages\), 3 unchanged/);
  });

  it('cites fetched documents by URL, with what the Committees API said of them', () => {
    const docs = exportKind<{ source: string; title: string; type: string; published: string }>('documents', db);
    expect(docs.map((d) => d.source.replace(server.base, '')).sort()).toEqual([
      '/api/OralEvidence/77/Document/Html',
      '/docs/flaky.pdf',
      '/docs/good.pdf',
    ]);
    expect(docs.find((d) => d.source.endsWith('/Document/Html'))).toMatchObject({
      title: 'Oral evidence: The work of the Ministry of Justice',
      type: 'oral-evidence',
      published: '2021-03-23',
    });
    const quotes = exportKind<{ source: string; speaker: string; role: string }>('quotes', db);
    expect(quotes.find((q) => q.speaker === 'Jo Farrar')).toMatchObject({ role: 'Chief Executive Officer' });
  });
});

describe('the sources manifest', () => {
  it('is checked, with the bad entry named', async () => {
    const bad = path.join(tempDir(), 'sources.json');
    fs.writeFileSync(
      bad,
      JSON.stringify({
        contact: 'https://example.org',
        sources: [{ url: 'https://example.org/a.pdf' }, { url: 'not a url' }],
      }),
    );
    const result = await runCliAsync(['fetch', '--sources', bad, '--db', path.join(path.dirname(bad), 'i.db')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`report-miner: ${bad}: sources[1].url: expected an http or https URL\n`);
  });
});

describe('a fetch that is stopped', () => {
  /** Starts a fetch of the stalling document and resolves once its download has begun (its temporary file exists). */
  async function stalledFetch() {
    const stalled = path.join(tempDir(), 'sources.json');
    const out = path.join(path.dirname(stalled), 'raw');
    fs.writeFileSync(
      stalled,
      JSON.stringify({
        contact: 'https://example.org/report-miner',
        allowPrivateHosts: ['127.0.0.1'],
        perHost: { concurrency: 2, intervalMs: 0 },
        timeouts: { connectMs: 2000, bodyMs: 60_000 },
        retries: 0,
        sources: [{ url: `${server.base}/docs/stall.pdf` }],
      }),
    );
    const child = spawn(process.execPath, [
      CLI,
      'fetch',
      '--sources',
      stalled,
      '--db',
      path.join(path.dirname(stalled), 'i.db'),
      '--quiet',
    ]);
    const partial = path.join(out, '.partial');
    while (!fs.existsSync(partial) || fs.readdirSync(partial).length === 0) await new Promise((r) => setTimeout(r, 20));
    return { stalled, out, child };
  }

  it('killed mid-download leaves no document file, and the next run clears what it left', async () => {
    const { stalled, out, child } = await stalledFetch();
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    // What the killed run was writing lies in a folder of its own, which ingest does not read.
    expect(fs.readdirSync(out)).toEqual(['.partial']);
    expect(fs.readdirSync(path.join(out, '.partial'))).toHaveLength(1);
    const again = await runCliAsync([
      'fetch',
      '--sources',
      stalled,
      '--db',
      path.join(path.dirname(stalled), 'i.db'),
      '--quiet',
    ]);
    expect(again.stdout).toMatch(/^fetched 0, unchanged 0, failed 1/);
    expect(fs.readdirSync(out)).toEqual([]);
  }, 120_000);

  it('with Ctrl-C, abandons the download at once and leaves nothing', async () => {
    const { out, child } = await stalledFetch();
    const started = performance.now();
    child.kill('SIGINT');
    await new Promise((r) => child.on('exit', r));
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(fs.readdirSync(out)).toEqual([]);
  }, 120_000);
});

describe('the address a connection goes to', () => {
  let server: http.Server;
  let port: number;
  beforeAll(async () => {
    server = http.createServer((_req, res) => res.end('loopback answered'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => {
    server.close();
  });

  // "rebind.test" is in no DNS: only the resolver given to the connection pool can answer it, so a
  // connection that reaches the server went to the address that pool checked.
  const toLoopback = () => Promise.resolve(['127.0.0.1']);

  it('is checked as the socket connects: a name that resolves to loopback then is refused (DNS rebinding)', async () => {
    const dispatcher = agentFor(2_000, new Set(), toLoopback);
    try {
      await expect(request(`http://rebind.test:${port}/`, { dispatcher })).rejects.toThrow(
        'refused: rebind.test resolves to a non-public address (127.0.0.1); name it in allowPrivateHosts to allow it',
      );
    } finally {
      await dispatcher.close();
    }
  });

  it('is the address checked, where the manifest allows the host', async () => {
    const dispatcher = agentFor(2_000, new Set(['rebind.test']), toLoopback);
    try {
      const response = await request(`http://rebind.test:${port}/`, { dispatcher });
      expect(await response.body.text()).toBe('loopback answered');
    } finally {
      await dispatcher.close();
    }
  });
});
