import { LATEST_PROTOCOL_VERSION } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { hasVersionHeader } from '../protocol/revisions.ts';
import type { FrameObserver, RecordedFrame } from '../protocol/frames.ts';
import { boundedFrame } from './recorder.ts';
import { readSse } from './sse.ts';

/** What a raw request got back; `messages` are the JSON-RPC messages of the body (JSON or SSE). */
export interface ProbeAnswer {
  status: number;
  headers: Headers;
  contentType: string;
  messages: unknown[];
  /** The body as text when it was not an event stream. */
  text: string;
}

/** A session a probe opened by hand: initialize, then `notifications/initialized`. */
export interface RawSession {
  /** The `Mcp-Session-Id` the server assigned; undefined for a stateless server. */
  id?: string;
  protocolVersion: string;
  serverInfo: { name: string; version: string };
}

/** Headers for one request; `undefined` leaves a header out. */
export type ProbeHeaders = Record<string, string | undefined>;

const InitializeAnswerSchema = z.object({
  result: z
    .object({
      protocolVersion: z.string(),
      serverInfo: z.object({ name: z.string(), version: z.string() }).loose(),
    })
    .loose(),
});

export class ProbeError extends Error {
  override readonly name = 'ProbeError';
  readonly code = 'PROBE_FAILED';
}

/**
 * Raw HTTP to an MCP endpoint, for transport rules the SDK client hides (session ids, status codes,
 * headers). Takes the target's URL and credentials, so it works on the msw mock, any `http:` target
 * and live alike. Frames of 2xx answers go to the wire observer; sessions it opened are deleted on close.
 */
export class HttpProbe {
  readonly frames: { direction: RecordedFrame['direction']; message: unknown }[] = [];
  private nextId = 1;
  private readonly opened: RawSession[] = [];

  constructor(
    readonly url: URL,
    /** What every request carries: the target's headers and the identity's credential. */
    private readonly baseHeaders: Record<string, string>,
    private readonly signal: AbortSignal,
    private readonly observer?: FrameObserver,
  ) {}

  /** A JSON-RPC request with an id unique to this probe. */
  request(method: string, params?: Record<string, unknown>): { jsonrpc: '2.0'; id: number; method: string } {
    return { jsonrpc: '2.0', id: this.nextId++, method, ...(params ? { params } : {}) };
  }

  /** The headers that put a request in a session: its id and, from 2025-06-18, its revision. */
  sessionHeaders(session: RawSession): ProbeHeaders {
    return {
      'mcp-session-id': session.id,
      'mcp-protocol-version': hasVersionHeader(session.protocolVersion) ? session.protocolVersion : undefined,
    };
  }

  async post(body: Record<string, unknown>, headers: ProbeHeaders = {}): Promise<ProbeAnswer> {
    this.keep('sent', body);
    const answer = await this.fetch('POST', headers, JSON.stringify(body), 'id' in body ? [body.id] : []);
    for (const m of answer.messages) this.keep('received', m, answer.status < 300);
    return answer;
  }

  /** A GET (the server-to-client stream) or DELETE; an event-stream body is not read, only opened. */
  send(method: 'GET' | 'DELETE', headers: ProbeHeaders = {}): Promise<ProbeAnswer> {
    return this.fetch(method, headers);
  }

  /** A bare `initialize` asking for `version`, with extra headers (an Authorization to try, say). */
  initialize(version: string = LATEST_PROTOCOL_VERSION, headers: ProbeHeaders = {}): Promise<ProbeAnswer> {
    return this.post(
      this.request('initialize', {
        protocolVersion: version,
        capabilities: {},
        clientInfo: { name: 'rovo-mcp-conformance-probe', version: '0.1.0' },
      }),
      headers,
    );
  }

  /** Initializes a session asking for `version`; throws when the server does not answer with a result. */
  async openSession(version: string = LATEST_PROTOCOL_VERSION): Promise<RawSession> {
    const answer = await this.initialize(version);
    const parsed = InitializeAnswerSchema.safeParse(answer.messages[0]);
    if (answer.status !== 200 || !parsed.success)
      throw new ProbeError(
        `initialize was answered ${answer.status} ${answer.text.slice(0, 160) || JSON.stringify(answer.messages[0] ?? null).slice(0, 160)}`,
      );
    const session: RawSession = {
      id: answer.headers.get('mcp-session-id') ?? undefined,
      protocolVersion: parsed.data.result.protocolVersion,
      serverInfo: parsed.data.result.serverInfo,
    };
    this.opened.push(session);
    await this.post({ jsonrpc: '2.0', method: 'notifications/initialized' }, this.sessionHeaders(session));
    return session;
  }

  /** JSON-RPC requests sent so far (notifications excluded). */
  requestCount(): number {
    return this.frames.filter((f) => f.direction === 'sent' && isRequest(f.message)).length;
  }

  /** Ends the sessions this probe opened (best effort: some may be gone already). */
  async close(): Promise<void> {
    await Promise.allSettled(
      this.opened.filter((s) => s.id !== undefined).map((s) => this.send('DELETE', this.sessionHeaders(s))),
    );
  }

  private keep(direction: RecordedFrame['direction'], message: unknown, observe = true): void {
    this.frames.push({ direction, message: boundedFrame(message) });
    // Error answers (4xx) carry `id: null`, which JSON-RPC allows and the SDK's schema does not; the
    // SDK client never reads them either, so only frames of successful exchanges are validated.
    if (observe) this.observer?.frame({ direction, message: message as RecordedFrame['message'] });
  }

  private async fetch(
    method: string,
    headers: ProbeHeaders,
    body?: string,
    awaitIds: unknown[] = [],
  ): Promise<ProbeAnswer> {
    const all: Record<string, string> = {
      accept: method === 'GET' ? 'text/event-stream' : 'application/json, text/event-stream',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...this.baseHeaders,
    };
    for (const [name, value] of Object.entries(headers)) {
      if (value === undefined) delete all[name];
      else all[name] = value;
    }
    const response = await fetch(this.url, {
      method,
      headers: all,
      signal: this.signal,
      ...(body === undefined ? {} : { body }),
    });
    const contentType = response.headers.get('content-type') ?? '';
    const base = { status: response.status, headers: response.headers, contentType };
    if (contentType.includes('text/event-stream')) {
      if (method === 'POST') return { ...base, messages: await readSse(response, awaitIds), text: '' };
      letGo(response.body);
      return { ...base, messages: [], text: '' };
    }
    const text = await response.text();
    return { ...base, messages: parseJson(text), text };
  }
}

const isRequest = (m: unknown) => typeof m === 'object' && m !== null && 'id' in m && 'method' in m;

/**
 * Stops reading a stream without waiting: a body msw has teed settles its cancel only once the other
 * branch ends, which a server-to-client stream never does until its session is deleted.
 */
function letGo(body: ReadableStream | null | undefined): void {
  body?.cancel().catch(() => undefined);
}

/** The messages of a JSON body; a body that is not JSON is kept as its text (an invalid frame). */
function parseJson(text: string): unknown[] {
  if (text.trim() === '') return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value : [value];
  } catch {
    return [text];
  }
}
