import { http } from 'msw';
import { type SetupServer, setupServer } from 'msw/node';
import type { RequestHandler } from '../../lib/request-handler.ts';

/** The hosts the fake cloud answers for; anything else fails loudly (`onUnhandledRequest: 'error'`). */
export const ATLASSIAN_HOSTS = [
  'https://mcp.atlassian.com',
  'https://api.atlassian.com',
  'https://auth.atlassian.com',
  // The gen-1 authorization server's token and registration host (rovo-surface.md 3d).
  'https://cf.mcp.atlassian.com',
];

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost']);

export interface MswMount {
  server: SetupServer;
  close(): void;
}

/**
 * Intercepts the real Atlassian URLs in this process and answers them from `current()`; a getter so
 * each check can swap in a fresh (or deliberately broken) cloud without re-listening.
 * Loopback traffic is let through so tests can mix in servers bound to 127.0.0.1 (an `http:` target
 * beside rovo-mock); any other unhandled request fails loudly.
 */
export function mountWithMsw(current: () => RequestHandler, siteHosts: readonly string[]): MswMount {
  const origins = [...ATLASSIAN_HOSTS, ...siteHosts.map((h) => `https://${h}`)];
  const server = setupServer(
    ...origins.map((origin) => http.all(`${origin}/*`, ({ request }) => current().handle(request))),
  );
  // Not a passthrough handler: msw's path matching cannot express "any port" ("127.0.0.1:*" throws
  // inside every request), so loopback is let through where unhandled requests are judged. A request
  // over a unix socket (testcontainers to the container runtime) shows up as http://localhost/.
  server.listen({
    onUnhandledRequest(request, print) {
      if (!LOOPBACK_NAMES.has(new URL(request.url).hostname)) print.error();
    },
  });
  return { server, close: () => server.close() };
}
