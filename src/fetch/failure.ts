/** Why a URL could not be fetched, and whether trying again may help. */
export class FetchFailure extends Error {
  readonly retryable: boolean;
  /** From a Retry-After header: wait at least this long before the next try. */
  readonly retryAfterMs: number | null;
  /** The host could not be reached at all (no DNS): its other URLs are not tried either. */
  readonly offline: boolean;
  /** The HTTP status that refused the request, when one did. */
  readonly status: number | null;

  constructor(
    message: string,
    {
      retryable,
      retryAfterMs = null,
      offline = false,
      status = null,
    }: { retryable: boolean; retryAfterMs?: number | null; offline?: boolean; status?: number | null },
  ) {
    super(message);
    this.retryable = retryable;
    this.retryAfterMs = retryAfterMs;
    this.offline = offline;
    this.status = status;
  }
}

/** "120" or an HTTP date, as milliseconds from now; capped so a server cannot park the crawler. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - now;
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), 5 * 60_000) : null;
}
