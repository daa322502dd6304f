import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the server saw, measured on its side: for asserting politeness without sleeping in tests. */
export interface ServerLog {
  requests: Array<{ path: string; at: number; headers: http.IncomingHttpHeaders }>;
  maxInFlight: number;
}

export interface FaultServer {
  base: string;
  log: ServerLog;
  count(path: string): number;
  close(): Promise<void>;
}

/**
 * A loopback HTTP server serving real fixture documents and injecting the faults a crawler
 * meets: 500 then 200, 429 with Retry-After, a body cut short, a stall, redirect loops, a
 * redirect off the allowed hosts, an HTML error page at a .pdf URL, an oversized body, robots.txt.
 */
export async function startFaultServer(files: { pdf: string; otherPdf: string; html: string }): Promise<FaultServer> {
  const pdf = fs.readFileSync(files.pdf);
  const otherPdf = fs.readFileSync(files.otherPdf);
  const html = fs.readFileSync(files.html);
  const log: ServerLog = { requests: [], maxInFlight: 0 };
  const hits = new Map<string, number>();
  let inFlight = 0;
  const stalled = new Set<http.ServerResponse>();

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname + url.search;
    log.requests.push({ path, at: performance.now(), headers: req.headers });
    const n = (hits.get(url.pathname) ?? 0) + 1;
    hits.set(url.pathname, n);
    inFlight++;
    log.maxInFlight = Math.max(log.maxInFlight, inFlight);
    res.on('close', () => inFlight--);
    // Every answer takes a little while, so concurrent requests overlap and can be counted.
    setTimeout(() => respond(url, n, req, res), 30);
  });

  const send = (res: http.ServerResponse, body: Buffer, type: string, extra: Record<string, string> = {}) => {
    res.writeHead(200, { 'content-type': type, 'content-length': String(body.length), ...extra });
    res.end(body);
  };

  function respond(url: URL, n: number, req: http.IncomingMessage, res: http.ServerResponse) {
    switch (url.pathname) {
      case '/robots.txt': {
        send(res, Buffer.from('User-agent: *\nDisallow: /private/\n'), 'text/plain');
        return;
      }
      case '/docs/good.pdf':
        if (req.headers['if-none-match'] === '"v1"') {
          res.writeHead(304, { etag: '"v1"' });
          return res.end();
        }
        {
          send(res, pdf, 'application/pdf', { etag: '"v1"' });
          return;
        }
      case '/docs/same-bytes.pdf': {
        send(res, pdf, 'application/pdf', { 'last-modified': 'Tue, 23 Mar 2021 10:00:00 GMT' });
        return;
      }
      case '/docs/flaky.pdf':
        if (n === 1) {
          res.writeHead(500);
          return res.end('busy');
        }
        {
          send(res, otherPdf, 'application/pdf');
          return;
        }
      case '/docs/throttled.html':
        if (n === 1) {
          res.writeHead(429, { 'retry-after': '1' });
          return res.end();
        }
        {
          send(res, html, 'text/html; charset=utf-8');
          return;
        }
      case '/docs/cut.pdf':
        res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(pdf.length) });
        res.write(pdf.subarray(0, 1000));
        return setTimeout(() => res.destroy(), 20);
      case '/docs/stall.pdf':
        res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(pdf.length) });
        res.write(pdf.subarray(0, 100));
        stalled.add(res);
        return;
      case '/docs/loop-a':
        res.writeHead(302, { location: '/docs/loop-b' });
        return res.end();
      case '/docs/loop-b':
        res.writeHead(302, { location: '/docs/loop-a' });
        return res.end();
      case '/docs/to-file.pdf':
        res.writeHead(302, { location: 'file:///etc/passwd' });
        return res.end();
      case '/docs/away.pdf':
        res.writeHead(302, { location: 'http://elsewhere.invalid/report.pdf' });
        return res.end();
      case '/docs/error-page.pdf': {
        send(res, Buffer.from('<!DOCTYPE html><html><body><h1>Page not found</h1></body></html>'), 'text/html');
        return;
      }
      case '/docs/huge.pdf': {
        send(res, Buffer.concat([pdf, Buffer.alloc(300_000, 0x20)]), 'application/pdf');
        return;
      }
      case '/private/secret.pdf': {
        send(res, pdf, 'application/pdf');
        return;
      }
      case '/list.html': {
        send(
          res,
          Buffer.from(
            '<html><body><a href="/docs/good.pdf">A</a> <a href="docs/listed.pdf?x=1#p2">B</a> <a href="/about">About</a> <a href="mailto:x@y">M</a></body></html>',
          ),
          'text/html',
        );
        return;
      }
      case '/docs/listed.pdf': {
        send(res, otherPdf, 'application/pdf');
        return;
      }
      case '/api/OralEvidence': {
        send(
          res,
          Buffer.from(
            JSON.stringify({
              totalResults: 1,
              items: [
                {
                  id: 77,
                  meetingDate: '2021-03-23T00:00:00',
                  committeeBusinesses: [{ id: 1, title: 'The work of the Ministry of Justice' }],
                  document: { files: [{ fileName: 'transcript.html', fileDataFormat: 'Html' }] },
                  witnesses: [
                    {
                      name: 'Jo Farrar',
                      submitterType: 'Individual',
                      organisations: [{ name: 'HM Prison & Probation Service', role: 'Chief Executive Officer' }],
                    },
                    {
                      name: null,
                      submitterType: 'Organisation',
                      organisations: [{ name: 'Ministry of Justice', role: null }],
                    },
                  ],
                },
              ],
            }),
          ),
          'application/json',
        );
        return;
      }
      case '/api/OralEvidence/77/Document/Html': {
        // DocumentFileDetail: the file in base64 inside JSON.
        const detail = {
          fileName: 'transcript.html',
          fileSize: html.length,
          fileDataFormat: 'Html',
          url: null,
          data: html.toString('base64'),
        };
        send(res, Buffer.from(JSON.stringify(detail)), 'application/json');
        return;
      }
      default:
        res.writeHead(404);
        return res.end();
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    log,
    count: (path) => hits.get(path) ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of stalled) res.destroy();
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
