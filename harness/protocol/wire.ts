import {
  CallToolResultSchema,
  ClientNotificationSchema,
  ClientRequestSchema,
  CompleteResultSchema,
  CreateMessageResultSchema,
  ElicitResultSchema,
  EmptyResultSchema,
  GetPromptResultSchema,
  InitializeResultSchema,
  JSONRPCMessageSchema,
  ListPromptsResultSchema,
  ListResourcesResultSchema,
  ListResourceTemplatesResultSchema,
  ListRootsResultSchema,
  ListToolsResultSchema,
  ReadResourceResultSchema,
  ResultSchema,
  ServerNotificationSchema,
  ServerRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';
import type { z } from 'zod';
import { formatPath } from '../../lib/errors.ts';
import type { FrameObserver, RecordedFrame } from './frames.ts';

type Direction = RecordedFrame['direction'];
type Schemas = ReadonlyMap<string, z.ZodType>;

/** Each member of an SDK message union, by its `method` literal. */
function byMethod(union: z.ZodUnion<readonly z.ZodObject<{ method: z.ZodLiteral<string> }>[]>): Schemas {
  return new Map(union.options.map((o) => [o.shape.method.value, o]));
}

const REQUESTS: Record<Direction, Schemas> = {
  sent: byMethod(ClientRequestSchema),
  received: byMethod(ServerRequestSchema),
};
const NOTIFICATIONS: Record<Direction, Schemas> = {
  sent: byMethod(ClientNotificationSchema),
  received: byMethod(ServerNotificationSchema),
};
/** The result schema of each request, by method; a method not listed is checked as a plain result. */
const RESULTS: Schemas = new Map<string, z.ZodType>([
  ['initialize', InitializeResultSchema],
  ['ping', EmptyResultSchema],
  ['tools/list', ListToolsResultSchema],
  ['tools/call', CallToolResultSchema],
  ['resources/list', ListResourcesResultSchema],
  ['resources/templates/list', ListResourceTemplatesResultSchema],
  ['resources/read', ReadResourceResultSchema],
  ['resources/subscribe', EmptyResultSchema],
  ['resources/unsubscribe', EmptyResultSchema],
  ['prompts/list', ListPromptsResultSchema],
  ['prompts/get', GetPromptResultSchema],
  ['logging/setLevel', EmptyResultSchema],
  ['completion/complete', CompleteResultSchema],
  ['sampling/createMessage', CreateMessageResultSchema],
  ['elicitation/create', ElicitResultSchema],
  ['roots/list', ListRootsResultSchema],
]);

export interface WireViolation {
  direction: Direction;
  /** Which frame: `received response to tools/list (id 2)`. */
  frame: string;
  problem: string;
}

export function describeViolation(v: WireViolation): string {
  return `${v.frame}: ${v.problem}`;
}

function issuesOf(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${formatPath(i.path)}: ${i.message}`)
    .join('; ');
}

const other = (d: Direction): Direction => (d === 'sent' ? 'received' : 'sent');

/**
 * Validates the frames of one session against the SDK's schemas: the JSON-RPC envelope, each request
 * and notification against its method's schema, and each result against the schema of the request
 * it answers. Ids are tracked per direction, so a reused or unanswerable id is a violation too.
 */
export class WireValidator implements FrameObserver {
  readonly violations: WireViolation[] = [];
  private readonly inFlight: Record<Direction, Map<string | number, string>> = {
    sent: new Map(),
    received: new Map(),
  };
  private seen = 0;

  frame({ direction, message }: RecordedFrame): void {
    this.seen++;
    const envelope = JSONRPCMessageSchema.safeParse(message);
    if (!envelope.success) {
      this.flag(direction, `${direction} frame`, `not a JSON-RPC 2.0 message (${issuesOf(envelope.error)})`);
      return;
    }
    const m = envelope.data;
    if ('method' in m) {
      const kind = 'id' in m ? 'request' : 'notification';
      const what = `${direction} ${kind} ${m.method}${'id' in m ? ` (id ${m.id})` : ''}`;
      const schema = ('id' in m ? REQUESTS : NOTIFICATIONS)[direction].get(m.method);
      if (!schema) {
        this.flag(
          direction,
          what,
          `"${m.method}" is not an MCP ${direction === 'sent' ? 'client' : 'server'} ${kind}`,
        );
      } else {
        const parsed = schema.safeParse(m);
        if (!parsed.success) this.flag(direction, what, issuesOf(parsed.error));
      }
      if ('id' in m) {
        if (this.inFlight[direction].has(m.id))
          this.flag(direction, what, `id ${m.id} is reused while a request with it is in flight`);
        this.inFlight[direction].set(m.id, m.method);
      }
      return;
    }
    if (m.id === undefined) return; // an error about a frame the peer could not read
    const pending = this.inFlight[other(direction)];
    const method = pending.get(m.id);
    const what = `${direction} ${'result' in m ? 'response' : 'error'} to ${method ?? 'an unknown request'} (id ${m.id})`;
    // A cancelled request stays in flight: its late answer may cross the cancellation and is fine.
    if (method === undefined) {
      this.flag(
        direction,
        what,
        'no request with this id is waiting for an answer (never sent, or answered already)',
      );
      return;
    }
    pending.delete(m.id);
    if ('result' in m) {
      const parsed = (RESULTS.get(method) ?? ResultSchema).safeParse(m.result);
      if (!parsed.success) this.flag(direction, what, issuesOf(parsed.error));
    }
  }

  unparseable(reason: string): void {
    this.flag(
      'received',
      'received frame',
      `dropped by the transport as unparseable: ${reason.slice(0, 200)}`,
    );
  }

  /** Frames validated so far. */
  get count(): number {
    return this.seen;
  }

  private flag(direction: Direction, frame: string, problem: string): void {
    this.violations.push({ direction, frame, problem });
  }
}
