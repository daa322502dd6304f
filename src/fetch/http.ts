import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Agent, request } from 'undici';
import { guardedLookup, type Resolve } from './guard.js';
import { NETWORK_ERRORS } from './network-errors.js';
import type { Format } from '../document.js';
import { sniffFormat } from '../sniff.js';
import { FetchFailure, retryAfterMs } from './failure.js';
import { messageOf } from '../error-message.js';

/** Where downloads are written until they are whole, inside the download folder. */
export const PARTIAL_FOLDER = '.partial';

export interface HttpPolicy {
  userAgent: string;
  maxBytes: number;
  connectMs: number;
  bodyMs: number;
  maxRedirects: number;
  /** Whether a redirect may lead to this host. */
  allowsHost: (host: string) => boolean;
  /** Runs one request under the host's limits (rate, concurrency, robots, address checks). */
  schedule<T>(url: URL, run: () => Promise<T>): Promise<T>;
  /** Ctrl-C: requests under way are abandoned. */
  signal?: AbortSignal;
}

function requestSignal(policy: HttpPolicy): AbortSignal {
  const timeout = AbortSignal.timeout(policy.bodyMs);
  return policy.signal ? AbortSignal.any([timeout, policy.signal]) : timeout;
}

export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export type Downloaded =
  | {
      kind: 'stored';
      finalUrl: string;
      sha256: string;
      file: string;
      format: Format;
      bytes: number;
      validators: Validators;
    }
  | { kind: 'not-modified'; finalUrl: string };

const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);
const EXTENSIONS: Record<Format, string> = { pdf: 'pdf', html: 'html', text: 'txt' };

/** The fetcher's connection pool: time limits, and every socket's address checked as it connects (guardedLookup). */
export function agentFor(connectMs: number, allowPrivate: ReadonlySet<string>, resolve?: Resolve): Agent {
  return new Agent({
    connect: { timeout: connectMs, lookup: guardedLookup(allowPrivate, resolve) },
    headersTimeout: connectMs * 3,
    bodyTimeout: connectMs * 3,
  });
}

/** "the server closed the connection after 4096 of 10000 bytes": a body that stopped early. */
function cutShort(url: URL, received: number, expected: number): FetchFailure {
  return new FetchFailure(`${url.host}: the server closed the connection after ${received} of ${expected} bytes`, {
    retryable: true,
  });
}

/**
 * A network error in words (NETWORK_ERRORS), never a bare code; a body that broke off after part
 * of its declared length says how much came.
 */
function networkFailure(err: unknown, url: URL, body?: { received: number; expected: number }): FetchFailure {
  if (err instanceof FetchFailure) return err;
  const e: { code?: unknown; name?: unknown } = typeof err === 'object' && err !== null ? err : {};
  if (e.name === 'TimeoutError' || e.name === 'AbortError')
    return new FetchFailure(`${url.host}: timed out`, { retryable: true });
  if (body && Number.isFinite(body.expected) && body.received < body.expected && e.code !== 'UND_ERR_BODY_TIMEOUT')
    return cutShort(url, body.received, body.expected);
  const code = typeof e.code === 'string' ? e.code : null;
  const words =
    code && Object.hasOwn(NETWORK_ERRORS, code) ? `${NETWORK_ERRORS[code]} (${code})` : (code ?? messageOf(err));
  return new FetchFailure(`${url.host}: ${words}`, { retryable: true });
}

/**
 * GETs a document and stores it as <sha256>.<ext> in `dir`, redirects followed by hand (only
 * to allowed hosts, at most `maxRedirects`), the body streamed to a temporary file, hashed,
 * checked against the size limit and Content-Length, and typed by its bytes. Nothing is left
 * behind on failure; a 304 answers a conditional request.
 */
export async function download(
  start: string,
  dir: string,
  policy: HttpPolicy,
  dispatcher: Agent,
  previous: Validators | null,
): Promise<Downloaded> {
  let url = new URL(start);
  const seen = new Set<string>();
  for (let hop = 0; ; hop++) {
    if (seen.has(url.href)) throw new FetchFailure(`redirect loop at ${url.href}`, { retryable: false });
    seen.add(url.href);
    const current = url;
    const outcome = await policy.schedule(current, () =>
      fetchOnce(current, dir, policy, dispatcher, hop === 0 ? previous : null, start),
    );
    if (outcome.kind !== 'redirect') return outcome;
    if (hop >= policy.maxRedirects)
      throw new FetchFailure(`more than ${policy.maxRedirects} redirects`, { retryable: false });
    const next = new URL(outcome.location, current);
    if (!/^https?:$/.test(next.protocol))
      throw new FetchFailure(`redirected to ${next.href}: only http and https are followed`, { retryable: false });
    if (!policy.allowsHost(next.host)) {
      throw new FetchFailure(`redirected to ${next.host}, which the manifest does not allow`, { retryable: false });
    }
    url = next;
  }
}

async function fetchOnce(
  url: URL,
  dir: string,
  policy: HttpPolicy,
  dispatcher: Agent,
  previous: Validators | null,
  original: string,
): Promise<Downloaded | { kind: 'redirect'; location: string }> {
  const headers: Record<string, string> = {
    'user-agent': policy.userAgent,
    accept: 'application/pdf, text/html;q=0.9, */*;q=0.5',
  };
  if (previous?.etag) headers['if-none-match'] = previous.etag;
  if (previous?.lastModified) headers['if-modified-since'] = previous.lastModified;
  let response;
  try {
    response = await request(url, { method: 'GET', headers, dispatcher, signal: requestSignal(policy) });
  } catch (err) {
    throw networkFailure(err, url);
  }
  const { statusCode } = response;
  const header = (name: string) => {
    const value = response.headers[name];
    return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
  };
  if (statusCode >= 300 && statusCode < 400 && statusCode !== 304) {
    await response.body.dump();
    const location = header('location');
    if (!location) throw new FetchFailure(`HTTP ${statusCode} without a Location`, { retryable: false });
    return { kind: 'redirect', location };
  }
  if (statusCode === 304) {
    await response.body.dump();
    return { kind: 'not-modified', finalUrl: url.href };
  }
  if (statusCode !== 200) {
    await response.body.dump();
    throw new FetchFailure(`HTTP ${statusCode}`, {
      retryable: RETRYABLE_STATUS.has(statusCode),
      retryAfterMs: retryAfterMs(header('retry-after')),
      status: statusCode,
    });
  }
  const declared = Number(header('content-length') ?? NaN);
  if (declared > policy.maxBytes) {
    await response.body.dump();
    throw new FetchFailure(`too large: ${declared} bytes, over the ${policy.maxBytes}-byte limit`, {
      retryable: false,
    });
  }
  // Partial downloads have a folder of their own, which ingest (it skips dot-folders) and fetch never read.
  const partial = path.join(dir, PARTIAL_FOLDER);
  fs.mkdirSync(partial, { recursive: true });
  const temp = path.join(partial, randomUUID());
  try {
    const stored = await streamToFile(response.body, temp, policy.maxBytes, url, declared);
    if (Number.isFinite(declared) && stored.bytes !== declared) throw cutShort(url, stored.bytes, declared);
    const { file, format } = storedName(dir, stored.sha256, stored.head, new URL(original).pathname);
    fs.renameSync(temp, file);
    return {
      kind: 'stored',
      finalUrl: url.href,
      sha256: stored.sha256,
      file,
      format,
      bytes: stored.bytes,
      validators: { etag: header('etag'), lastModified: header('last-modified') },
    };
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/** Where a download is kept: <sha256>.<ext>, the extension from what its first bytes are (and its name claims). */
function storedName(dir: string, sha256: string, head: Uint8Array, name: string): { file: string; format: Format } {
  const sniffed = sniffFormat(head, name);
  if ('error' in sniffed) throw new FetchFailure(sniffed.error, { retryable: false });
  return { file: path.join(dir, `${sha256}.${EXTENSIONS[sniffed.format]}`), format: sniffed.format };
}

/**
 * Stores bytes already in memory (a file an API answered inside JSON) as <sha256>.<ext> in `dir`,
 * typed by its bytes and `name` as a downloaded file is.
 */
export function storeBytes(
  bytes: Buffer,
  dir: string,
  name: string,
  finalUrl: string,
): Extract<Downloaded, { kind: 'stored' }> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const { file, format } = storedName(dir, sha256, bytes.subarray(0, 8192), name);
  // Written aside, then renamed: a file of that name is always whole.
  const partial = path.join(dir, PARTIAL_FOLDER);
  fs.mkdirSync(partial, { recursive: true });
  const temp = path.join(partial, randomUUID());
  try {
    fs.writeFileSync(temp, bytes);
    fs.renameSync(temp, file);
  } finally {
    fs.rmSync(temp, { force: true });
  }
  return {
    kind: 'stored',
    finalUrl,
    sha256,
    file,
    format,
    bytes: bytes.length,
    validators: { etag: null, lastModified: null },
  };
}

async function streamToFile(
  body: AsyncIterable<Buffer>,
  file: string,
  maxBytes: number,
  url: URL,
  /** The Content-Length, NaN if none. */
  declared: number,
): Promise<{ sha256: string; bytes: number; head: Uint8Array }> {
  const hash = createHash('sha256');
  const out = fs.openSync(file, 'w');
  let bytes = 0;
  const head: Buffer[] = [];
  try {
    for await (const chunk of body) {
      bytes += chunk.length;
      if (bytes > maxBytes) throw new FetchFailure(`too large: over the ${maxBytes}-byte limit`, { retryable: false });
      if (bytes - chunk.length < 8192) head.push(chunk);
      hash.update(chunk);
      fs.writeSync(out, chunk);
    }
  } catch (err) {
    throw err instanceof FetchFailure ? err : networkFailure(err, url, { received: bytes, expected: declared });
  } finally {
    fs.closeSync(out);
  }
  return { sha256: hash.digest('hex'), bytes, head: Buffer.concat(head).subarray(0, 8192) };
}

/** A page or API answer read into memory (listings, JSON), through the same host limits; redirects followed as for documents. */
export async function getText(
  start: string,
  policy: HttpPolicy,
  dispatcher: Agent,
  maxBytes = 10 * 2 ** 20,
): Promise<string> {
  let url = new URL(start);
  for (let hop = 0; hop <= policy.maxRedirects; hop++) {
    const current = url;
    const result = await policy.schedule(current, async (): Promise<{ text: string } | { redirect: string }> => {
      let response;
      try {
        response = await request(current, {
          headers: { 'user-agent': policy.userAgent },
          dispatcher,
          signal: requestSignal(policy),
        });
      } catch (err) {
        throw networkFailure(err, current);
      }
      const location = response.headers.location;
      if (response.statusCode >= 300 && response.statusCode < 400 && typeof location === 'string') {
        await response.body.dump();
        return { redirect: location };
      }
      if (response.statusCode !== 200) {
        await response.body.dump();
        const after = response.headers['retry-after'];
        throw new FetchFailure(`HTTP ${response.statusCode}`, {
          retryable: RETRYABLE_STATUS.has(response.statusCode),
          retryAfterMs: retryAfterMs(typeof after === 'string' ? after : null),
          status: response.statusCode,
        });
      }
      const chunks: Buffer[] = [];
      let bytes = 0;
      for await (const chunk of response.body as AsyncIterable<Buffer>) {
        bytes += chunk.length;
        if (bytes > maxBytes) throw new FetchFailure(`too large: over ${maxBytes} bytes`, { retryable: false });
        chunks.push(chunk);
      }
      return { text: Buffer.concat(chunks).toString('utf8') };
    });
    if ('text' in result) return result.text;
    const next = new URL(result.redirect, current);
    if (!policy.allowsHost(next.host))
      throw new FetchFailure(`redirected to ${next.host}, which the manifest does not allow`, { retryable: false });
    url = next;
  }
  throw new FetchFailure(`more than ${policy.maxRedirects} redirects`, { retryable: false });
}
