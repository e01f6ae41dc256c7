/** What a RateLimiter enforces per account (null = no limit); a Rovo mock profile's `rateLimits`. */
export interface RateLimits {
  /** Calls in flight at once per account before 429. */
  concurrency: number | null;
  /** Calls per rolling minute per account before 429. */
  perMinute: number | null;
  /** Seconds sent in Retry-After. */
  retryAfterSeconds: number;
}

export type Admission =
  | { ok: true; release: () => void }
  | { ok: false; retryAfterSeconds: number; reason: 'concurrency' | 'per-minute' };

const WINDOW_MS = 60_000;

/**
 * Per-account call limits: how many calls may be in flight at once, and how many may start in any
 * rolling minute. Refused calls count towards neither. Atlassian publishes no thresholds
 * (atlassian-mcp-server#171), so every number comes from a profile and is an assumption.
 */
export class RateLimiter {
  private readonly inFlight = new Map<string, number>();
  private readonly starts = new Map<string, number[]>();
  /** Calls refused so far. */
  refused = 0;

  constructor(
    readonly limits: RateLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Admits a call for `key` (an account) or says when to come back: the profile's Retry-After for a
   * concurrency refusal; for the per-minute one, the time until the window admits again, never less
   * (Jira: "retrying earlier yields the same or a longer value").
   */
  admit(key: string): Admission {
    const { concurrency, perMinute, retryAfterSeconds } = this.limits;
    const running = this.inFlight.get(key) ?? 0;
    if (concurrency !== null && running >= concurrency) return this.refuse(retryAfterSeconds, 'concurrency');
    if (perMinute !== null) {
      const now = this.now();
      const recent = (this.starts.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
      if (recent.length >= perMinute) {
        this.starts.set(key, recent);
        const freeIn = Math.ceil(((recent[0] ?? now) + WINDOW_MS - now) / 1000);
        return this.refuse(Math.max(retryAfterSeconds, freeIn), 'per-minute');
      }
      this.starts.set(key, [...recent, now]);
    }
    this.inFlight.set(key, running + 1);
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        this.inFlight.set(key, (this.inFlight.get(key) ?? 1) - 1);
      },
    };
  }

  private refuse(retryAfterSeconds: number, reason: 'concurrency' | 'per-minute'): Admission {
    this.refused += 1;
    return { ok: false, retryAfterSeconds: Math.ceil(retryAfterSeconds), reason };
  }
}
