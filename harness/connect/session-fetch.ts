import { setMaxListeners } from 'node:events';
import { parseRetryAfter, RateLimitedError } from './rate-limited.ts';

/**
 * The fetch every HTTP session uses.
 * - The SDK transport shares one AbortSignal across every request of a session, and undici keeps a
 *   listener per request on it until garbage collection; long sessions (bulk runs) then trip Node's
 *   leak warning. The signal belongs to the session, so the limit is lifted on it alone.
 * - A 429 becomes a RateLimitedError with the Retry-After the SDK would drop; it reaches the caller of
 *   `callTool` unchanged, so bulk emulation can wait as long as the target asked.
 * - A 202 (a notification accepted) loses its body: when msw is mounted beside a loopback target, it
 *   hands the bypassed answer over as a teed stream, and cancelling one branch of a tee nobody reads
 *   never settles, so the SDK's `await response.body.cancel()` would hang the session.
 * - Every other answer but an event stream is buffered, for the same reason: the SDK's OAuth discovery
 *   cancels bodies it does not read (a 404 for a missing metadata document), and under msw 2 on Node
 *   20 `body.cancel()` of a mocked response never settles. A buffered body cancels at once.
 */
export function sessionFetch(base: typeof fetch | undefined): typeof fetch {
  return async (input, init) => {
    if (init?.signal) setMaxListeners(0, init.signal);
    const response = await (base ?? fetch)(input, init);
    // Bodies are dropped without awaiting: under msw a cancelled body can stay pending.
    if (response.status === 429) {
      void response.body?.cancel().catch(() => undefined);
      throw new RateLimitedError(parseRetryAfter(response.headers.get('retry-after')));
    }
    if (response.body === null) return response;
    if (response.status === 202) {
      void response.body.cancel().catch(() => undefined);
      return new Response(null, { status: 202, statusText: response.statusText, headers: response.headers });
    }
    if (response.headers.get('content-type')?.includes('text/event-stream')) return response;
    return new Response(await response.arrayBuffer(), response);
  };
}
