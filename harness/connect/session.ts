import { setMaxListeners } from 'node:events';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { type CallToolResult, CallToolResultSchema } from '@modelcontextprotocol/sdk/types.js';
import { isRovoTool } from '../drivers/rovo/surface.ts';
import { HarnessError, UnsupportedVerbError } from '../errors.ts';
import { registerSecret } from '../redact.ts';
import { type Credentials, authorizationHeader } from '../targets/identities.ts';
import { legacyMockTransport } from '../targets/legacy-mock.ts';
import { stdioTransport } from '../targets/stdio.ts';
import type { TargetKind, TargetSpec } from '../targets/types.ts';
import { parseRetryAfter, RateLimitedError } from './rate-limited.ts';
import { type RecordedFrame, RecordingTransport } from './recorder.ts';

export const HARNESS_CLIENT = { name: 'rovo-mcp-conformance', version: '0.1.0' };

export interface ConnectOptions {
  credentials: Credentials;
  requestTimeoutMs: number;
  /** Where to reach an HTTP target; defaults to the spec's url. */
  url?: URL;
  /** A fetch that stays in-process (the fetch mount), instead of msw or the network. */
  fetch?: typeof fetch;
  /** Sees every frame as it passes (wire validation). */
  observe?: (frame: RecordedFrame) => void;
}

/** Builds the transport for one kind of target; target work registers more kinds. */
export type TransportFactory = (
  target: TargetSpec,
  options: ConnectOptions,
) => Transport | Promise<Transport>;

const factories = new Map<TargetKind, TransportFactory>();

export function registerTransport(kind: TargetKind, factory: TransportFactory): void {
  factories.set(kind, factory);
}

export const MOCK_MCP_URL = new URL('https://mcp.atlassian.com/v1/mcp');

/**
 * The fetch every HTTP session uses.
 * - The SDK transport shares one AbortSignal across every request of a session, and undici keeps a
 *   listener per request on it until garbage collection; long sessions (bulk runs) then trip Node's
 *   leak warning. The signal belongs to the session, so the limit is lifted on it alone.
 * - A 429 becomes a RateLimitedError with the Retry-After the SDK would drop; it reaches the caller of
 *   `callTool` unchanged, so bulk emulation can wait as long as the target asked.
 */
function sessionFetch(base: typeof fetch | undefined): typeof fetch {
  return async (input, init) => {
    if (init?.signal) setMaxListeners(0, init.signal);
    const response = await (base ?? fetch)(input, init);
    if (response.status !== 429) return response;
    // Not awaited: under msw a cancelled body can stay pending, and nothing here needs it.
    void response.body?.cancel().catch(() => undefined);
    throw new RateLimitedError(parseRetryAfter(response.headers.get('retry-after')));
  };
}

function httpTransport(target: TargetSpec, options: ConnectOptions): Transport {
  const url =
    options.url ??
    (target.url ? new URL(target.url) : target.kind === 'rovo-mock' ? MOCK_MCP_URL : undefined);
  if (!url) throw new HarnessError('TARGET_UNRESOLVED', `target ${target.name} has no MCP URL`);
  const auth = authorizationHeader(options.credentials);
  const headers: Record<string, string> = {
    ...(target.headers ?? {}),
    ...(auth ? { authorization: auth } : {}),
  };
  return new StreamableHTTPClientTransport(url, {
    requestInit: { headers },
    fetch: sessionFetch(options.fetch),
  });
}

registerTransport('rovo-mock', httpTransport);
registerTransport('rovo-live', httpTransport);
registerTransport('http', httpTransport);
registerTransport('legacy-mock', legacyMockTransport);
registerTransport('stdio', stdioTransport);

/** A transport that can say why its server went away (a spawned server's stderr). */
interface Diagnosable {
  diagnostics(): string;
}
const isDiagnosable = (t: object): t is Diagnosable =>
  'diagnostics' in t && typeof t.diagnostics === 'function';

/** An MCP client connected to a target, closed by `await using`. */
export class Session implements AsyncDisposable {
  private listed: Promise<ReadonlySet<string>> | undefined;

  constructor(
    readonly target: TargetSpec,
    readonly client: Client,
    readonly transport: RecordingTransport,
    private readonly requestTimeoutMs: number,
  ) {}

  get frames(): readonly RecordedFrame[] {
    return this.transport.frames;
  }

  requestCount(): number {
    return this.transport.requestCount();
  }

  async listToolNames(): Promise<string[]> {
    const names: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 50; page++) {
      const result = await this.client.listTools(cursor ? { cursor } : {}, {
        timeout: this.requestTimeoutMs,
      });
      names.push(...result.tools.map((t) => t.name));
      cursor = result.nextCursor;
      if (!cursor) break;
    }
    return names;
  }

  async callTool(name: string, args: Record<string, unknown>): Promise<CallToolResult> {
    if (this.target.dialect !== 'rovo' && isRovoTool(name)) await this.requireListed(name);
    const result = await this.client.callTool({ name, arguments: args }, CallToolResultSchema, {
      timeout: this.requestTimeoutMs,
    });
    return CallToolResultSchema.parse(result);
  }

  /**
   * Checks written against Rovo's tools run unchanged on targets of other dialects: a Rovo tool such a
   * target does not list makes the check `unsupported`, with the reason, instead of a failed call.
   */
  private async requireListed(name: string): Promise<void> {
    this.listed ??= this.listToolNames().then((names) => new Set(names));
    if (!(await this.listed).has(name))
      throw new UnsupportedVerbError(
        name,
        `${this.target.name} does not list Rovo's ${name} tool, which this check calls by name`,
      );
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
  const factory = factories.get(target.kind);
  if (!factory)
    throw new HarnessError(
      'TARGET_UNRESOLVED',
      `no transport is registered for "${target.kind}" targets (${target.name})`,
    );
  if (options.credentials.kind === 'basic') registerSecret(options.credentials.apiToken);
  if (options.credentials.kind === 'bearer') registerSecret(options.credentials.token);
  const inner = await factory(target, options);
  const transport = new RecordingTransport(inner, options.observe);
  const client = new Client(HARNESS_CLIENT, { capabilities: {} });
  try {
    await client.connect(transport, { timeout: options.requestTimeoutMs });
  } catch (cause) {
    await client.close().catch(() => undefined);
    const hint = isDiagnosable(inner) ? inner.diagnostics() : '';
    throw new HarnessError(
      'TARGET_UNREACHABLE',
      `cannot connect to ${target.name}: ${(cause as Error).message}${hint ? `; ${hint}` : ''}`,
      { cause },
    );
  }
  return new Session(target, client, transport, options.requestTimeoutMs);
}
