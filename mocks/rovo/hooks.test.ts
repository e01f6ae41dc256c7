import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { expect, it } from 'vitest';
import { MockHooks } from './hooks.ts';

/** A server-side transport stand-in: what the server would receive and what would go out. */
function fakeTransport() {
  const delivered: JSONRPCMessage[] = [];
  const sent: { message: JSONRPCMessage; related?: string | number }[] = [];
  const transport = {
    start: () => Promise.resolve(),
    close: () => Promise.resolve(),
    send: (message: JSONRPCMessage, options?: { relatedRequestId?: string | number }) => {
      sent.push({
        message,
        ...(options?.relatedRequestId === undefined ? {} : { related: options.relatedRequestId }),
      });
      return Promise.resolve();
    },
    onmessage: (message: JSONRPCMessage) => void delivered.push(message),
  } satisfies Transport;
  return { transport, delivered, sent };
}

it('runs HTTP hooks outermost first around the mock', async () => {
  const hooks = new MockHooks();
  const order: string[] = [];
  hooks.http.push(
    async (r, next) => (order.push('a'), next(r)),
    async (r, next) => (order.push('b'), next(r)),
  );
  const response = await hooks.runHttp(
    new Request('https://x.test/'),
    () => (order.push('mock'), Promise.resolve(new Response('ok'))),
  );
  expect(await response.text()).toBe('ok');
  expect(order).toEqual(['a', 'b', 'mock']);
});

it('frame hooks can drop incoming frames and add outgoing ones on the answered request’s stream', async () => {
  const hooks = new MockHooks();
  const { transport, delivered, sent } = fakeTransport();
  hooks.attachFrames(transport, () => Promise.resolve());
  hooks.frames.push({
    incoming: (m) => ('method' in m && m.method === 'notifications/cancelled' ? [] : [m]),
    outgoing: (m, { answers }) =>
      answers?.method === 'ping'
        ? [{ jsonrpc: '2.0', method: 'notifications/message', params: { level: 'info', data: 1 } }, m]
        : [m],
  });
  transport.onmessage({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 1 } });
  transport.onmessage({ jsonrpc: '2.0', id: 3, method: 'ping' });
  await transport.send({ jsonrpc: '2.0', id: 3, result: {} });
  expect(delivered).toEqual([{ jsonrpc: '2.0', id: 3, method: 'ping' }]);
  expect(sent).toEqual([
    {
      message: { jsonrpc: '2.0', method: 'notifications/message', params: { level: 'info', data: 1 } },
      related: 3,
    },
    { message: { jsonrpc: '2.0', id: 3, result: {} } },
  ]);
});
