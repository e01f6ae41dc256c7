import { releaseWhenDone } from '../../lib/release-when-done.ts';
import { parseRetryAfter } from '../connect/rate-limited.ts';

export interface BudgetLimits {
  /** Requests in flight at once. */
  concurrency: number;
  /** Requests started in any 60 s window. */
  perMinute: number;
}

/** Conservative for a shared tenant: Rovo answered 429 after about 20 parallel calls (atlassian-mcp-server#171). */
export const DEFAULT_BUDGET: BudgetLimits = { concurrency: 4, perMinute: 120 };

/** A response body not read to the end within this long frees its slot anyway (a client left a stream open). */
const HOLD_CAP_MS = 60_000;

/** Time as the budget sees it; tests pass a clock whose sleep moves it forward at once. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const REAL_CLOCK: Clock = {
  now: Date.now,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * The request budget of a live run in this process: at most `concurrency` requests in flight, at most
 * `perMinute` started in any minute, and after a 429 nothing more before its Retry-After has passed.
 * A slot is held until the answer's body is read, so a streamed tool result counts as in flight. The
 * 429 itself still reaches the caller (bulk emulation decides what to retry); the budget only makes
 * sure nobody sends again too soon. A live run uses one worker, so this is the run's whole budget.
 */
export class RateBudget {
  readonly stats = { requests: 0, waits: 0, waitedMs: 0, rateLimited: 0 };
  private inFlight = 0;
  private started: number[] = [];
  private pausedUntil = 0;
  private queue: (() => void)[] = [];

  constructor(
    readonly limits: BudgetLimits,
    private readonly clock: Clock = REAL_CLOCK,
  ) {}

  private now(): number {
    return this.clock.now();
  }

  /** Milliseconds until a request may start; 0 when it may start now. */
  private delay(): number {
    const t = this.now();
    this.started = this.started.filter((s) => s > t - 60_000);
    const pause = Math.max(0, this.pausedUntil - t);
    const window = this.started.length >= this.limits.perMinute ? (this.started[0] ?? t) + 60_000 - t : 0;
    return Math.max(pause, window);
  }

  private async acquire(): Promise<() => void> {
    const began = this.now();
    let waited = false;
    for (;;) {
      if (this.inFlight >= this.limits.concurrency) {
        waited = true;
        await new Promise<void>((resolve) => this.queue.push(resolve));
        continue;
      }
      const ms = this.delay();
      if (ms === 0) break;
      waited = true;
      await this.clock.sleep(ms);
    }
    if (waited) {
      this.stats.waits++;
      this.stats.waitedMs += this.now() - began;
    }
    this.inFlight++;
    this.stats.requests++;
    this.started.push(this.now());
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight--;
      this.queue.shift()?.();
    };
  }

  /** Holds back every request until `ms` from now (a 429's Retry-After). */
  pauseFor(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
  }

  /** A fetch that spends this budget; event streams opened with GET are not requests and pass free. */
  fetch(base: typeof fetch = fetch): typeof fetch {
    return async (input, init) => {
      const method = (init?.method ?? 'GET').toUpperCase();
      const accept = new Headers(init?.headers).get('accept') ?? '';
      if (method === 'GET' && accept.includes('text/event-stream')) return base(input, init);
      const release = await this.acquire();
      let response: Response;
      try {
        response = await base(input, init);
      } catch (error) {
        release();
        throw error;
      }
      if (response.status === 429) {
        this.stats.rateLimited++;
        // Without Retry-After, back off a whole window rather than guess a shorter one.
        this.pauseFor(parseRetryAfter(response.headers.get('retry-after')) ?? 60_000);
      }
      setTimeout(release, HOLD_CAP_MS).unref();
      return releaseWhenDone(response, release);
    };
  }
}
