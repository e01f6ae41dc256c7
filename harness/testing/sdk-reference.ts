import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { RequestHandler } from '../../lib/request-handler.ts';
import { jsonRpcRefusal, sessionTable } from '../../mocks/session-table.ts';

/** Where the SDK reference server answers MCP. */
export const SDK_REFERENCE_PATH = '/mcp';

/** Two tools without annotations, as the official conformance suite's reference server lists them. */
function newServer(): McpServer {
  const server = new McpServer({ name: 'sdk-reference', version: '1.0.0' });
  server.registerTool(
    'echo',
    { description: 'Echoes a message', inputSchema: { message: z.string() } },
    ({ message }) => ({ content: [{ type: 'text', text: message }] }),
  );
  server.registerTool(
    'add',
    { description: 'Adds two numbers', inputSchema: { a: z.number(), b: z.number() } },
    ({ a, b }) => ({ content: [{ type: 'text', text: String(a + b) }] }),
  );
  return server;
}

/**
 * An MCP server built only from the official TypeScript SDK and wired the way the SDK's own
 * Streamable HTTP example wires it: one transport per session, and 400 "No valid session ID" for any
 * request whose session it does not hold, an ended one included. It stands in for the reference
 * server of the official conformance suite: the SHOULDs every SDK server misses (unknown cursors
 * accepted, unknown tools as isError results) must not fail it; its one MUST breach (an ended
 * session answered 400, not 404) must.
 */
export function sdkReferenceHandler(): RequestHandler & { close(): Promise<void> } {
  const sessions = sessionTable(newServer);
  return {
    async handle(request) {
      const id = request.headers.get('mcp-session-id');
      const transport = id === null ? undefined : sessions.find(id);
      if (transport) return transport.handleRequest(request);
      if (id !== null || request.method !== 'POST')
        return jsonRpcRefusal(400, 'Bad Request: No valid session ID provided');
      return sessions.open(request);
    },
    close: sessions.close,
  };
}
