import { createRequire } from 'node:module';
import PQueue from 'p-queue';
import { request, type Agent } from 'undici';
import { FetchFailure } from './failure.js';
import { checkHost } from './guard.js';

interface Robots {
  isAllowed(url: string, userAgent?: string): boolean | undefined;
}

// robots-parser's own type declarations do not resolve under NodeNext; its one function is typed here.
const robotsParser = createRequire(import.meta.url)('robots-parser') as (url: string, text: string) => Robots;

interface HostState {
  queue: PQueue;
  /** The address check, once per host; a failure (offline, private address) answers for every URL there. */
  checked: Promise<void>;
  robots: Promise<Robots | null> | null;
}

export interface HostLimits {
  concurrency: number;
  intervalMs: number;
  userAgent: string;
  allowPrivate: ReadonlySet<string>;
  dispatcher: Agent;
}

/**
 * Politeness per host: at most `concurrency` requests in flight and one started per
 * `intervalMs` (p-queue), robots.txt read once and obeyed, the address checked once; many
 * hosts proceed in parallel.
 */
export class HostScheduler {
  private readonly hosts = new Map<string, HostState>();

  constructor(private readonly limits: HostLimits) {}

  private state(url: URL): HostState {
    let state = this.hosts.get(url.host);
    if (!state) {
      const queue = new PQueue({
        concurrency: this.limits.concurrency,
        intervalCap: 1,
        interval: Math.max(this.limits.intervalMs, 0) || 0,
        carryoverIntervalCount: true,
      });
      const checked = checkHost(url.hostname, this.limits.allowPrivate);
      checked.catch(() => undefined);
      state = { queue, checked, robots: null };
      this.hosts.set(url.host, state);
    }
    return state;
  }

  private robotsFor(url: URL, state: HostState): Promise<Robots | null> {
    state.robots ??= (async () => {
      const robotsUrl = new URL('/robots.txt', url);
      try {
        return await state.queue.add(async () => {
          const response = await request(robotsUrl, {
            headers: { 'user-agent': this.limits.userAgent },
            dispatcher: this.limits.dispatcher,
            signal: AbortSignal.timeout(30_000),
          });
          const text = await response.body.text();
          // Only a robots.txt that is there governs; a missing or broken one allows everything.
          return response.statusCode === 200 ? robotsParser(robotsUrl.href, text) : null;
        });
      } catch {
        return null;
      }
    })();
    return state.robots;
  }

  /** Runs one request for `url` within its host's limits, after the address and robots.txt checks. */
  async schedule<T>(url: URL, run: () => Promise<T>): Promise<T> {
    const state = this.state(url);
    await state.checked;
    const robots = await this.robotsFor(url, state);
    if (robots && robots.isAllowed(url.href, this.limits.userAgent) === false) {
      throw new FetchFailure(`disallowed by ${url.origin}/robots.txt`, { retryable: false });
    }
    return state.queue.add<T>(run);
  }
}
