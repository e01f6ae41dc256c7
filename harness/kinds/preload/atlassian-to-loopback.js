/* global URL, fetch */
// Loaded into a spawned Node MCP server with `node --import` (the stdio target sets NODE_OPTIONS).
// Every request the server makes to Atlassian (api.atlassian.com, auth.atlassian.com, any
// *.atlassian.net site) is answered by the fake cloud the harness serves on loopback, named in
// CONFORMANCE_ATLASSIAN_URL; paths are kept, because the fake routes by path. Any other outgoing
// request fails, so a server under test can never reach a real host. Plain JavaScript: it runs
// before any TypeScript loader the server may or may not use.
import { bypass, http, passthrough } from 'msw';
import { setupServer } from 'msw/node';

const origin = process.env.CONFORMANCE_ATLASSIAN_URL;
if (!origin) throw new Error('atlassian-to-loopback: CONFORMANCE_ATLASSIAN_URL is not set');

const ATLASSIAN = /^https:\/\/(api\.atlassian\.com|auth\.atlassian\.com|[a-z0-9-]+\.atlassian\.net)\//;

async function toLoopback({ request }) {
  const url = new URL(request.url);
  const body =
    request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
  return fetch(
    bypass(new URL(url.pathname + url.search, origin), {
      method: request.method,
      headers: request.headers,
      body,
    }),
  );
}

setupServer(
  http.all(ATLASSIAN, toLoopback),
  http.all(`${origin}/*`, () => passthrough()),
).listen({ onUnhandledRequest: 'error' });
