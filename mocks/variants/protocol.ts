import { beforeAnswer, rewriteRequest, rewriteResult } from './kit/frames.ts';
import { record } from './kit/patch.ts';
import type { Variant } from './kit/types.ts';

/** The tool name the error-layers check calls to get an unknown-tool error. */
const UNKNOWN_TOOL = 'conformance_no_such_tool';

/** The cursor prefix the healthy mock issues (mocks/rovo/server.ts); anything else is forged. */
const ISSUED_CURSOR = /^tools:/;

const withoutCursor = <T extends { params?: Record<string, unknown> }>(request: T): T => {
  const { cursor: _dropped, ...params } = record(request.params);
  return { ...request, params };
};

/** Defects of the MCP layer: lifecycle, tools/list, error layers, utilities, frames. */
export const variants: Variant[] = [
  {
    name: 'initialize-blank-server-name',
    defect: 'initialize answers serverInfo with an empty name',
    breaks: ['protocol.lifecycle.initialize'],
    apply: (cloud) =>
      rewriteResult(cloud, 'initialize', (r) => ({
        ...r,
        serverInfo: { ...record(r.serverInfo), name: '' },
      })),
  },
  {
    name: 'initialize-echoes-any-version',
    defect:
      'initialize echoes whatever protocolVersion the client asks for, even one the server does not speak',
    breaks: ['protocol.lifecycle.version-negotiation'],
    apply: (cloud) =>
      rewriteResult(cloud, 'initialize', (r, request) => ({
        ...r,
        protocolVersion: record(request.params).protocolVersion,
      })),
  },
  {
    name: 'prompts-declared-not-served',
    defect: 'initialize declares the prompts capability, but prompts/list is method-not-found',
    breaks: ['protocol.lifecycle.capabilities'],
    verdict: 'partial',
    apply: (cloud) =>
      rewriteResult(cloud, 'initialize', (r) => ({
        ...r,
        capabilities: { ...record(r.capabilities), prompts: {} },
      })),
  },
  {
    name: 'log-notification-bad-level',
    defect:
      'every tool call first emits a notifications/message with level "verbose", which is no syslog level (the SDK client ignores it; wire validation must not)',
    breaks: ['protocol.lifecycle.json-rpc-frames', 'identity.user-info'],
    apply: (cloud) =>
      beforeAnswer(cloud, 'tools/call', () => [
        {
          jsonrpc: '2.0',
          method: 'notifications/message',
          params: { level: 'verbose', data: 'call started' },
        },
      ]),
  },
  {
    name: 'ping-answers-pong',
    defect: 'ping is answered with {"pong":true} instead of an empty result',
    breaks: ['protocol.utilities.ping'],
    apply: (cloud) => rewriteResult(cloud, 'ping', () => ({ pong: true })),
  },
  {
    name: 'tools-pages-loop',
    defect: 'tools/list pages by ten but ignores the cursor, handing out the same next cursor forever',
    breaks: ['protocol.tools.list-paging'],
    verdict: 'partial',
    apply(cloud) {
      rewriteRequest(cloud, 'tools/list', withoutCursor);
      rewriteResult(cloud, 'tools/list', (r) => ({
        ...r,
        tools: Array.isArray(r.tools) ? r.tools.slice(0, 10) : [],
        nextCursor: 'page-2',
      }));
    },
  },
  {
    name: 'forged-cursor-restarts',
    defect: 'tools/list answers a cursor it never issued with the first page instead of -32602',
    breaks: ['protocol.tools.invalid-cursor'],
    verdict: 'partial',
    apply: (cloud) =>
      rewriteRequest(cloud, 'tools/list', (request) => {
        const cursor = record(request.params).cursor;
        return typeof cursor === 'string' && !ISSUED_CURSOR.test(cursor) ? withoutCursor(request) : request;
      }),
  },
  {
    name: 'input-schema-bad-type',
    defect:
      'the first tool with arguments advertises a property of type "uuid", which no JSON Schema dialect has',
    breaks: ['protocol.tools.input-schemas'],
    apply: (cloud) =>
      rewriteResult(cloud, 'tools/list', (r) => {
        const tools = Array.isArray(r.tools) ? r.tools.map(record) : [];
        const victim = tools.find((t) => Object.keys(record(record(t.inputSchema).properties)).length > 0);
        if (victim) {
          const schema = record(victim.inputSchema);
          const [first] = Object.keys(record(schema.properties));
          if (first)
            victim.inputSchema = {
              ...schema,
              properties: { ...record(schema.properties), [first]: { type: 'uuid' } },
            };
        }
        return { ...r, tools };
      }),
  },
  {
    name: 'tool-name-with-space',
    defect: 'the last tool is listed under a name with a space in it',
    breaks: ['protocol.tools.names'],
    verdict: 'partial',
    apply: (cloud) =>
      rewriteResult(cloud, 'tools/list', (r) => {
        const tools = Array.isArray(r.tools) ? r.tools.map(record) : [];
        const last = tools.at(-1);
        if (last) last.name = `${String(last.name)} v2`;
        return { ...r, tools };
      }),
  },
  {
    name: 'unknown-tool-as-result',
    defect: 'a call to an unknown tool comes back as an isError result instead of a JSON-RPC error',
    breaks: ['protocol.tools.error-layers'],
    verdict: 'partial',
    apply: (cloud) =>
      cloud.rovo.hooks.frames.push({
        outgoing: (message, { answers }) =>
          answers?.method === 'tools/call' && 'error' in message && message.id !== undefined
            ? [
                {
                  jsonrpc: '2.0',
                  id: message.id,
                  result: { content: [{ type: 'text', text: message.error.message }], isError: true },
                },
              ]
            : [message],
      }),
  },
  {
    name: 'required-arguments-ignored',
    defect: 'a tool called without its required arguments answers an empty success instead of refusing',
    breaks: ['protocol.tools.error-layers'],
    apply: (cloud) =>
      cloud.rovo.hooks.frames.push({
        outgoing: (message, { answers }) => {
          const params = record(answers?.params);
          const bare = Object.keys(record(params.arguments)).length === 0;
          if (answers?.method !== 'tools/call' || !bare || params.name === UNKNOWN_TOOL) return [message];
          return [{ jsonrpc: '2.0', id: answers.id, result: { content: [{ type: 'text', text: '[]' }] } }];
        },
      }),
  },
  {
    name: 'tool-errors-without-flag',
    defect: 'tool errors come back as plain text results without isError: true',
    breaks: ['protocol.tools.error-flag'],
    verdict: 'partial',
    apply: (cloud) =>
      rewriteResult(cloud, 'tools/call', (r) => {
        const { isError: _dropped, ...rest } = r;
        return rest;
      }),
  },
  {
    name: 'tools-served-undeclared',
    defect: 'initialize declares no tools capability, yet tools/list serves the tools',
    breaks: ['protocol.lifecycle.capabilities'],
    apply: (cloud) =>
      rewriteResult(cloud, 'initialize', (r) => {
        const { tools: _dropped, ...capabilities } = record(r.capabilities);
        return { ...r, capabilities };
      }),
  },
  {
    name: 'progress-goes-backwards',
    defect: 'a tool call with a progressToken reports progress 2 of 3, then 1 of 3',
    breaks: ['protocol.utilities.progress'],
    apply: (cloud) =>
      beforeAnswer(cloud, 'tools/call', (request) => {
        const token = record(record(request.params)._meta).progressToken;
        if (typeof token !== 'string' && typeof token !== 'number') return [];
        return [2, 1].map((progress) => ({
          jsonrpc: '2.0' as const,
          method: 'notifications/progress',
          params: { progressToken: token, progress, total: 3 },
        }));
      }),
  },
  {
    name: 'cancel-ends-session',
    defect: 'notifications/cancelled ends the whole session instead of the one call',
    breaks: ['protocol.utilities.cancellation'],
    verdict: 'partial',
    apply: (cloud) =>
      cloud.rovo.hooks.frames.push({
        incoming(message, ctx) {
          if (!('method' in message) || message.method !== 'notifications/cancelled') return [message];
          void ctx.endSession();
          return [];
        },
      }),
  },
];
