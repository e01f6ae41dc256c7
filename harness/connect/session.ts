import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  type CallToolResult,
  CallToolResultSchema,
  ErrorCode,
  McpError,
  type Tool,
} from '@modelcontextprotocol/sdk/types.js';
import { wrongIdAnswers } from '../protocol/answer-ids.ts';
import { HarnessError } from '../errors.ts';
import type { TargetSpec } from '../targets/spec.ts';
import { registerCredentials } from './headers.ts';
import { httpTransport } from './http-transport.ts';
import type { FrameObserver, RecordedFrame } from '../protocol/frames.ts';
import { RecordingTransport } from './recorder.ts';
import type { TransportFactory, TransportOptions } from './transport.ts';

export const HARNESS_CLIENT = { name: 'rovo-mcp-conformance', version: '0.1.0' };

export interface ConnectOptions extends TransportOptions {
  requestTimeoutMs: number;
  /** How to reach the target: its kind's setup says (legacy-mock, stdio, container); default HTTP. */
  transport?: TransportFactory;
  /** Sees every frame as it passes (wire validation). */
  observe?: FrameObserver;
  /** The protocol revision to ask for at initialize (default: the SDK's latest). */
  protocolVersion?: string;
  /** `clientInfo.name` at initialize (default the harness's own): Rovo answers some names differently (#213). */
  clientName?: string;
  /** See every tool call, in order (the check runner's Rovo tool guard, live mode's write guard). */
  calls?: readonly CallHook[];
  /** Sees the recording transport before initialize, so a failed connect keeps its frames. */
  onTransport?: (transport: RecordingTransport) => void;
}

/**
 * Initialize got no answer at all: the request timed out, or the connection could not be made. An
 * HTTP status (401, 500) is an answer; a spawned server that exits at once fails fast by itself.
 */
function unanswered(cause: unknown): boolean {
  if (cause instanceof McpError) return cause.code === (ErrorCode.RequestTimeout as number);
  if (!(cause instanceof Error)) return false;
  const codes = [cause, cause.cause].map((e) => (e as { code?: unknown } | undefined)?.code);
  return (
    cause.message === 'fetch failed' ||
    codes.some(
      (c) =>
        typeof c === 'string' && /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EHOSTUNREACH|UND_ERR_SOCKET)$/.test(c),
    )
  );
}

/** A connect that failed, with what passed before it did (the frames go into the check's record). */
export class ConnectFailedError extends HarnessError {
  override readonly name = 'ConnectFailedError';
  constructor(
    message: string,
    readonly transport: RecordingTransport,
    /** Initialize got no JSON-RPC answer at all (or only answers under wrong ids). */
    readonly unanswered: boolean,
    options: { cause: unknown },
  ) {
    super('TARGET_UNREACHABLE', message, options);
  }
}

/**
 * Sees every tool call of a session: `before` may refuse it by throwing, `after` sees the answer before
 * `callTool` returns it (live mode records what a call created there, so a kill cannot lose it).
 */
export interface CallHook {
  before?(tool: string, args: Record<string, unknown>, session: Session): void | Promise<void>;
  after?(tool: string, args: Record<string, unknown>, result: CallToolResult): void | Promise<void>;
}

/** A transport that can say why its server went away (a spawned server's stderr). */
interface Diagnosable {
  diagnostics(): string;
}
const isDiagnosable = (t: object): t is Diagnosable =>
  'diagnostics' in t && typeof t.diagnostics === 'function';

/** An MCP client connected to a target, closed by `await using`. */
export class Session implements AsyncDisposable {
  constructor(
    readonly target: TargetSpec,
    readonly client: Client,
    readonly transport: RecordingTransport,
    readonly requestTimeoutMs: number,
    private readonly calls: readonly CallHook[] = [],
  ) {}

  get frames(): readonly RecordedFrame[] {
    return this.transport.frames;
  }

  /** What the transport received and dropped as not JSON-RPC. */
  get dropped(): readonly string[] {
    return this.transport.dropped;
  }

  /**
   * How many stdout lines or frames the server sent that are not JSON-RPC (a server logging to
   * stdout); `dropped` keeps the first ones' parse errors. The protocol area reads it for its finding.
   */
  get droppedCount(): number {
    return this.transport.droppedCount;
  }

  /** The protocol revision negotiated at initialize. */
  get protocolVersion(): string | undefined {
    return this.transport.protocolVersion;
  }

  requestCount(): number {
    return this.transport.requestCount();
  }

  async listToolNames(): Promise<string[]> {
    return (await this.listTools()).map((t) => t.name);
  }

  /** Every tool of `tools/list`, following cursors (at most 50 pages). */
  async listTools(): Promise<Tool[]> {
    const tools: Tool[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 50; page++) {
      const result = await this.client.listTools(cursor ? { cursor } : {}, {
        timeout: this.requestTimeoutMs,
      });
      tools.push(...result.tools);
      cursor = result.nextCursor;
      if (!cursor) break;
    }
    return tools;
  }

  /** The call this session is waiting on (`tools/call <tool>`), for a check that runs out of time. */
  inFlight: string | undefined;

  async callTool(name: string, args: Record<string, unknown>): Promise<CallToolResult> {
    for (const hook of this.calls) await hook.before?.(name, args, this);
    this.inFlight = `tools/call ${name}`;
    let answer;
    try {
      answer = await this.client.callTool({ name, arguments: args }, CallToolResultSchema, {
        timeout: this.requestTimeoutMs,
      });
    } finally {
      this.inFlight = undefined;
    }
    const result = CallToolResultSchema.parse(answer);
    for (const hook of this.calls) await hook.after?.(name, args, result);
    return result;
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}

/** Connects to a target with the given identity; scenarios never decide how. */
export async function connect(target: TargetSpec, options: ConnectOptions): Promise<Session> {
  registerCredentials(options.credentials);
  const inner = await (options.transport ?? httpTransport)(target, options);
  const transport = new RecordingTransport(inner, {
    ...(options.observe ? { observer: options.observe } : {}),
    ...(options.protocolVersion ? { requestVersion: options.protocolVersion } : {}),
  });
  options.onTransport?.(transport);
  const client = new Client(
    { ...HARNESS_CLIENT, name: options.clientName ?? HARNESS_CLIENT.name },
    { capabilities: {} },
  );
  try {
    await client.connect(transport, { timeout: options.requestTimeoutMs });
  } catch (cause) {
    await client.close().catch(() => undefined);
    const wrongIds = wrongIdAnswers(transport.frames);
    const noise = transport.droppedCount
      ? `it wrote ${transport.droppedCount} line(s) that are not JSON-RPC where only JSON-RPC may go (first: ${transport.dropped[0] ?? ''})`
      : '';
    const hint = [wrongIds, noise, isDiagnosable(inner) ? inner.diagnostics() : '']
      .filter(Boolean)
      .join('; ');
    throw new ConnectFailedError(
      `cannot connect to ${target.name}: ${(cause as Error).message}${hint ? `; ${hint}` : ''}`,
      transport,
      // A revision the check chose may be what the server cannot answer; only a plain initialize tells.
      !options.protocolVersion && (unanswered(cause) || wrongIds !== undefined),
      { cause },
    );
  }
  return new Session(target, client, transport, options.requestTimeoutMs, options.calls);
}
