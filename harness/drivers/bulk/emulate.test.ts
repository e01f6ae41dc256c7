import { afterEach, describe, expect, it, vi } from 'vitest';
import { RateLimitedError } from '../../connect/rate-limited.ts';
import { NotTestableError } from '../../errors.ts';
import { TargetError } from '../tool-call.ts';
import { emulateBulk, type ItemOperation } from './emulate.ts';

/** A target in memory: it records what exists, and each test scripts what a call answers. */
function fakeTarget(answer: (index: number, attempt: number) => 'ok' | 'commit-then-fail' | Error) {
  const created = new Map<number, string>();
  const attempts = new Map<number, number>();
  let calls = 0;
  const op: ItemOperation<number> = {
    label: (i) => `item-${i}`,
    run(item, index) {
      calls += 1;
      const attempt = (attempts.get(index) ?? 0) + 1;
      attempts.set(index, attempt);
      const what = answer(index, attempt);
      if (what instanceof Error) return Promise.reject(what);
      const key = `SBX-${100 + item}${created.has(index) ? `-dup${attempt}` : ''}`;
      created.set(index, key);
      return what === 'ok' ? Promise.resolve({ key }) : Promise.reject(new Error('socket hang up'));
    },
    recover(_item, index) {
      calls += 1;
      const key = created.get(index);
      return Promise.resolve(key ? { key } : undefined);
    },
  };
  return { op, created, counter: { requestCount: () => calls } };
}

const rejection = (field: string) =>
  new TargetError(
    'createJiraIssue',
    JSON.stringify({ errorMessages: [], errors: { [field]: 'bad' } }),
    true,
    true,
  );

afterEach(() => {
  vi.useRealTimers();
});

describe('emulateBulk', () => {
  it('runs every item once with no failures: calls = items, nothing retried', async () => {
    const t = fakeTarget(() => 'ok');
    const result = await emulateBulk(t.counter, [0, 1, 2, 3, 4], t.op, { concurrency: 2 });
    expect(result).toMatchObject({
      mode: 'emulated',
      calls: 5,
      retries: 0,
      rateLimited: 0,
      recovered: 0,
      concurrency: 2,
    });
    expect(result.items.map((i) => [i.index, i.key, i.label, i.attempts])).toEqual([
      [0, 'SBX-100', 'item-0', 1],
      [1, 'SBX-101', 'item-1', 1],
      [2, 'SBX-102', 'item-2', 1],
      [3, 'SBX-103', 'item-3', 1],
      [4, 'SBX-104', 'item-4', 1],
    ]);
  });

  it("waits the 429's Retry-After before the lookup and the retry", async () => {
    vi.useFakeTimers();
    const t = fakeTarget((_i, attempt) => (attempt === 1 ? new RateLimitedError(2_000) : 'ok'));
    const running = emulateBulk(t.counter, [0], t.op);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(t.counter.requestCount(), 'no second call before Retry-After has passed').toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    const result = await running;
    expect(result).toMatchObject({ calls: 3, retries: 1, rateLimited: 1, recovered: 0 });
    expect(result.items[0]).toMatchObject({ key: 'SBX-100', attempts: 2 });
  });

  it('reads a rate-limit error inside a tool result as a 429', async () => {
    const t = fakeTarget((_i, attempt) =>
      attempt === 1 ? new TargetError('createJiraIssue', 'HTTP 429 Too Many Requests', true, true) : 'ok',
    );
    vi.useFakeTimers();
    const running = emulateBulk(t.counter, [0], t.op);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await running).toMatchObject({ rateLimited: 1, retries: 1 });
  });

  it('adopts an item the target created while answering an error, instead of creating it twice', async () => {
    vi.useFakeTimers();
    const t = fakeTarget((i, attempt) => (i === 1 && attempt === 1 ? 'commit-then-fail' : 'ok'));
    const running = emulateBulk(t.counter, [0, 1, 2], t.op);
    await vi.advanceTimersByTimeAsync(5_000);
    const result = await running;
    expect(result.recovered).toBe(1);
    expect(result.retries).toBe(0);
    expect(result.items[1]).toMatchObject({ key: 'SBX-101', recovered: true, attempts: 1 });
    expect([...t.created.values()].filter((k) => k.includes('dup'))).toEqual([]);
  });

  it("reports a refusal at once with the item's index and fields, and never retries it", async () => {
    const t = fakeTarget((i) => (i === 2 ? rejection('labels') : 'ok'));
    const result = await emulateBulk(t.counter, [0, 1, 2, 3], t.op);
    expect(result.items[2]).toEqual({
      index: 2,
      label: 'item-2',
      attempts: 1,
      error: 'labels: bad',
      fields: ['labels'],
    });
    expect(result.items.filter((i) => i.error)).toHaveLength(1);
    expect(result.retries).toBe(0);
  });

  it('gives up after maxAttempts on an error that keeps its outcome open, saying why', async () => {
    vi.useFakeTimers();
    const t = fakeTarget(() => new Error('socket hang up'));
    const running = emulateBulk(t.counter, [0], t.op, { maxAttempts: 3 });
    await vi.advanceTimersByTimeAsync(10_000);
    const result = await running;
    expect(result.items[0]).toMatchObject({ attempts: 3, error: 'Error: socket hang up' });
    expect(result.retries).toBe(2);
  });

  it('stops the whole bulk on a missing prerequisite, and when the check is aborted', async () => {
    const t = fakeTarget(() => new NotTestableError('no sandbox'));
    await expect(emulateBulk(t.counter, [0, 1], t.op)).rejects.toBeInstanceOf(NotTestableError);
    const abort = new AbortController();
    const slow = fakeTarget(() => new RateLimitedError(60_000));
    const running = emulateBulk(slow.counter, [0], slow.op, { signal: abort.signal });
    abort.abort(new Error('check timed out'));
    await expect(running).rejects.toThrow('check timed out');
  });
});
