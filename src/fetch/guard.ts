import dns from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { FetchFailure } from './failure.js';

const LOOKUP_TIMEOUT_MS = 5_000;

/** Loopback, private, link-local and other non-public ranges, as ipaddr.js names them. */
function isPublic(address: string): boolean {
  const parsed = ipaddr.process(address);
  return parsed.range() === 'unicast';
}

/** A host's addresses: the system resolver's answer, or a test's. */
export type Resolve = (host: string) => Promise<string[]>;

const systemResolve: Resolve = async (host) => (await dns.lookup(host, { all: true })).map((a) => a.address);

/**
 * Refuses a host that resolves to a private or link-local address (an internal service a
 * crafted link could reach) unless the manifest names it. DNS that does not answer fails
 * fast: offline, every source is reported instead of waited on.
 */
export async function checkHost(host: string, allowPrivate: ReadonlySet<string>): Promise<void> {
  await checkedAddresses(host, allowPrivate);
}

/** The addresses of a host, every one of them allowed (see checkHost). */
export async function checkedAddresses(
  host: string,
  allowPrivate: ReadonlySet<string>,
  resolve: Resolve = systemResolve,
): Promise<string[]> {
  const bare = host.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (ipaddr.isValid(bare)) {
    addresses = [bare];
  } else {
    let timer: NodeJS.Timeout | undefined;
    try {
      addresses = await Promise.race([
        resolve(bare),
        new Promise<never>(
          (_, reject) =>
            (timer = setTimeout(() => {
              reject(Object.assign(new Error('DNS lookup timed out'), { code: 'ETIMEOUT' }));
            }, LOOKUP_TIMEOUT_MS)),
        ),
      ]);
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
  return addresses;
}

/**
 * The `lookup` of the sockets the fetcher opens: a connection goes to an address checked as it is
 * made, so a name that answers a public address to the first check and a private one when the
 * socket connects (DNS rebinding) is refused rather than fetched.
 */
export function guardedLookup(allowPrivate: ReadonlySet<string>, resolve: Resolve = systemResolve): LookupFunction {
  return (hostname, options, callback) => {
    checkedAddresses(hostname, allowPrivate, resolve).then(
      (addresses) => {
        const entries = addresses.map((address) => ({
          address,
          family: ipaddr.parse(address).kind() === 'ipv6' ? 6 : 4,
        }));
        if (options.all) callback(null, entries);
        else callback(null, entries[0]!.address, entries[0]!.family);
      },
      (err: unknown) => {
        callback(err as NodeJS.ErrnoException, '');
      },
    );
  };
}
