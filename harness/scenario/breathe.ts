import { setImmediate } from 'node:timers/promises';

/**
 * Lets timers run (the check's timeout among them) and stops the check if that timeout fired: long
 * synchronous work over a target's answers (10,000 tools) calls it every few hundred items, so a
 * check cannot outlive its timeout by computing.
 */
export async function breathe(signal: AbortSignal): Promise<void> {
  await setImmediate();
  signal.throwIfAborted();
}
