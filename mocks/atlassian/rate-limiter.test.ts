import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter.ts';

describe('RateLimiter', () => {
  it('refuses beyond the concurrency limit until a call is released (once)', () => {
    const limiter = new RateLimiter({ concurrency: 2, perMinute: null, retryAfterSeconds: 1 });
    const a = limiter.admit('acc');
    const b = limiter.admit('acc');
    expect(limiter.admit('acc')).toEqual({ ok: false, retryAfterSeconds: 1, reason: 'concurrency' });
    expect(limiter.admit('other').ok, 'limits are per account').toBe(true);
    if (!a.ok || !b.ok) throw new Error('admitted calls expected');
    a.release();
    a.release();
    expect(limiter.admit('acc').ok).toBe(true);
    expect(limiter.admit('acc').ok, 'a double release frees one slot only').toBe(false);
    expect(limiter.refused).toBe(2);
  });

  it('counts starts in a rolling minute and says when the window admits again', () => {
    let now = 0;
    const limiter = new RateLimiter({ concurrency: null, perMinute: 3, retryAfterSeconds: 1 }, () => now);
    for (const t of [0, 10_000, 20_000]) {
      now = t;
      const a = limiter.admit('acc');
      if (a.ok) a.release();
    }
    now = 30_000;
    expect(limiter.admit('acc')).toEqual({ ok: false, retryAfterSeconds: 30, reason: 'per-minute' });
    now = 60_000;
    expect(limiter.admit('acc').ok, 'the first start has left the window').toBe(true);
    expect(limiter.admit('acc')).toMatchObject({ ok: false, retryAfterSeconds: 10 });
  });

  it('sends whole seconds in Retry-After', () => {
    const limiter = new RateLimiter({ concurrency: 1, perMinute: null, retryAfterSeconds: 0.2 });
    limiter.admit('acc');
    expect(limiter.admit('acc')).toMatchObject({ ok: false, retryAfterSeconds: 1 });
  });
});
