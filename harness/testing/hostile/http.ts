import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HostileResponder, REVISIONS, type TransportFault } from './responder.ts';
import { type HostileName, type HostileParams, type HostileSpec, hostileSpec } from './spec.ts';

export interface HostileServer extends AsyncDisposable {
  /** `http://127.0.0.1:<port>/mcp` */
  url: string;
  spec: HostileSpec;
  /** JSON-RPC methods received, in order (`(unparseable)` for a body that was not JSON); the first 10,000. */
  readonly methods: string[];
  close(): Promise<void>;
}

/** Enough for any test; a soak against the kit must not grow the list without bound. */
const MAX_METHODS = 10_000;

function headersOf(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers))
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  return out;
}

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function deliver(
  res: ServerResponse,
  body: Record<string, unknown>,
  fault: TransportFault | undefined,
): void {
  const text = JSON.stringify(body);
  switch (fault?.kind) {
    case 'silent':
      return; // never answered; close() destroys the socket
    case 'late': {
      const timer = setTimeout(() => deliver(res, body, undefined), fault.delayMs);
      res.on('close', () => clearTimeout(timer));
      return;
    }
    case 'invalid-json':
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"jsonrpc":"2.0", this is not JSON');
      return;
    case 'cut': {
      const bytes = Buffer.from(text);
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(bytes.length) });
      res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => res.socket?.destroy());
      return;
    }
    case 'http-500':
      res.writeHead(500, { 'content-type': 'text/plain' }).end('Internal Server Error');
      return;
    case 'endless-sse': {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      res.write(': open\n\n');
      const timer = setInterval(() => res.write(': keep-alive\n\n'), fault.intervalMs);
      res.on('close', () => clearInterval(timer));
      return;
    }
    case undefined:
      res.writeHead(200, { 'content-type': 'application/json' }).end(text);
  }
}

/**
 * Serves a hostile MCP server over streamable HTTP (JSON answers, no sessions) on 127.0.0.1, port 0.
 * `close()` destroys every open connection, answered or not.
 */
export async function startHostile(
  which: HostileName | HostileSpec,
  params: HostileParams = {},
): Promise<HostileServer> {
  const spec = typeof which === 'string' ? hostileSpec(which, params) : which;
  const responder = new HostileResponder(spec);
  const methods: string[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      if (req.method !== 'POST') {
        res.writeHead(405, { allow: 'POST' }).end();
        return;
      }
      const version = req.headers['mcp-protocol-version'];
      if (typeof version === 'string' && !REVISIONS.includes(version)) {
        res
          .writeHead(400, { 'content-type': 'text/plain' })
          .end(`Unsupported MCP-Protocol-Version: ${version}`);
        return;
      }
      const text = await bodyOf(req);
      let message: unknown;
      try {
        message = JSON.parse(text);
      } catch {
        if (methods.length < MAX_METHODS) methods.push('(unparseable)');
        res
          .writeHead(400, { 'content-type': 'application/json' })
          .end(JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } }));
        return;
      }
      const method = (message as { method?: unknown }).method;
      if (methods.length < MAX_METHODS) methods.push(typeof method === 'string' ? method : '(no method)');
      const delivery = responder.respond(message, headersOf(req));
      if (delivery.kind === 'nothing') res.writeHead(202).end();
      else deliver(res, delivery.body, delivery.fault);
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { url: `http://127.0.0.1:${port}/mcp`, spec, methods, close, [Symbol.asyncDispose]: close };
}
