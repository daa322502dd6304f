import os from 'node:os';
import { Piscina } from 'piscina';
import type { Format } from '../document.js';
import type { ExtractionResult, ExtractionTask } from './worker.js';

export interface PoolOptions {
  threads?: number;
  /** Per-document wall-clock limit; the worker is killed and replaced past it. */
  timeoutMs?: number;
  /** Heap limit of each worker; a document needing more fails alone. */
  memoryMb?: number;
  /**
   * Limit on the whole process's resident memory. Decompression bombs grow buffers outside
   * the V8 heap, which the per-worker limit does not see; past this, the longest-running
   * extraction is stopped.
   */
  maxRssMb?: number;
}

export class ExtractionError extends Error {}

interface InFlight {
  controller: AbortController;
  started: number;
}

const MEMORY_CHECK_INTERVAL_MS = 200;

/** A pool of worker threads (one per core by default) doing the CPU-heavy text extraction. */
export class ExtractionPool {
  private readonly pool: Piscina<ExtractionTask, ExtractionResult>;
  private readonly timeoutMs: number;
  private readonly memoryMb: number;
  private readonly maxRssMb: number;
  private readonly inFlight = new Set<InFlight>();
  private readonly watchdog: NodeJS.Timeout;

  constructor({ threads = os.availableParallelism(), timeoutMs = 120_000, memoryMb = 2048, maxRssMb = Math.min(4096, os.totalmem() / 2 ** 21) }: PoolOptions = {}) {
    this.timeoutMs = timeoutMs;
    this.memoryMb = memoryMb;
    this.maxRssMb = maxRssMb;
    this.pool = new Piscina({
      filename: new URL('./worker.js', import.meta.url).href,
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: 5_000,
      resourceLimits: { maxOldGenerationSizeMb: memoryMb },
    });
    this.watchdog = setInterval(() => this.checkMemory(), MEMORY_CHECK_INTERVAL_MS).unref();
  }

  get threads(): number {
    return this.pool.options.maxThreads;
  }

  private checkMemory(): void {
    if (process.memoryUsage.rss() / 2 ** 20 <= this.maxRssMb) return;
    const oldest = [...this.inFlight].sort((a, b) => a.started - b.started)[0];
    oldest?.controller.abort(new ExtractionError(`ran out of memory (the extraction grew past ${Math.round(this.maxRssMb)} MB)`));
  }

  async extract(format: Format, bytes: Uint8Array): Promise<ExtractionResult> {
    // A private copy, so handing its memory to the worker cannot disturb Node's shared buffer pool.
    const own = new Uint8Array(bytes);
    const task: InFlight = { controller: new AbortController(), started: performance.now() };
    const timer = setTimeout(() => task.controller.abort(new ExtractionError(`timed out after ${Math.round(this.timeoutMs / 1000)} s`)), this.timeoutMs);
    this.inFlight.add(task);
    try {
      return await this.pool.run({ format, bytes: own }, { transferList: [own.buffer], signal: task.controller.signal });
    } catch (err) {
      const reason: unknown = task.controller.signal.reason;
      throw reason instanceof ExtractionError ? reason : new ExtractionError(this.describe(err));
    } finally {
      clearTimeout(timer);
      this.inFlight.delete(task);
    }
  }

  /** Stops whatever is being extracted, as for Ctrl-C: the documents are simply not written. */
  abortAll(): void {
    for (const task of this.inFlight) task.controller.abort(new ExtractionError('interrupted'));
  }

  private describe(err: unknown): string {
    const e = err as { code?: string; message?: string };
    if (e?.code === 'ERR_WORKER_OUT_OF_MEMORY' || /memory limit|out of memory/i.test(e?.message ?? '')) {
      return `ran out of memory (a worker may use ${this.memoryMb} MB)`;
    }
    return e?.message ?? String(err);
  }

  close(): Promise<void> {
    clearInterval(this.watchdog);
    return this.pool.destroy();
  }
}
