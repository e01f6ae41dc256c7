import type { Transport, TransportSendOptions } from '@modelcontextprotocol/sdk/shared/transport.js';
import {
  isJSONRPCErrorResponse,
  isJSONRPCRequest,
  isJSONRPCResultResponse,
  type JSONRPCMessage,
  type JSONRPCRequest,
} from '@modelcontextprotocol/sdk/types.js';

/** Wraps the mock's HTTP handling: rewrite the request, rewrite the response, or answer alone. */
export type HttpHook = (request: Request, next: (request: Request) => Promise<Response>) => Promise<Response>;

export interface FrameContext {
  /** The client request an outgoing response answers; undefined for other frames. */
  answers?: JSONRPCRequest;
  /** Ends this session server-side, as a crash or a deploy would (later requests get 404). */
  endSession(): Promise<void>;
}

/**
 * Rewrites JSON-RPC frames between a session's HTTP transport and its MCP server. A hook returns the
 * frames to pass on instead: `[]` drops the frame, several frames are sent in order.
 */
export interface FrameHook {
  incoming?(message: JSONRPCMessage, ctx: FrameContext): JSONRPCMessage[];
  outgoing?(message: JSONRPCMessage, ctx: FrameContext): JSONRPCMessage[];
}

/** Runs before a tool does; `signal` aborts when the client cancels the call. May delay or throw. */
export type CallHook = (call: { tool: string; signal: AbortSignal }) => Promise<void> | void;

/**
 * Fault injection points of the Rovo mock, empty on a healthy mock. Broken variants and mock-only
 * checks push onto them; they apply to every session opened afterwards (and frames of open ones).
 */
export class MockHooks {
  readonly http: HttpHook[] = [];
  readonly frames: FrameHook[] = [];
  readonly calls: CallHook[] = [];

  runHttp(request: Request, last: (request: Request) => Promise<Response>): Promise<Response> {
    const chain = this.http.reduceRight<(r: Request) => Promise<Response>>(
      (next, hook) => (r) => hook(r, next),
      last,
    );
    return chain(request);
  }

  async runCalls(tool: string, signal: AbortSignal): Promise<void> {
    for (const hook of this.calls) await hook({ tool, signal });
  }

  /** Threads the frame hooks through a connected server transport (after `server.connect`). */
  attachFrames(transport: Transport, endSession: () => Promise<void>): void {
    const requests = new Map<string | number, JSONRPCRequest>();
    const through = (
      direction: 'incoming' | 'outgoing',
      message: JSONRPCMessage,
      ctx: FrameContext,
    ): JSONRPCMessage[] =>
      this.frames.reduce<JSONRPCMessage[]>(
        (frames, hook) => frames.flatMap((f) => hook[direction]?.(f, ctx) ?? [f]),
        [message],
      );

    const deliver = transport.onmessage;
    transport.onmessage = (message, extra) => {
      for (const frame of through('incoming', message, { endSession })) {
        if (isJSONRPCRequest(frame)) requests.set(frame.id, frame);
        deliver?.(frame, extra);
      }
    };

    const send = transport.send.bind(transport);
    transport.send = async (message: JSONRPCMessage, options?: TransportSendOptions) => {
      const isResponse = isJSONRPCResultResponse(message) || isJSONRPCErrorResponse(message);
      const answers = isResponse && message.id !== undefined ? requests.get(message.id) : undefined;
      if (answers) requests.delete(answers.id);
      for (const frame of through('outgoing', message, { answers, endSession })) {
        // A frame a hook adds beside a response travels on that response's stream.
        const related = frame !== message && answers ? { ...options, relatedRequestId: answers.id } : options;
        await send(frame, related);
      }
    };
  }
}
