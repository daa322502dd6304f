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
}

export class ExtractionError extends Error {}

/** A pool of worker threads (one per core by default) doing the CPU-heavy text extraction. */
export class ExtractionPool {
  private readonly pool: Piscina<ExtractionTask, ExtractionResult>;
  private readonly timeoutMs: number;
  private readonly memoryMb: number;

  constructor({ threads = os.availableParallelism(), timeoutMs = 120_000, memoryMb = 2048 }: PoolOptions = {}) {
    this.timeoutMs = timeoutMs;
    this.memoryMb = memoryMb;
    this.pool = new Piscina({
      filename: new URL('./worker.js', import.meta.url).href,
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: 5_000,
      resourceLimits: { maxOldGenerationSizeMb: memoryMb },
    });
  }

  get threads(): number {
    return this.pool.options.maxThreads;
  }

  async extract(format: Format, bytes: Uint8Array): Promise<ExtractionResult> {
    // A private copy, so handing its memory to the worker cannot disturb Node's shared buffer pool.
    const own = new Uint8Array(bytes);
    try {
      return await this.pool.run({ format, bytes: own }, { transferList: [own.buffer], signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (err) {
      throw new ExtractionError(this.describe(err));
    }
  }

  private describe(err: unknown): string {
    const e = err as { name?: string; code?: string; message?: string };
    if (e?.name === 'AbortError' || e?.name === 'TimeoutError') return `timed out after ${Math.round(this.timeoutMs / 1000)} s`;
    if (e?.code === 'ERR_WORKER_OUT_OF_MEMORY' || /memory limit|out of memory/i.test(e?.message ?? '')) {
      return `ran out of memory (a worker may use ${this.memoryMb} MB)`;
    }
    return e?.message ?? String(err);
  }

  close(): Promise<void> {
    return this.pool.destroy();
  }
}
