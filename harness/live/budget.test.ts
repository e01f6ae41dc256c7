import { expect, it } from 'vitest';
import { type Clock, RateBudget } from './budget.ts';

/** A clock whose sleep moves time forward at once, so minutes pass in microseconds. */
function fakeClock(): Clock & { slept: number[] } {
  let t = 0;
  const slept: number[] = [];
  return {
    now: () => t,
    sleep: (ms) => {
      slept.push(ms);
      t += ms;
      return Promise.resolve();
    },
    slept,
  };
}

const answer = (status = 200, headers: Record<string, string> = {}) =>
  new Response(status === 204 ? null : 'ok', { status, headers });

it('keeps at most `concurrency` requests in flight until their bodies are read', async () => {
  const budget = new RateBudget({ concurrency: 2, perMinute: 1000 });
  let inFlight = 0;
  let peak = 0;
  const base: typeof fetch = async () => {
    peak = Math.max(peak, ++inFlight);
    await new Promise((r) => setTimeout(r, 5));
    inFlight--;
    return answer();
  };
  const f = budget.fetch(base);
  await Promise.all(
    Array.from({ length: 8 }, async () => (await f('http://127.0.0.1/x', { method: 'POST' })).text()),
  );
  expect(peak).toBe(2);
  expect(budget.stats).toMatchObject({ requests: 8 });
});

it('starts no more than `perMinute` requests in any minute', async () => {
  const clock = fakeClock();
  const budget = new RateBudget({ concurrency: 10, perMinute: 3 }, clock);
  const f = budget.fetch(() => Promise.resolve(answer(204)));
  for (let i = 0; i < 7; i++) await f('http://127.0.0.1/x', { method: 'POST' });
  // Three at t=0, three once the first minute has passed, one after the second.
  expect(clock.slept).toEqual([60_000, 60_000]);
});

it('after a 429 sends nothing before its Retry-After, and still hands the 429 to the caller', async () => {
  const clock = fakeClock();
  const budget = new RateBudget({ concurrency: 10, perMinute: 1000 }, clock);
  let calls = 0;
  const f = budget.fetch(() =>
    Promise.resolve(++calls === 1 ? answer(429, { 'retry-after': '7' }) : answer(204)),
  );
  expect((await f('http://127.0.0.1/x', { method: 'POST' })).status).toBe(429);
  await f('http://127.0.0.1/x', { method: 'POST' });
  expect(clock.slept).toEqual([7_000]);
  expect(budget.stats.rateLimited).toBe(1);
});

it('lets an event stream opened with GET pass without a slot', async () => {
  const budget = new RateBudget({ concurrency: 1, perMinute: 1 });
  const f = budget.fetch(() => Promise.resolve(answer(204)));
  await f('http://127.0.0.1/x', { method: 'POST' });
  await f('http://127.0.0.1/x', { method: 'GET', headers: { accept: 'text/event-stream' } });
  expect(budget.stats.requests).toBe(1);
});
