import fs from 'node:fs';
import path from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import { acquireWriteLock } from '../index/lock.js';
import { closeWriter, openDatabase } from '../index/open.js';
import { ingest, type IngestEvent, type IngestSummary } from '../pipeline/ingest.js';
import { printable, UsageError } from './output.js';

export interface IngestCommandOptions {
  db: string;
  workers?: number;
  timeout?: number;
  maxMemory?: number;
  quiet?: boolean;
  /** Also print what extraction noticed in each document and could not use. */
  verbose?: boolean;
  followLinks?: boolean;
  /** Read pages without a text layer by OCR (commander's --no-ocr sets it false). */
  ocr?: boolean;
}

function describe(event: IngestEvent, verbose: boolean): string[] {
  if (verbose && event.type === 'indexed' && event.messages.length) {
    return event.messages.map((m) => `${event.source}${m.page ? ` p. ${m.page}` : ''}: ${m.rule}: ${m.text}`);
  }
  const line = describeOne(event);
  return line ? [line] : [];
}

function describeOne(event: IngestEvent): string | null {
  switch (event.type) {
    case 'failed':
    case 'skipped':
      return `${event.source}: ${event.reason}`;
    case 'no-text':
      return `${event.source}: ${event.reason}`;
    case 'duplicate':
      return `${event.source}: same content as ${event.of}, not indexed twice`;
    case 'indexed':
      return event.warnings.length ? `${event.source}: indexed, but ${event.warnings.join('; ')}` : null;
    default:
      return null;
  }
}

function summaryLine(s: IngestSummary, db: string): string {
  const n = (x: number) => x.toLocaleString('en-GB');
  const counted = (x: number, one: string, many: string) => `${n(x)} ${x === 1 ? one : many}`;
  const parts = [
    `${counted(s.indexed, 'document', 'documents')} indexed (${counted(s.passages, 'passage', 'passages')})`,
    `${n(s.unchanged)} unchanged`,
  ];
  if (s.noText) parts.push(`${n(s.noText)} without text`);
  if (s.duplicates) parts.push(counted(s.duplicates, 'duplicate', 'duplicates'));
  if (s.failed) parts.push(`${n(s.failed)} failed`);
  return `${parts.join(', ')} in ${s.seconds.toFixed(1)} s → ${printable(db)}`;
}

export async function runIngest(paths: string[], opts: IngestCommandOptions): Promise<number> {
  fs.mkdirSync(path.dirname(path.resolve(opts.db)), { recursive: true });
  const release = acquireWriteLock(opts.db);
  try {
    return await ingestLocked(paths, opts);
  } finally {
    release();
  }
}

export async function ingestLocked(paths: string[], opts: IngestCommandOptions): Promise<number> {
  const db = openDatabase(opts.db);
  // Ctrl-C: the document being written finishes its transaction; nothing else is started.
  const interrupt = new AbortController();
  const onSigint = () => {
    interrupt.abort();
  };
  process.once('SIGINT', onSigint);
  const bar =
    process.stderr.isTTY && !opts.quiet
      ? new SingleBar({ format: 'ingest [{bar}] {value}/{total} {file}', hideCursor: true }, Presets.shades_classic)
      : null;
  let found = 0;
  let done = 0;
  bar?.start(0, 0, { file: '' });
  const onEvent = (event: IngestEvent) => {
    if (event.type === 'found') {
      bar?.setTotal(++found);
      return;
    }
    if (event.type === 'ocr') {
      bar?.update(done, { file: `${printable(event.source)} (OCR, page ${event.page} of ${event.pages})` });
      return;
    }
    bar?.update(++done, { file: printable(event.source) });
    // On a terminal, clear the progress bar's line first; it redraws on the next update.
    for (const line of describe(event, opts.verbose ?? false))
      process.stderr.write(`${bar ? '\r\x1b[K' : ''}report-miner: ${printable(line)}\n`);
  };
  let summary: IngestSummary;
  try {
    summary = await ingest(db, paths, {
      threads: opts.workers,
      timeoutMs: opts.timeout ? opts.timeout * 1000 : undefined,
      maxGrowthMb: opts.maxMemory,
      ocr: opts.ocr,
      followLinks: opts.followLinks,
      onEvent,
      signal: interrupt.signal,
    });
  } finally {
    process.removeListener('SIGINT', onSigint);
    bar?.stop();
    closeWriter(db);
  }
  process.stdout.write(`${summaryLine(summary, opts.db)}\n`);
  if (summary.interrupted) {
    process.stderr.write(
      'report-miner: interrupted; what was indexed is kept, and running the same command again goes on from there\n',
    );
    return 130;
  }
  const readable = summary.indexed + summary.noText + summary.unchanged + summary.duplicates;
  if (readable === 0 && summary.failed === 0)
    throw new UsageError(`no documents (.pdf, .html, .htm, .txt) found in ${paths.join(', ')}`);
  return readable > 0 ? 0 : 1;
}
