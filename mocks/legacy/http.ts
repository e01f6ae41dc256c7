import { randomUUID } from 'node:crypto';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import type { RequestHandler } from '../../lib/request-handler.ts';

/** Where the reference server answers MCP over HTTP (the path most custom servers use). */
export const LEGACY_MCP_PATH = '/mcp';

const json = (status: number, message: string) =>
  new Response(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }), {
    status,
    headers: { 'content-type': 'application/json' },
  });

/**
 * The reference server over Streamable HTTP, the way a team runs it as a service (a container):
 * one MCP server per session, each from `newServer()`, sessions named by `Mcp-Session-Id` (400
 * without one, 404 once gone). It does not authenticate callers: like most custom servers, it acts as
 * the one Atlassian account its token file belongs to.
 */
export function legacyHttpHandler(newServer: () => Server): RequestHandler & { close(): Promise<void> } {
  const sessions = new Map<string, { transport: WebStandardStreamableHTTPServerTransport; server: Server }>();
  return {
    async handle(request) {
      if (new URL(request.url).pathname !== LEGACY_MCP_PATH)
        return json(404, `Not found: MCP is served at ${LEGACY_MCP_PATH}`);
      const id = request.headers.get('mcp-session-id');
      if (id !== null) {
        const session = sessions.get(id);
        return session ? session.transport.handleRequest(request) : json(404, 'Session not found');
      }
      if (request.method !== 'POST') return json(400, 'Bad Request: Mcp-Session-Id header is required');
      const server = newServer();
      const transport: WebStandardStreamableHTTPServerTransport =
        new WebStandardStreamableHTTPServerTransport({
          sessionIdGenerator: randomUUID,
          onsessioninitialized: (sid) => {
            sessions.set(sid, { transport, server });
          },
          onsessionclosed: (sid) => {
            sessions.delete(sid);
          },
        });
      await server.connect(transport);
      return transport.handleRequest(request);
    },
    async close() {
      const open = [...sessions.values()];
      sessions.clear();
      await Promise.all(open.map((s) => s.server.close()));
    },
  };
}
