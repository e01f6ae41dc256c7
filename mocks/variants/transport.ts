import type { FakeCloud } from '../cloud.ts';
import type { HttpHook } from '../rovo/hooks.ts';
import type { Variant } from './kit/types.ts';

const useHttp = (cloud: FakeCloud, hook: HttpHook) => cloud.rovo.hooks.http.push(hook);

/** Answers every request with this HTTP method itself; the mock never sees them. */
const answerInstead = (cloud: FakeCloud, method: string, answer: () => Response) =>
  useHttp(cloud, (request, next) => (request.method === method ? Promise.resolve(answer()) : next(request)));

/** The same request with its headers edited. */
function withHeaders(request: Request, edit: (headers: Headers) => void): Request {
  const headers = new Headers(request.headers);
  edit(headers);
  return new Request(request, { headers });
}

async function isInitialize(request: Request): Promise<boolean> {
  try {
    const body: unknown = await request.clone().json();
    return typeof body === 'object' && body !== null && 'method' in body && body.method === 'initialize';
  } catch {
    return false;
  }
}

/** Defects of the Streamable HTTP front: session ids, status codes, headers, the GET stream. */
export const variants: Variant[] = [
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
    verdict: 'partial',
    apply: (cloud) =>
      useHttp(cloud, async (request, next) => {
        const newest = [...cloud.rovo.sessions.keys()].at(-1);
        if (request.method !== 'POST' || request.headers.has('mcp-session-id') || !newest)
          return next(request);
        if (await isInitialize(request)) return next(request);
        return next(withHeaders(request, (h) => h.set('mcp-session-id', newest)));
      }),
  },
  {
    name: 'delete-keeps-session',
    defect: 'DELETE is answered 200 but the session goes on serving',
    breaks: ['protocol.transport.session-end'],
    apply: (cloud) => answerInstead(cloud, 'DELETE', () => new Response(null, { status: 200 })),
  },
  {
    name: 'never-issued-session-400',
    defect:
      'a session id the server never issued is answered 400 instead of 404 (ended sessions still get 404)',
    breaks: ['protocol.transport.session-end'],
    verdict: 'partial',
    apply(cloud) {
      const issued = new Set<string>();
      useHttp(cloud, async (request, next) => {
        const id = request.headers.get('mcp-session-id');
        if (id !== null && !issued.has(id)) return new Response(null, { status: 400 });
        const response = await next(request);
        const assigned = response.headers.get('mcp-session-id');
        if (assigned !== null) issued.add(assigned);
        return response;
      });
    },
  },
  {
    name: 'protocol-version-header-ignored',
    defect: 'MCP-Protocol-Version is never checked, so an unsupported value is served',
    breaks: ['protocol.transport.protocol-version-header'],
    apply: (cloud) =>
      useHttp(cloud, (request, next) => next(withHeaders(request, (h) => h.delete('mcp-protocol-version')))),
  },
  {
    name: 'get-answers-json',
    defect: 'GET on the MCP endpoint answers 200 with a JSON body instead of an event stream or 405',
    breaks: ['protocol.transport.get-stream'],
    apply: (cloud) => answerInstead(cloud, 'GET', () => Response.json({}, { status: 200 })),
  },
];
