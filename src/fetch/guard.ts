import dns from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { FetchFailure } from './failure.js';

const LOOKUP_TIMEOUT_MS = 5_000;

/** Loopback, private, link-local and other non-public ranges, as ipaddr.js names them. */
function isPublic(address: string): boolean {
  const parsed = ipaddr.process(address);
  return parsed.range() === 'unicast';
}

/**
 * Refuses a host that resolves to a private or link-local address (an internal service a
 * crafted link could reach) unless the manifest names it. DNS that does not answer fails
 * fast: offline, every source is reported instead of waited on.
 */
export async function checkHost(host: string, allowPrivate: ReadonlySet<string>): Promise<void> {
  const bare = host.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (ipaddr.isValid(bare)) {
    addresses = [bare];
  } else {
    let timer: NodeJS.Timeout | undefined;
    try {
      const found = await Promise.race([
        dns.lookup(bare, { all: true }),
        new Promise<never>(
          (_, reject) =>
            (timer = setTimeout(() => {
              reject(Object.assign(new Error('DNS lookup timed out'), { code: 'ETIMEOUT' }));
            }, LOOKUP_TIMEOUT_MS)),
        ),
      ]);
      addresses = found.map((a) => a.address);
    } catch (err) {
      throw new FetchFailure(
        `cannot resolve ${bare} (${(err as NodeJS.ErrnoException).code ?? String(err)}): offline, or no such host`,
        { retryable: false, offline: true },
      );
    } finally {
      clearTimeout(timer);
    }
  }
  const inner = addresses.find((a) => !isPublic(a));
  if (inner && !allowPrivate.has(bare)) {
    throw new FetchFailure(
      `refused: ${bare} resolves to a non-public address (${inner}); name it in allowPrivateHosts to allow it`,
      { retryable: false },
    );
  }
}
