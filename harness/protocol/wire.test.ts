import { describe, expect, it } from 'vitest';
import type { RecordedFrame } from './frames.ts';
import { describeViolation, WireValidator } from './wire.ts';

const sent = (message: object): RecordedFrame => ({
  direction: 'sent',
  message: message as RecordedFrame['message'],
});
const received = (message: object): RecordedFrame => ({
  direction: 'received',
  message: message as RecordedFrame['message'],
});

function violations(...frames: RecordedFrame[]): string[] {
  const validator = new WireValidator();
  for (const f of frames) validator.frame(f);
  return validator.violations.map(describeViolation);
}

const initialize = sent({
  jsonrpc: '2.0',
  id: 0,
  method: 'initialize',
  params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'c', version: '1' } },
});
const initialized = received({
  jsonrpc: '2.0',
  id: 0,
  result: {
    protocolVersion: '2025-11-25',
    capabilities: { tools: {} },
    serverInfo: { name: 's', version: '1' },
  },
});

describe('WireValidator', () => {
  it('accepts a well-formed session: initialize, notifications, tools/list, tools/call, ping', () => {
    expect(
      violations(
        initialize,
        initialized,
        sent({ jsonrpc: '2.0', method: 'notifications/initialized' }),
        sent({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
        received({
          jsonrpc: '2.0',
          id: 1,
          result: { tools: [{ name: 't', inputSchema: { type: 'object' } }] },
        }),
        sent({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 't', arguments: {} } }),
        received({
          jsonrpc: '2.0',
          method: 'notifications/progress',
          params: { progressToken: 2, progress: 1 },
        }),
        received({
          jsonrpc: '2.0',
          id: 2,
          result: { content: [{ type: 'text', text: 'ok' }], isError: true },
        }),
        sent({ jsonrpc: '2.0', id: 3, method: 'ping' }),
        received({ jsonrpc: '2.0', id: 3, result: {} }),
        sent({ jsonrpc: '2.0', id: 4, method: 'tools/call', params: { name: 'nope' } }),
        received({ jsonrpc: '2.0', id: 4, error: { code: -32602, message: 'Tool nope not found' } }),
      ),
    ).toEqual([]);
  });

  it('names the frame and the field for each kind of violation', () => {
    expect(violations(received({ id: 9, result: {} }))).toEqual([
      expect.stringMatching(/^received frame: not a JSON-RPC 2.0 message/),
    ]);
    expect(violations(sent({ jsonrpc: '2.0', id: 1, method: 'tools/frobnicate' }))).toEqual([
      'sent request tools/frobnicate (id 1): "tools/frobnicate" is not an MCP client request',
    ]);
    expect(
      violations(
        received({ jsonrpc: '2.0', method: 'notifications/message', params: { level: 'loud', data: 1 } }),
      ),
    ).toEqual([expect.stringMatching(/^received notification notifications\/message: params\.level: /)]);
    expect(
      violations(
        sent({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
        received({ jsonrpc: '2.0', id: 1, result: {} }),
      ),
    ).toEqual([expect.stringMatching(/^received response to tools\/list \(id 1\): tools: /)]);
    expect(
      violations(
        sent({ jsonrpc: '2.0', id: 1, method: 'ping' }),
        received({ jsonrpc: '2.0', id: 1, result: { pong: 1 } }),
      ),
    ).toEqual([expect.stringMatching(/received response to ping \(id 1\).*pong/)]);
  });

  it('tracks ids: an answer nobody waits for and a reused id are violations, a late answer to a cancelled call is not', () => {
    expect(violations(received({ jsonrpc: '2.0', id: 7, result: {} }))).toEqual([
      'received response to an unknown request (id 7): no request with this id is waiting for an answer (never sent, or answered already)',
    ]);
    const ping = sent({ jsonrpc: '2.0', id: 1, method: 'ping' });
    expect(violations(ping, ping)).toEqual([
      expect.stringMatching(/id 1 is reused while a request with it is in flight/),
    ]);
    expect(
      violations(
        sent({ jsonrpc: '2.0', id: 5, method: 'tools/call', params: { name: 't' } }),
        sent({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 5 } }),
        sent({ jsonrpc: '2.0', id: 6, method: 'ping' }),
        received({ jsonrpc: '2.0', id: 6, result: {} }),
        received({ jsonrpc: '2.0', id: 5, result: { content: [] } }),
      ),
    ).toEqual([]);
  });

  it('reports what the transport dropped as unparseable', () => {
    const validator = new WireValidator();
    validator.unparseable('Unexpected token < in JSON');
    expect(validator.violations.map(describeViolation)).toEqual([
      'received frame: dropped by the transport as unparseable: Unexpected token < in JSON',
    ]);
  });
});
