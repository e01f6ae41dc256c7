import type { FakeCloud } from '../cloud.ts';
import type { HttpHook } from '../rovo/hooks.ts';
import type { Variant } from './types.ts';

const useHttp = (cloud: FakeCloud, hook: HttpHook) => cloud.rovo.hooks.http.push(hook);

async function isInitialize(request: Request): Promise<boolean> {
  try {
    const body: unknown = await request.clone().json();
    return typeof body === 'object' && body !== null && 'method' in body && body.method === 'initialize';
  } catch {
    return false;
  }
}

/** Defects of the Streamable HTTP front: session ids, status codes, headers, the GET stream. */
export const TRANSPORT_VARIANTS: Variant[] = [
  {
    name: 'session-id-with-space',
    defect: 'Mcp-Session-Id carries a space, which is outside visible ASCII',
    breaks: ['protocol.transport.session-id'],
    apply: (cloud) =>
      useHttp(cloud, async (request, next) => {
        const response = await next(request);
        const id = response.headers.get('mcp-session-id');
        if (id === null) return response;
        const headers = new Headers(response.headers);
        headers.set('mcp-session-id', `session ${id}`);
        return new Response(response.body, { status: response.status, headers });
      }),
  },
  {
    name: 'session-guessed-without-header',
    defect: 'a request without Mcp-Session-Id is served in the newest session instead of being refused',
    breaks: ['protocol.transport.missing-session'],
    apply: (cloud) =>
      useHttp(cloud, async (request, next) => {
        const newest = [...cloud.rovo.sessions.keys()].at(-1);
        if (request.method !== 'POST' || request.headers.has('mcp-session-id') || !newest)
          return next(request);
        if (await isInitialize(request)) return next(request);
        const headers = new Headers(request.headers);
        headers.set('mcp-session-id', newest);
        return next(new Request(request, { headers }));
      }),
  },
  {
    name: 'delete-keeps-session',
    defect: 'DELETE is answered 200 but the session goes on serving',
    breaks: ['protocol.transport.session-end'],
    apply: (cloud) =>
      useHttp(cloud, (request, next) =>
        request.method === 'DELETE' ? Promise.resolve(new Response(null, { status: 200 })) : next(request),
      ),
  },
  {
    name: 'protocol-version-header-ignored',
    defect: 'MCP-Protocol-Version is never checked, so an unsupported value is served',
    breaks: ['protocol.transport.protocol-version-header'],
    apply: (cloud) =>
      useHttp(cloud, (request, next) => {
        const headers = new Headers(request.headers);
        headers.delete('mcp-protocol-version');
        return next(new Request(request, { headers }));
      }),
  },
  {
    name: 'get-answers-json',
    defect: 'GET on the MCP endpoint answers 200 with a JSON body instead of an event stream or 405',
    breaks: ['protocol.transport.get-stream'],
    apply: (cloud) =>
      useHttp(cloud, (request, next) =>
        request.method === 'GET' ? Promise.resolve(Response.json({}, { status: 200 })) : next(request),
      ),
  },
];
