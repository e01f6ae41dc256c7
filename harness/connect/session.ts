import { setMaxListeners } from 'node:events';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { type CallToolResult, CallToolResultSchema } from '@modelcontextprotocol/sdk/types.js';
import { harnessAuthFetch, countingTokenRequests } from '../auth/refresh.ts';
import { signIn } from '../auth/sign-in.ts';
import { isRovoTool, speaksRovo } from '../drivers/rovo/surface.ts';
import { HarnessError, UnsupportedVerbError } from '../errors.ts';
import { registerSecret } from '../redact.ts';
import { containerEndpoint, containerUrl } from '../targets/container.ts';
import { type Credentials, authorizationHeader } from '../targets/identities.ts';
import { legacyMockTransport } from '../targets/legacy-mock.ts';
import { stdioTransport } from '../targets/stdio.ts';
import type { TargetKind, TargetSpec } from '../targets/spec.ts';
import { parseRetryAfter, RateLimitedError } from './rate-limited.ts';
import { type FrameObserver, type RecordedFrame, RecordingTransport } from './recorder.ts';

export const HARNESS_CLIENT = { name: 'rovo-mcp-conformance', version: '0.1.0' };

export interface ConnectOptions {
  credentials: Credentials;
  requestTimeoutMs: number;
  /** Where to reach an HTTP target; defaults to the spec's url. */
  url?: URL;
  /** A fetch that stays in-process (the fetch mount), instead of msw or the network. */
  fetch?: typeof fetch;
  /** Sees every frame as it passes (wire validation). */
  observe?: FrameObserver;
  /** The protocol revision to ask for at initialize (default: the SDK's latest). */
  protocolVersion?: string;
  /** Sees every tool call (live mode's write guard and ledger). */
  calls?: CallHook;
}

/**
 * Sees every tool call of a session: `before` may refuse it by throwing, `after` sees the answer before
 * `callTool` returns it (live mode records what a call created there, so a kill cannot lose it).
 */
export interface CallHook {
  before(tool: string, args: Record<string, unknown>): void | Promise<void>;
  after(tool: string, args: Record<string, unknown>, result: CallToolResult): void | Promise<void>;
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
 * - A 202 (a notification accepted) loses its body: when msw is mounted beside a loopback target, it
 *   hands the bypassed answer over as a teed stream, and cancelling one branch of a tee nobody reads
 *   never settles, so the SDK's `await response.body.cancel()` would hang the session.
 * - Every other answer but an event stream is buffered, for the same reason: the SDK's OAuth discovery
 *   cancels bodies it does not read (a 404 for a missing metadata document), and under msw 2 on Node
 *   20 `body.cancel()` of a mocked response never settles. A buffered body cancels at once.
 */
function sessionFetch(base: typeof fetch | undefined): typeof fetch {
  return async (input, init) => {
    if (init?.signal) setMaxListeners(0, init.signal);
    const response = await (base ?? fetch)(input, init);
    // Bodies are dropped without awaiting: under msw a cancelled body can stay pending.
    if (response.status === 429) {
      void response.body?.cancel().catch(() => undefined);
      throw new RateLimitedError(parseRetryAfter(response.headers.get('retry-after')));
    }
    if (response.body === null) return response;
    if (response.status === 202) {
      void response.body.cancel().catch(() => undefined);
      return new Response(null, { status: 202, statusText: response.statusText, headers: response.headers });
    }
    if (response.headers.get('content-type')?.includes('text/event-stream')) return response;
    return new Response(await response.arrayBuffer(), response);
  };
}

/** The MCP endpoint of an HTTP target; undefined for targets reached otherwise (stdio, in-process). */
export function mcpUrlOf(target: TargetSpec): URL | undefined {
  if (target.url) return new URL(target.url);
  if (target.kind === 'container') return containerUrl(target);
  return target.kind === 'rovo-mock' ? MOCK_MCP_URL : undefined;
}

/**
 * The headers every HTTP request to a target carries: the target's configured headers, with
 * `${VAR}` taken from the environment (and kept out of reports), then the identity's credential.
 */
export function requestHeaders(target: TargetSpec, credentials: Credentials): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(target.headers ?? {})) {
    headers[name] = value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, variable: string) => {
      const set = process.env[variable];
      if (set === undefined)
        throw new HarnessError(
          'CONFIG_INVALID',
          `header "${name}" of target ${target.name} names \${${variable}}, which is not set; export it or change the header`,
        );
      registerSecret(set);
      return set;
    });
  }
  const auth = authorizationHeader(credentials);
  if (auth) headers.authorization = auth;
  return headers;
}

async function httpTransport(target: TargetSpec, options: ConnectOptions): Promise<Transport> {
  const url = options.url ?? mcpUrlOf(target);
  if (!url) throw new HarnessError('TARGET_UNRESOLVED', `target ${target.name} has no MCP URL`);
  const requestInit = { headers: requestHeaders(target, options.credentials) };
  const base = sessionFetch(options.fetch);
  if (options.credentials.kind !== 'oauth')
    return new StreamableHTTPClientTransport(url, { requestInit, fetch: base });
  // OAuth: the SDK attaches the token and runs discovery; the harness client also answers expiry
  // (single-flight refresh, one retry) and missing scopes (step-up) in front of it.
  const { provider, client } = options.credentials;
  const counted = countingTokenRequests(provider.stats, base);
  if (!provider.tokens()) await signIn(provider, url, counted);
  return new StreamableHTTPClientTransport(url, {
    requestInit,
    authProvider: provider,
    fetch: client === 'harness' ? harnessAuthFetch(provider, url, counted) : counted,
  });
}

registerTransport('rovo-mock', httpTransport);
registerTransport('rovo-live', httpTransport);
registerTransport('http', httpTransport);
registerTransport('legacy-mock', legacyMockTransport);
registerTransport('stdio', stdioTransport);
registerTransport('container', async (target, options) =>
  httpTransport(target, {
    ...options,
    url: options.url ?? (await containerEndpoint(target, options.credentials)),
  }),
);

/** A transport that can say why its server went away (a spawned server's stderr). */
interface Diagnosable {
  diagnostics(): string;
}
const isDiagnosable = (t: object): t is Diagnosable =>
  'diagnostics' in t && typeof t.diagnostics === 'function';

/** Keeps an identity's secret out of every report. */
export function registerCredentials(credentials: Credentials): void {
  if (credentials.kind === 'basic') registerSecret(credentials.apiToken);
  if (credentials.kind === 'bearer') registerSecret(credentials.token);
}

/** An MCP client connected to a target, closed by `await using`. */
export class Session implements AsyncDisposable {
  private listed: Promise<ReadonlySet<string>> | undefined;

  constructor(
    readonly target: TargetSpec,
    readonly client: Client,
    readonly transport: RecordingTransport,
    readonly requestTimeoutMs: number,
    private readonly calls?: CallHook,
  ) {}

  get frames(): readonly RecordedFrame[] {
    return this.transport.frames;
  }

  /** What the transport received and dropped as not JSON-RPC. */
  get dropped(): readonly string[] {
    return this.transport.dropped;
  }

  /** The protocol revision negotiated at initialize. */
  get protocolVersion(): string | undefined {
    return this.transport.protocolVersion;
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
    await this.calls?.before(name, args);
    const result = CallToolResultSchema.parse(
      await this.client.callTool({ name, arguments: args }, CallToolResultSchema, {
        timeout: this.requestTimeoutMs,
      }),
    );
    await this.calls?.after(name, args, result);
    return result;
  }

  /**
   * Checks written against Rovo's tools run unchanged on targets of other dialects: a Rovo tool such a
   * target does not list makes the check `unsupported`, with the reason, instead of a failed call. A
   * target that turns out to speak Rovo answers for itself: its scopes may hide the tool on purpose.
   */
  private async requireListed(name: string): Promise<void> {
    this.listed ??= this.listToolNames().then((names) => new Set(names));
    const listed = await this.listed;
    if (!listed.has(name) && !(this.target.dialect === 'auto' && speaksRovo(listed)))
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
  registerCredentials(options.credentials);
  const inner = await factory(target, options);
  const transport = new RecordingTransport(inner, {
    ...(options.observe ? { observer: options.observe } : {}),
    ...(options.protocolVersion ? { requestVersion: options.protocolVersion } : {}),
  });
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
  return new Session(target, client, transport, options.requestTimeoutMs, options.calls);
}
