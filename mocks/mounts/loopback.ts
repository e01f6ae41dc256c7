import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { RequestHandler } from '../../lib/request-handler.ts';

export interface LoopbackMount extends AsyncDisposable {
  /** `http://127.0.0.1:<port>` (or the host it was told to bind) */
  origin: string;
  port: number;
  close(): Promise<void>;
}

async function toRequest(req: IncomingMessage, origin: string, signal: AbortSignal): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(name, v));
    else if (value !== undefined) headers.set(name, value);
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD' && chunks.length > 0;
  return new Request(new URL(req.url ?? '/', origin), {
    method: req.method ?? 'GET',
    headers,
    ...(hasBody ? { body: Buffer.concat(chunks) } : {}),
    signal,
  });
}

function send(response: Response, res: ServerResponse): void {
  res.writeHead(response.status, Object.fromEntries(response.headers));
  // An event stream may stay silent for long (a GET stream before any notification): send the
  // headers now, or the client waits for them until the first event.
  res.flushHeaders();
  if (!response.body) {
    res.end();
    return;
  }
  const body = Readable.fromWeb(response.body as NodeReadableStream);
  body.on('error', () => res.destroy());
  res.on('close', () => body.destroy());
  body.pipe(res);
}

/** Where servers listen unless told otherwise: nothing outside this machine can reach them. */
export const LOOPBACK = '127.0.0.1';

/** A port on 127.0.0.1 that was free a moment ago, for a server this process does not start itself. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, LOOPBACK, () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Serves a handler on 127.0.0.1 (port 0 = a free one) for subjects in other processes: mcp-remote,
 * a stdio legacy server, a container. The handler is asked through a getter so it can be created with
 * the URL it will live at. `host` is for a server inside a container image (0.0.0.0, so that the
 * runtime's published port reaches it); nothing else binds beyond loopback.
 */
export async function serveOnLoopback(
  handler: RequestHandler | ((origin: string) => RequestHandler),
  port = 0,
  host = LOOPBACK,
): Promise<LoopbackMount> {
  let target: RequestHandler | undefined = typeof handler === 'function' ? undefined : handler;
  let origin = '';
  const server = createServer((req, res) => {
    const abort = new AbortController();
    res.on('close', () => abort.abort());
    void (async () => {
      try {
        const request = await toRequest(req, origin, abort.signal);
        if (!target) throw new Error('loopback mount used before it was ready');
        send(await target.handle(request), res);
      } catch (error) {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            error: 'mock_failure',
            message: error instanceof Error ? error.message : String(error),
          }),
        );
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const actual = (server.address() as AddressInfo).port;
  origin = `http://${host.includes(':') ? `[${host}]` : host}:${actual}`;
  if (typeof handler === 'function') target = handler(origin);
  const close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { origin, port: actual, close, [Symbol.asyncDispose]: close };
}
