import type { JSONRPCMessage, JSONRPCRequest, Result } from '@modelcontextprotocol/sdk/types.js';
import type { FakeCloud } from '../../cloud.ts';

/** Rewrites the result the server sends for every request of `method`. */
export function rewriteResult(
  cloud: FakeCloud,
  method: string,
  rewrite: (result: Result, request: JSONRPCRequest) => Result,
): void {
  cloud.rovo.hooks.frames.push({
    outgoing: (message, { answers }) =>
      answers?.method === method && 'result' in message
        ? [{ ...message, result: rewrite(message.result, answers) }]
        : [message],
  });
}

/** Rewrites every request of `method` before the server sees it. */
export function rewriteRequest(
  cloud: FakeCloud,
  method: string,
  rewrite: (request: JSONRPCRequest) => JSONRPCRequest,
): void {
  cloud.rovo.hooks.frames.push({
    incoming: (message) =>
      'method' in message && 'id' in message && message.method === method ? [rewrite(message)] : [message],
  });
}

/** Sends `frames(request)` ahead of the answer to every request of `method`. */
export function beforeAnswer(
  cloud: FakeCloud,
  method: string,
  frames: (request: JSONRPCRequest) => JSONRPCMessage[],
): void {
  cloud.rovo.hooks.frames.push({
    outgoing: (message, { answers }) =>
      answers?.method === method ? [...frames(answers), message] : [message],
  });
}
