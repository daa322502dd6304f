import fs from 'node:fs';
import path from 'node:path';
import pRetry from 'p-retry';
import type { FetchLog } from './fetch-log.js';
import { FetchFailure } from './failure.js';
import { HostScheduler } from './hosts.js';
import { agentFor, download, getText, PARTIAL_FOLDER, type HttpPolicy } from './http.js';
import type { Manifest } from './manifest.js';
import { downloadWrapped, oralEvidenceOf, publicationsOf } from './committees.js';
import { fromDocument, fromListing, type Wanted } from './sources.js';
import { messageOf } from '../error-message.js';

export type FetchEvent =
  | { type: 'planned'; total: number }
  | { type: 'fetched'; url: string; file: string; bytes: number }
  | { type: 'unchanged'; url: string }
  | { type: 'failed'; url: string; reason: string }
  /** Left out on purpose (a session without a transcript): said, not counted as a failure. */
  | { type: 'skipped'; url: string; reason: string };

export interface FetchSummary {
  fetched: number;
  unchanged: number;
  failed: number;
  /** Hosts that could not be reached at all. */
  offline: string[];
}

export interface FetchOptions {
  /** Where documents are stored, as <sha256>.<ext>. */
  outDir: string;
  onEvent?: (event: FetchEvent) => void;
  signal?: AbortSignal;
}

const MAX_REDIRECTS = 5;

function hostsOf(manifest: Manifest): Set<string> {
  const hosts = new Set(manifest.allowHosts);
  for (const source of manifest.sources) {
    const url = 'url' in source ? source.url : 'listing' in source ? source.listing : source.api;
    hosts.add(new URL(url).host);
  }
  return hosts;
}

/**
 * Fetches what a sources manifest names into `outDir`: each document through its host's
 * limits, retried with backoff on network errors, 5xx, 408 and 429 (honouring Retry-After),
 * asked for conditionally (ETag, Last-Modified) and recorded in the fetch log.
 */
export async function fetchSources(
  provenance: FetchLog,
  manifest: Manifest,
  options: FetchOptions,
): Promise<FetchSummary> {
  fs.mkdirSync(options.outDir, { recursive: true });
  // Partial downloads of a run that was killed: never renamed, never read, removed now.
  fs.rmSync(path.join(options.outDir, PARTIAL_FOLDER), { recursive: true, force: true });
  const allowed = hostsOf(manifest);
  const userAgent = manifest.userAgent ?? `report-miner/0.1 (+${manifest.contact})`;
  const dispatcher = agentFor(manifest.timeouts.connectMs, new Set(manifest.allowPrivateHosts));
  const scheduler = new HostScheduler({
    concurrency: manifest.perHost.concurrency,
    intervalMs: manifest.perHost.intervalMs,
    userAgent,
    allowPrivate: new Set(manifest.allowPrivateHosts),
    dispatcher,
  });
  const policy: HttpPolicy = {
    userAgent,
    maxBytes: manifest.maxBytes,
    connectMs: manifest.timeouts.connectMs,
    bodyMs: manifest.timeouts.bodyMs,
    maxRedirects: MAX_REDIRECTS,
    allowsHost: (host) => allowed.has(host),
    schedule: (url, run) => scheduler.schedule(url, run),
    signal: options.signal,
  };
  const summary: FetchSummary = { fetched: 0, unchanged: 0, failed: 0, offline: [] };
  const offline = new Set<string>();
  const emit = (event: FetchEvent) => {
    if (event.type === 'fetched') summary.fetched++;
    if (event.type === 'unchanged') summary.unchanged++;
    if (event.type === 'failed') summary.failed++;
    options.onEvent?.(event);
  };
  const retrying = <T>(work: () => Promise<T>) =>
    pRetry(work, {
      retries: manifest.retries,
      minTimeout: manifest.backoffMs,
      factor: 2,
      randomize: true,
      maxTimeout: 60_000,
      signal: options.signal,
      shouldRetry: ({ error }) => error instanceof FetchFailure && error.retryable,
      onFailedAttempt: async ({ error }) => {
        const wait = error instanceof FetchFailure ? error.retryAfterMs : null;
        if (wait) await new Promise((r) => setTimeout(r, wait));
      },
    });
  const failure = (url: string, err: unknown) => {
    if (err instanceof FetchFailure && err.offline) offline.add(new URL(url).host);
    return messageOf(err);
  };

  try {
    const fetchPage = (url: string) => retrying(() => getText(url, policy, dispatcher));
    const wanted: Wanted[] = [];
    for (const source of manifest.sources) {
      try {
        if ('url' in source) wanted.push(fromDocument(source));
        else if ('listing' in source) wanted.push(...(await fromListing(source, fetchPage, policy.allowsHost)));
        else {
          const access = {
            getText: fetchPage,
            note: (url: string, reason: string) => {
              emit({ type: 'skipped', url, reason });
            },
          };
          wanted.push(...(await oralEvidenceOf(source, access)), ...(await publicationsOf(source, access)));
        }
      } catch (err) {
        const where =
          'listing' in source
            ? source.listing
            : 'api' in source
              ? `${source.api} (committee ${source.committee})`
              : source.url;
        emit({ type: 'failed', url: where, reason: failure(where, err) });
      }
    }
    emit({ type: 'planned', total: wanted.length });

    await Promise.all(
      wanted.map(async ({ url, hints, wrapped }) => {
        if (options.signal?.aborted) return;
        const previous = provenance.previous(url);
        // A validator is only worth sending while the file it validates is still here.
        const validators = previous?.file && fs.existsSync(previous.file) ? previous : null;
        try {
          const result = await retrying(() =>
            wrapped
              ? downloadWrapped(url, options.outDir, policy, dispatcher)
              : download(url, options.outDir, policy, dispatcher, validators),
          );
          if (result.kind === 'not-modified') {
            provenance.record({
              url,
              finalUrl: result.finalUrl,
              status: 'unchanged',
              etag: null,
              lastModified: null,
              sha256: null,
              file: null,
              bytes: null,
              error: null,
              hints,
            });
            emit({ type: 'unchanged', url });
            return;
          }
          const same = previous?.sha256 === result.sha256;
          provenance.record({
            url,
            finalUrl: result.finalUrl,
            status: same ? 'unchanged' : 'fetched',
            ...result.validators,
            sha256: result.sha256,
            file: result.file,
            bytes: result.bytes,
            error: null,
            hints,
          });
          emit(same ? { type: 'unchanged', url } : { type: 'fetched', url, file: result.file, bytes: result.bytes });
        } catch (err) {
          if (options.signal?.aborted) return;
          const reason = failure(url, err);
          provenance.record({
            url,
            finalUrl: null,
            status: 'failed',
            etag: null,
            lastModified: null,
            sha256: null,
            file: null,
            bytes: null,
            error: reason,
            hints,
          });
          emit({ type: 'failed', url, reason });
        }
      }),
    );
  } finally {
    await dispatcher.close();
    // Every download has ended, whole or not: none of the partial files is anyone's any more.
    fs.rmSync(path.join(options.outDir, PARTIAL_FOLDER), { recursive: true, force: true });
  }
  summary.offline = [...offline];
  return summary;
}
