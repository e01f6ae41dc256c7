import type { Session } from '../../connect/session.ts';
import type { BulkItemResult, BulkOptions, BulkResult } from '../types.ts';
import { classify, describeFailure } from './failures.ts';

/** The issue an item created or changed. */
export interface ItemDone {
  key: string;
  id?: string;
}

/** One item of an emulated bulk, done with single calls. */
export interface ItemOperation<I> {
  run(item: I, index: number): Promise<ItemDone>;
  /**
   * After an answer that may hide a success (a 429, a timeout, a transient error): the target's record
   * of the item if it was done after all. Creates need it, or a retry would make a duplicate.
   */
  recover?(item: I, index: number): Promise<ItemDone | undefined>;
  /** The label unique to the item, reported with its result. */
  label?(index: number): string;
}

export const DEFAULT_CONCURRENCY = 4;
export const DEFAULT_MAX_ATTEMPTS = 5;
/** A Retry-After longer than this is cut short: the next try will be refused again if it was meant. */
export const MAX_WAIT_MS = 30_000;

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

const backoff = (attempt: number) => Math.min(4_000, 250 * 2 ** (attempt - 1));

/**
 * Runs a bulk as single calls: at most `concurrency` in flight, each item retried after a 429 (waiting
 * Retry-After) or an ambiguous failure (backing off), never after a refusal. Before any retry the item
 * is looked up, so a call that took effect despite its error answer is adopted, not repeated.
 */
export async function emulateBulk<I>(
  /** Counts the calls made (the driver's session). */
  session: Pick<Session, 'requestCount'>,
  items: readonly I[],
  op: ItemOperation<I>,
  options: BulkOptions = {},
): Promise<BulkResult> {
  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
  const maxAttempts = Math.max(1, options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
  const { signal } = options;
  const stats = { retries: 0, rateLimited: 0, recovered: 0 };
  const callsBefore = session.requestCount();
  const started = performance.now();

  /** Retries a read that was only rate-limited; any other failure is the caller's to handle. */
  async function read<T>(fn: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await fn();
      } catch (error) {
        const failure = classify(error);
        if (failure.kind !== 'rate-limited' || attempt >= maxAttempts) throw error;
        stats.rateLimited += 1;
        await pause(Math.min(failure.waitMs, MAX_WAIT_MS), signal);
      }
    }
  }

  /** Looks an item up after an answer that left its outcome open; a failed lookup ends the item. */
  async function settle(item: I, index: number, doubt: unknown) {
    if (!op.recover) return { found: undefined };
    const recover = op.recover.bind(op);
    try {
      return { found: await read(() => recover(item, index)) };
    } catch (lookupError) {
      return {
        error: `outcome unknown (${describeFailure(doubt).error}); looking it up failed too: ${describeFailure(lookupError).error}`,
      };
    }
  }

  async function one(item: I, index: number): Promise<BulkItemResult> {
    const base = { index, ...(op.label ? { label: op.label(index) } : {}) };
    for (let attempts = 1; ; attempts++) {
      try {
        return { ...base, ...(await op.run(item, index)), attempts };
      } catch (error) {
        const failure = classify(error);
        if (failure.kind === 'fatal') throw error;
        if (failure.kind === 'refused' || attempts >= maxAttempts)
          return { ...base, attempts, ...describeFailure(error) };
        if (failure.kind === 'rate-limited') {
          stats.rateLimited += 1;
          await pause(Math.min(failure.waitMs, MAX_WAIT_MS), signal);
        } else await pause(backoff(attempts), signal);
        const settled = await settle(item, index, error);
        if ('error' in settled) return { ...base, attempts, error: settled.error };
        if (settled.found) {
          stats.recovered += 1;
          return { ...base, ...settled.found, attempts, recovered: true };
        }
        stats.retries += 1;
      }
    }
  }

  const results: BulkItemResult[] = new Array<BulkItemResult>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await one(items[index] as I, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return {
    mode: 'emulated',
    items: results,
    calls: session.requestCount() - callsBefore,
    ...stats,
    wallMs: Math.round(performance.now() - started),
    concurrency,
  };
}
