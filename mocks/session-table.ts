import { randomUUID } from 'node:crypto';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

/** A JSON-RPC error without an id: how the SDK's transports refuse a request they cannot place. */
export const jsonRpcRefusal = (status: number, message: string): Response =>
  new Response(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }), {
    status,
    headers: { 'content-type': 'application/json' },
  });

interface ConnectableServer {
  connect(transport: Transport): Promise<void>;
  close(): Promise<void>;
}

/**
 * One MCP server per session, as the SDK's own Streamable HTTP example wires it: a POST without a
 * session id opens one, `Mcp-Session-Id` names it afterwards, and a DELETE (or `close()`) ends it.
 * What a request for an unknown session gets is the caller's choice: that is where servers differ.
 */
export function sessionTable(newServer: () => ConnectableServer) {
  const sessions = new Map<
    string,
    { transport: WebStandardStreamableHTTPServerTransport; server: ConnectableServer }
  >();
  return {
    /** The transport of a session still open, or undefined. */
    find: (id: string) => sessions.get(id)?.transport,
    /** Opens a session for an initialize request and answers it. */
    open: async (request: Request): Promise<Response> => {
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
    close: async (): Promise<void> => {
      const open = [...sessions.values()];
      sessions.clear();
      await Promise.all(open.map((s) => s.server.close()));
    },
  };
}
