/**
 * The target answered HTTP 429. The SDK client turns any non-2xx POST into a StreamableHTTPError that
 * keeps neither headers nor body, so the session's fetch raises this instead, carrying Retry-After.
 */
export class RateLimitedError extends Error {
  override readonly name = 'RateLimitedError';
  readonly code = 'RATE_LIMITED';
  constructor(
    /** What Retry-After asked for, in ms; undefined when the target sent none (or an unreadable one). */
    readonly retryAfterMs: number | undefined,
  ) {
    super(
      `the target answered 429 Too Many Requests${retryAfterMs === undefined ? ' without Retry-After' : ` (Retry-After ${retryAfterMs / 1000} s)`}`,
    );
  }
}

/** Retry-After as delay-seconds or an HTTP date (RFC 9110 10.2.3), in ms from `now`. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
