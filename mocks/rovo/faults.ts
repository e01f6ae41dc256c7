import type { MockHooks } from './hooks.ts';

export interface CallHold {
  /** Resolves once the held call has reached the tool (it is in flight). */
  started: Promise<void>;
  /** How the hold ended: the server aborted the call (client cancelled), or `maxMs` passed and it ran. */
  ended: Promise<'cancelled' | 'ran'>;
}

/**
 * Latency injection: holds the next call of `tool` (any tool when omitted) in flight until the client
 * cancels it or `maxMs` passes, so a check can cancel a call Rovo would answer too fast to catch.
 * Later calls pass untouched.
 */
export function holdNextCall(hooks: MockHooks, options: { tool?: string; maxMs: number }): CallHold {
  let held = false;
  let markStarted = () => {};
  let markEnded: (how: 'cancelled' | 'ran') => void = () => {};
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  const ended = new Promise<'cancelled' | 'ran'>((resolve) => (markEnded = resolve));
  hooks.calls.push(async ({ tool, signal }) => {
    if (held || (options.tool !== undefined && tool !== options.tool)) return;
    held = true;
    markStarted();
    const how = await new Promise<'cancelled' | 'ran'>((resolve) => {
      const timer = setTimeout(() => resolve('ran'), options.maxMs);
      const onAbort = () => {
        clearTimeout(timer);
        resolve('cancelled');
      };
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
    });
    markEnded(how);
  });
  return { started, ended };
}
