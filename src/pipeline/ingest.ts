import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import PQueue from 'p-queue';
import type { Database } from 'better-sqlite3';
import type { ExtractionMessage } from '../findings.js';
import { Provenance } from '../index/provenance.js';
import { markDuplicates } from '../index/duplicates.js';
import { IndexNotWritableError } from '../index/lock.js';
import { DocumentStore, type FileIdentity } from '../index/store.js';
import { CopyRecords } from '../ingest/copies.js';
import { discover } from '../ingest/discover.js';
import { toPassages } from '../ingest/passages.js';
import { ExtractionPool, type PoolOptions } from './pool.js';
import { sniffFormat } from '../sniff.js';
import { PIPELINE_VERSION } from '../ingest/version.js';
import { messageOf } from '../error-message.js';

export type IngestEvent =
  | { type: 'found'; source: string }
  | { type: 'indexed'; source: string; passages: number; warnings: string[]; messages: ExtractionMessage[] }
  | { type: 'no-text'; source: string; reason: string }
  | { type: 'unchanged'; source: string }
  | { type: 'duplicate'; source: string; of: string }
  | { type: 'failed'; source: string; reason: string }
  | { type: 'skipped'; source: string; reason: string }
  /** OCR has started on a page of a document (scans take seconds a page): progress, not an outcome. */
  | { type: 'ocr'; source: string; page: number; pages: number };

export interface IngestSummary {
  indexed: number;
  noText: number;
  unchanged: number;
  duplicates: number;
  failed: number;
  passages: number;
  seconds: number;
  /** Stopped by the signal before every file was done; a new run goes on from there. */
  interrupted: boolean;
}

export interface IngestOptions extends PoolOptions {
  /** Follow symbolic links out of the folders given. */
  followLinks?: boolean;
  onEvent?: (event: IngestEvent) => void;
  /** Ctrl-C: no new document is started, extractions under way are dropped, nothing is half-written. */
  signal?: AbortSignal;
}

/** SQLite's "database or disk is full", or the file system's ENOSPC. */
function isDiskFull(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'SQLITE_FULL' || code === 'ENOSPC';
}

/** Why a document has no passages: OCR found no words either, or was turned off. */
const noTextReason = (ocr: boolean) =>
  ocr
    ? 'no text layer, and no words OCR could read; recorded with status no-text'
    : 'no text layer (a scanned document?); recorded with status no-text; OCR was turned off (--no-ocr)';

/**
 * Ingests files and folders into the index: unchanged files are skipped by hash, the rest
 * are extracted in worker threads and each written in one transaction on this thread.
 */
export async function ingest(db: Database, paths: string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const started = performance.now();
  const store = new DocumentStore(db);
  const provenance = new Provenance(db);
  const pool = new ExtractionPool(options);
  const summary: IngestSummary = {
    indexed: 0,
    noText: 0,
    unchanged: 0,
    duplicates: 0,
    failed: 0,
    passages: 0,
    seconds: 0,
    interrupted: false,
  };
  /** Set by the first write that finds the disk full: like Ctrl-C, nothing more is started or written. */
  const halted = { diskFull: false };
  const stopped = () => halted.diskFull || (options.signal?.aborted ?? false);
  const emit = (event: IngestEvent) => {
    if (event.type === 'indexed')
      [summary.indexed, summary.passages] = [summary.indexed + 1, summary.passages + event.passages];
    if (event.type === 'no-text') summary.noText++;
    if (event.type === 'unchanged') summary.unchanged++;
    if (event.type === 'duplicate') summary.duplicates++;
    if (event.type === 'failed') summary.failed++;
    options.onEvent?.(event);
  };
  // A sidecar that cannot be used is named once; its folder's files are still indexed.
  const copies = new CopyRecords(({ file, reason }) => {
    emit({ type: 'skipped', source: file, reason });
  });

  const fail = (file: FileIdentity, reason: string) => {
    const prior = store.state(file.source);
    if (prior && prior.status !== 'failed') {
      // Never trade an indexed document for a broken copy of it.
      emit({ type: 'failed', source: file.source, reason: `${reason}; the version indexed earlier is kept` });
      return;
    }
    store.saveFailure(file, reason);
    emit({ type: 'failed', source: file.source, reason });
  };

  const processFile = async (localPath: string, file: string) => {
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(file);
    } catch (err) {
      emit({
        type: 'failed',
        source: localPath,
        reason: `cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})`,
      });
      return;
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    // A fetched file is cited by the URL it came from, wherever it is read from; a local copy by the
    // URL its folder's sidecar gives, if any.
    const fetched = provenance.bySha(sha256);
    const copy = fetched ? { url: fetched.url, excerpt: false, hints: fetched.hints } : await copies.of(file);
    const source = fetched?.url ?? localPath;
    const base: FileIdentity = {
      source,
      sha256,
      bytes: bytes.length,
      pipelineVersion: PIPELINE_VERSION,
      url: copy?.url ?? null,
      excerpt: copy?.excerpt ?? false,
      described: copy ? JSON.stringify(copy) : null,
    };
    const prior = store.state(source);
    if (
      prior &&
      prior.sha256 === sha256 &&
      prior.pipelineVersion === PIPELINE_VERSION &&
      prior.described === base.described
    ) {
      emit(
        prior.status === 'failed'
          ? { type: 'failed', source, reason: `${prior.error ?? 'failed'} (unchanged since the last ingest)` }
          : { type: 'unchanged', source },
      );
      return;
    }
    const twin = store.sameContentAs(sha256, source);
    if (twin) {
      emit({ type: 'duplicate', source, of: twin });
      return;
    }
    const sniffed = sniffFormat(bytes, source);
    if ('error' in sniffed) {
      fail(base, sniffed.error);
      return;
    }
    let result;
    try {
      result = await pool.extract(sniffed.format, bytes, copy?.hints ?? null, (page, pages) => {
        emit({ type: 'ocr', source, page, pages });
      });
    } catch (err) {
      if (!stopped()) fail(base, messageOf(err));
      return;
    }
    if (stopped()) return;
    const { document, metadata, findings, messages } = result;
    const passages = toPassages(document.blocks, document.ocr);
    const status = passages.length ? 'indexed' : 'no-text';
    const { title, publisher, type, published, inspected, paperNumber, business, answers } = metadata;
    store.save(
      {
        ...base,
        // The manifest's or sidecar's URL first; else where an HTML page says it is published.
        url: base.url ?? document.declared.url,
        title,
        publisher,
        type,
        published,
        inspected,
        paperNumber: paperNumber ?? null,
        business: business ?? null,
        answers: answers ?? null,
        format: document.format,
        pages: document.pages,
        status,
        error: status === 'no-text' ? noTextReason(options.ocr ?? true) : null,
      },
      passages,
      findings,
      messages,
    );
    emit(
      status === 'indexed'
        ? { type: 'indexed', source, passages: passages.length, warnings: document.warnings, messages }
        : { type: 'no-text', source, reason: noTextReason(options.ocr ?? true) },
    );
  };

  // Bounded so a folder of thousands of PDFs is read a few files at a time, not all at once.
  const queue = new PQueue({ concurrency: pool.threads * 2 });
  const stop = () => {
    queue.clear();
    pool.abortAll();
  };
  options.signal?.addEventListener('abort', stop, { once: true });
  try {
    for await (const found of discover(paths, { followLinks: options.followLinks })) {
      if (stopped()) break;
      if ('error' in found) {
        emit({ type: 'failed', source: found.source, reason: found.error });
        continue;
      }
      if ('skipped' in found) {
        emit({ type: 'skipped', source: found.source, reason: found.skipped });
        continue;
      }
      emit({ type: 'found', source: found.source });
      await queue.onSizeLessThan(pool.threads * 2);
      const { source, file } = found;
      void queue.add(() =>
        processFile(source, file).catch((err: unknown) => {
          if (isDiskFull(err)) {
            // Every later write would fail the same way: stop at the first, with one line.
            halted.diskFull = true;
            stop();
            return;
          }
          emit({ type: 'failed', source, reason: `internal error: ${messageOf(err)}` });
        }),
      );
    }
    await queue.onIdle();
  } finally {
    options.signal?.removeEventListener('abort', stop);
    await pool.close();
  }
  if (halted.diskFull)
    throw new IndexNotWritableError(
      `${db.name}: the disk is full; ingest stopped, and what was indexed before it is kept (each document is written whole or not at all)`,
    );
  // Over the whole index, as an original may arrive after its copies (or go, leaving a copy the original);
  // only when findings changed, since it reads them all (about 4 s for 400,000 findings).
  if (summary.indexed + summary.noText > 0) markDuplicates(db);
  summary.interrupted = stopped();
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}
