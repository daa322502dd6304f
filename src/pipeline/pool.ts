import os from 'node:os';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { Format, FetchHints } from '../document.js';
import type { ExtractionResult, ExtractionTask } from './extraction.js';
import { messageOf } from '../error-message.js';

export interface PoolOptions {
  threads?: number;
  /** Per-document wall-clock limit; the worker is killed and replaced past it. */
  timeoutMs?: number;
  /** Heap limit of each worker; a document needing more fails alone. */
  memoryMb?: number;
  /**
   * How far extractions may grow the process's resident memory above what it holds when idle.
   * Decompression bombs grow buffers outside the V8 heap, which the per-worker limit does not
   * see; past this, the longest-running extraction is stopped.
   */
  maxGrowthMb?: number;
  /** Read pages without a text layer by OCR (on unless turned off). */
  ocr?: boolean;
}

export class ExtractionError extends Error {}

/** Told as OCR starts on each page of the document being extracted. */
export type OcrProgress = (page: number, pages: number) => void;

interface InFlight {
  controller: AbortController;
  started: number;
}

/** Aborted because the process grew too big; not yet known to be this document's fault. */
class MemoryLimitReached extends ExtractionError {}

const MEMORY_CHECK_INTERVAL_MS = 200;

/** A pool of worker threads (one per core by default) doing the CPU-heavy text extraction. */
export class ExtractionPool {
  private readonly pool: Piscina<ExtractionTask, ExtractionResult>;
  private readonly timeoutMs: number;
  private readonly memoryMb: number;
  private readonly maxGrowthMb: number;
  private readonly ocr: boolean;
  /** Resident memory when nothing was being extracted; freed memory is not always given back, so this moves. */
  private idleRssMb = process.memoryUsage.rss() / 2 ** 20;
  private readonly inFlight = new Set<InFlight>();
  private readonly watchdog: NodeJS.Timeout;
  /** While set, a document suspected of a memory blow-up runs alone, so the verdict is its own. */
  private solo: Promise<unknown> | null = null;

  constructor({
    threads = os.availableParallelism(),
    timeoutMs = 120_000,
    memoryMb = 2048,
    maxGrowthMb = Math.min(4096, os.totalmem() / 2 ** 21),
    ocr = true,
  }: PoolOptions = {}) {
    this.ocr = ocr;
    this.timeoutMs = timeoutMs;
    this.memoryMb = memoryMb;
    this.maxGrowthMb = maxGrowthMb;
    this.pool = new Piscina({
      filename: new URL('./worker.js', import.meta.url).href,
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: 5_000,
      // A larger young generation: extraction allocates many short-lived objects; fewer scavenges made pdfjs about 5 % faster.
      resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: 96 },
    });
    this.watchdog = setInterval(() => {
      this.checkMemory();
    }, MEMORY_CHECK_INTERVAL_MS).unref();
  }

  get threads(): number {
    return this.pool.options.maxThreads;
  }

  private overLimit(): boolean {
    return process.memoryUsage.rss() / 2 ** 20 - this.idleRssMb > this.maxGrowthMb;
  }

  private checkMemory(): void {
    if (!this.overLimit()) return;
    const oldest = [...this.inFlight].sort((a, b) => a.started - b.started)[0];
    oldest?.controller.abort(
      new MemoryLimitReached(`ran out of memory (the extraction took more than ${Math.round(this.maxGrowthMb)} MB)`),
    );
  }

  /**
   * Extracts one document. When the process outgrows its memory limit the longest-running
   * extraction is stopped; that document is then tried once more on its own, and fails only
   * if it blows the limit alone, so a neighbour of a decompression bomb is not blamed for it.
   */
  async extract(
    format: Format,
    bytes: Uint8Array,
    hints: FetchHints | null = null,
    onOcrPage?: OcrProgress,
  ): Promise<ExtractionResult> {
    await this.afterSolo();
    try {
      return await this.run(format, bytes, hints, onOcrPage);
    } catch (err) {
      if (!(err instanceof MemoryLimitReached)) throw err;
      await this.afterSolo();
      const alone = (async () => {
        while (this.inFlight.size) await new Promise((r) => setTimeout(r, MEMORY_CHECK_INTERVAL_MS));
        return this.run(format, bytes, hints, onOcrPage);
      })();
      this.solo = alone;
      try {
        return await alone;
      } catch (again) {
        throw again instanceof MemoryLimitReached ? new ExtractionError(again.message) : again;
      } finally {
        this.solo = null;
      }
    }
  }

  private async afterSolo(): Promise<void> {
    while (this.solo) await this.solo.catch(() => undefined);
  }

  private async run(
    format: Format,
    bytes: Uint8Array,
    hints: FetchHints | null,
    onOcrPage: OcrProgress | undefined,
  ): Promise<ExtractionResult> {
    // A private copy, so handing its memory to the worker cannot disturb Node's shared buffer pool.
    const own = new Uint8Array(bytes);
    const task: InFlight = { controller: new AbortController(), started: performance.now() };
    const timer = setTimeout(() => {
      task.controller.abort(new ExtractionError(`timed out after ${Math.round(this.timeoutMs / 1000)} s`));
    }, this.timeoutMs);
    this.inFlight.add(task);
    // The worker says which page OCR is reading through a port of its own.
    const channel = onOcrPage && this.ocr ? new MessageChannel() : null;
    channel?.port1.on('message', ({ page, pages }: { page: number; pages: number }) => {
      onOcrPage?.(page, pages);
    });
    try {
      return await this.pool.run(
        { format, bytes: own, hints, ocr: this.ocr, ...(channel ? { progress: channel.port2 } : {}) },
        { transferList: channel ? [own.buffer, channel.port2] : [own.buffer], signal: task.controller.signal },
      );
    } catch (err) {
      const reason: unknown = task.controller.signal.reason;
      throw reason instanceof ExtractionError ? reason : new ExtractionError(this.describe(err));
    } finally {
      channel?.port1.close();
      clearTimeout(timer);
      this.inFlight.delete(task);
      if (!this.inFlight.size) this.idleRssMb = process.memoryUsage.rss() / 2 ** 20;
    }
  }

  /** Stops whatever is being extracted, as for Ctrl-C: the documents are simply not written. */
  abortAll(): void {
    for (const task of this.inFlight) task.controller.abort(new ExtractionError('interrupted'));
  }

  private describe(err: unknown): string {
    const code = typeof err === 'object' && err !== null && 'code' in err ? err.code : undefined;
    if (code === 'ERR_WORKER_OUT_OF_MEMORY' || /memory limit|out of memory/i.test(messageOf(err))) {
      return `ran out of memory (a worker may use ${this.memoryMb} MB)`;
    }
    return messageOf(err);
  }

  close(): Promise<void> {
    clearInterval(this.watchdog);
    return this.pool.destroy();
  }
}
