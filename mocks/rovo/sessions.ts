import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { releaseWhenDone } from '../../lib/release-when-done.ts';
import type { RateLimiter } from '../atlassian/rate-limiter.ts';
import type { MockHooks } from './hooks.ts';

/**
 * What both Rovo endpoints (v1 at /v1/mcp, v2 at /v2/mcp) do the same way around their MCP servers:
 * record every HTTP exchange, admit tool calls under the rate limits, route a request to its session
 * (64-hex ids, 400 without one, 404 once gone) and open a session on the first POST.
 */

/**
 * How many HTTP exchanges an endpoint's `recorded` keeps: the latest, oldest dropped first. Tests look
 * at the last few; a mock serving 283,200 calls must not keep them all (~0.4 KB each).
 */
export const RECORDED_EXCHANGES = 1_000;

/** One HTTP exchange as the mock saw it, recorded before it answered (assertions, fault analysis). */
export interface HttpExchange {
  method: string;
  path: string;
  status: number;
  /** JSON-RPC methods in a POST body (`tools/call:createJiraIssue` for calls). */
  rpc: string[];
  accountId?: string;
}

export interface McpSession {
  id: string;
  transport: WebStandardStreamableHTTPServerTransport;
  server: Server;
  accountId?: string;
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const RpcSchema = z
  .object({ method: z.string(), params: z.object({ name: z.string().optional() }).loose().optional() })
  .loose();

async function rpcMethods(request: Request): Promise<string[]> {
  if (request.method !== 'POST') return [];
  let body: unknown;
  try {
    body = await request.clone().json();
  } catch {
    return ['(unparseable)'];
  }
  const messages: unknown[] = Array.isArray(body) ? body : [body];
  return messages.flatMap((m) => {
    const parsed = RpcSchema.safeParse(m);
    if (!parsed.success) return [];
    const { method, params } = parsed.data;
    return [method === 'tools/call' && params?.name ? `tools/call:${params.name}` : method];
  });
}

/** Records the exchange (bounded to RECORDED_EXCHANGES) before answering, and its status after. */
export async function recordExchange(
  recorded: HttpExchange[],
  request: Request,
  answer: (exchange: HttpExchange) => Promise<Response>,
): Promise<Response> {
  const exchange: HttpExchange = {
    method: request.method,
    path: new URL(request.url).pathname,
    status: 0,
    rpc: await rpcMethods(request),
  };
  recorded.push(exchange);
  if (recorded.length > RECORDED_EXCHANGES) recorded.shift();
  const response = await answer(exchange);
  exchange.status = response.status;
  return response;
}

/**
 * Runs `dispatch` under the account's rate limits when the exchange calls a tool (only tool calls
 * count; I#171 saw 429 with Retry-After and no other header), releasing the slot once the answer
 * has been streamed.
 */
export async function admitToolCalls(
  limiter: RateLimiter,
  exchange: HttpExchange,
  accountId: string,
  dispatch: () => Promise<Response>,
): Promise<Response> {
  const admission = exchange.rpc.some((m) => m.startsWith('tools/call'))
    ? limiter.admit(accountId)
    : undefined;
  if (!admission) return dispatch();
  if (!admission.ok)
    return new Response('Too Many Requests', {
      status: 429,
      headers: { 'content-type': 'text/plain', 'retry-after': String(admission.retryAfterSeconds) },
    });
  try {
    return releaseWhenDone(await dispatch(), admission.release);
  } catch (error) {
    admission.release();
    throw error;
  }
}

/** A request with a session id goes to its session (404 once gone); without one, only a POST opens one. */
export function routeToSession(
  request: Request,
  sessions: ReadonlyMap<string, McpSession>,
  authInfo: AuthInfo,
  open: () => Promise<Response>,
): Promise<Response> {
  const sid = request.headers.get('mcp-session-id');
  if (sid !== null) {
    const session = sessions.get(sid);
    if (!session)
      return Promise.resolve(
        json(404, { jsonrpc: '2.0', error: { code: -32001, message: 'Session not found' }, id: null }),
      );
    return session.transport.handleRequest(request, { authInfo });
  }
  if (request.method !== 'POST')
    return Promise.resolve(
      json(400, {
        jsonrpc: '2.0',
        error: { code: -32000, message: 'Bad Request: Mcp-Session-Id header is required' },
        id: null,
      }),
    );
  return open();
}

export interface OpenSessionOptions {
  server: Server;
  sessions: Map<string, McpSession>;
  hooks: MockHooks;
  accountId?: string;
  /** Plain JSON answers instead of SSE frames. */
  json?: boolean;
  /** Runs on the server side of the transport once connected, before any frame (v2's Q19). */
  connected?(transport: WebStandardStreamableHTTPServerTransport): void;
}

/** Connects a fresh MCP server to a new session transport, with the hooks' frames threaded through. */
export async function openSession(
  request: Request,
  authInfo: AuthInfo,
  options: OpenSessionOptions,
): Promise<Response> {
  const { server, sessions, accountId } = options;
  const transport: WebStandardStreamableHTTPServerTransport = new WebStandardStreamableHTTPServerTransport({
    sessionIdGenerator: () => randomBytes(32).toString('hex'),
    enableJsonResponse: options.json === true,
    onsessioninitialized: (id) => {
      sessions.set(id, { id, transport, server, ...(accountId !== undefined ? { accountId } : {}) });
    },
    onsessionclosed: (id) => {
      sessions.delete(id);
    },
  });
  await server.connect(transport);
  options.connected?.(transport);
  options.hooks.attachFrames(transport, () => endSession(sessions, transport.sessionId));
  return transport.handleRequest(request, { authInfo });
}

/** Ends one session server-side; its id is answered 404 from then on. */
export async function endSession(sessions: Map<string, McpSession>, id: string | undefined): Promise<void> {
  const session = id === undefined ? undefined : sessions.get(id);
  if (!session) return;
  sessions.delete(session.id);
  await session.server.close();
}

/** Ends every session server-side, as an expiry or a deploy would; clients then get 404. */
export async function endAllSessions(sessions: Map<string, McpSession>): Promise<void> {
  const all = [...sessions.values()];
  sessions.clear();
  await Promise.all(all.map((s) => s.server.close()));
}
