import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { RequestHandler } from '../../lib/request-handler.ts';
import { jsonRpcRefusal, sessionTable } from '../session-table.ts';

/** Where the reference server answers MCP over HTTP (the path most custom servers use). */
export const LEGACY_MCP_PATH = '/mcp';

/**
 * The reference server over Streamable HTTP, the way a team runs it as a service (a container):
 * one MCP server per session, each from `newServer()`, sessions named by `Mcp-Session-Id` (400
 * without one, 404 once gone). It does not authenticate callers: like most custom servers, it acts as
 * the one Atlassian account its token file belongs to.
 */
export function legacyHttpHandler(newServer: () => Server): RequestHandler & { close(): Promise<void> } {
  const sessions = sessionTable(newServer);
  return {
    async handle(request) {
      if (new URL(request.url).pathname !== LEGACY_MCP_PATH)
        return jsonRpcRefusal(404, `Not found: MCP is served at ${LEGACY_MCP_PATH}`);
      const id = request.headers.get('mcp-session-id');
      if (id !== null) {
        const transport = sessions.find(id);
        return transport ? transport.handleRequest(request) : jsonRpcRefusal(404, 'Session not found');
      }
      if (request.method !== 'POST')
        return jsonRpcRefusal(400, 'Bad Request: Mcp-Session-Id header is required');
      return sessions.open(request);
    },
    close: sessions.close,
  };
}
