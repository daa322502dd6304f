import path from 'node:path';
import { fetchSources, type FetchEvent, type FetchSummary } from '../fetch/crawl.js';
import { loadManifest } from '../fetch/manifest.js';
import { acquireWriteLock } from '../index/lock.js';
import { Provenance } from '../index/provenance.js';
import { closeWriter, openDatabase } from '../index/open.js';
import { ingestLocked } from './ingest-command.js';
import { printable } from './output.js';

export interface FetchCommandOptions {
  db: string;
  sources: string;
  out?: string;
  quiet?: boolean;
}

function describe(event: FetchEvent): string | null {
  if (event.type === 'failed' || event.type === 'skipped') return `${event.url}: ${event.reason}`;
  return null;
}

function summaryLine(s: FetchSummary): string {
  const offline = s.offline.length ? `; offline or unknown: ${s.offline.join(', ')}` : '';
  return `fetched ${s.fetched}, unchanged ${s.unchanged}, failed ${s.failed}${offline}`;
}

/** Fetches what the manifest names; the caller holds the index's write lock. */
export async function fetchLocked(opts: FetchCommandOptions): Promise<FetchSummary> {
  const manifest = loadManifest(opts.sources);
  const outDir = opts.out ?? path.join(path.dirname(opts.sources), 'raw');
  const db = openDatabase(opts.db);
  const interrupt = new AbortController();
  const onSigint = () => {
    interrupt.abort();
  };
  process.once('SIGINT', onSigint);
  let done = 0;
  let total = 0;
  const progress = process.stderr.isTTY && !opts.quiet;
  try {
    const summary = await fetchSources(new Provenance(db), manifest, {
      outDir,
      signal: interrupt.signal,
      onEvent: (event) => {
        if (event.type === 'planned') total = event.total;
        else if (event.type !== 'skipped') done++;
        const line = describe(event);
        if (line) process.stderr.write(`${progress ? '\r\x1b[K' : ''}report-miner: ${printable(line)}\n`);
        if (progress && event.type !== 'planned') process.stderr.write(`\rfetch ${done}/${total}`);
      },
    });
    if (progress) process.stderr.write('\r\x1b[K');
    process.stdout.write(`${summaryLine(summary)} → ${outDir}\n`);
    return summary;
  } finally {
    process.removeListener('SIGINT', onSigint);
    closeWriter(db);
  }
}

export async function runFetch(opts: FetchCommandOptions): Promise<number> {
  const release = acquireWriteLock(opts.db);
  try {
    const summary = await fetchLocked(opts);
    return summary.failed && !summary.fetched && !summary.unchanged ? 1 : 0;
  } finally {
    release();
  }
}

/** `run`: fetch what is new or changed, then ingest the corpus folder; offline, ingest what is there. */
/** `run` takes the fetch options and the extraction options of `ingest`. */
export type RunOptions = FetchCommandOptions & {
  workers?: number;
  timeout?: number;
  maxMemory?: number;
  ocr?: boolean;
};

export async function runAll(opts: RunOptions): Promise<number> {
  const release = acquireWriteLock(opts.db);
  try {
    const summary = await fetchLocked(opts);
    if (summary.offline.length)
      process.stderr.write(
        `report-miner: could not reach ${summary.offline.join(', ')}; going on with what ${path.dirname(opts.sources)} already holds\n`,
      );
    return await ingestLocked([path.dirname(opts.sources)], opts);
  } finally {
    release();
  }
}
