import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import { RateLimiter } from '../atlassian/rate-limiter.ts';
import type { SiteStore } from '../atlassian/store.ts';
import { ANONYMOUS_USER, type Authenticator } from './auth/api-token.ts';
import { type ToolCaller, visibleTools } from './auth/scopes.ts';
import { MockHooks } from './hooks.ts';
import type { Profile } from './profile/schema.ts';
import { type RovoCaller, createRovoServer } from './server.ts';
import { rovoTools } from './tools/index.ts';
import type { RovoTool } from './tools/define.ts';
import {
  admitToolCalls,
  endAllSessions,
  endSession,
  type HttpExchange,
  json,
  type McpSession,
  openSession,
  recordExchange,
  routeToSession,
} from './sessions.ts';

export { type HttpExchange, RECORDED_EXCHANGES } from './sessions.ts';

/** MCP endpoints of the v1 generation. */
export const MCP_PATHS = ['/v1/mcp', '/v1/mcp/authv2'] as const;

export interface RovoMockOptions {
  store: SiteStore;
  profile: Profile;
  authenticate: Authenticator;
  /** Tools a caller sees; default: `visibleTools` (scopes, classic tokens). */
  toolsFor?: (caller: ToolCaller, all: readonly RovoTool[]) => RovoTool[];
  beforeCall?: (tool: string, caller: RovoCaller, signal: AbortSignal) => Promise<void> | void;
}

/**
 * The `?capabilities=READ_JIRA,SEARCH_JIRA` toolset filter of v1 (atlassian-mcp-server#11, PR #123):
 * only the tools of the named permission groups, plus the shared ones (assumed: they belong to none).
 * Names that are no group of the mock are ignored.
 */
function toolsets(url: URL, tools: RovoTool[]): RovoTool[] {
  const asked = url.searchParams.get('capabilities');
  if (asked === null) return tools;
  const groups = new Set(asked.split(',').map((c) => c.trim().toLowerCase()));
  return tools.filter((t) => t.group === 'shared' || groups.has(t.group));
}

/**
 * The mock of `https://mcp.atlassian.com/v1/mcp`: authentication, sessions (64-hex ids, 400 without
 * one, 404 once gone), and a per-session MCP server. It speaks only web-standard Request/Response,
 * so msw, a custom fetch and a loopback port can all mount it.
 */
export class RovoMock {
  readonly store: SiteStore;
  readonly profile: Profile;
  readonly sessions = new Map<string, McpSession>();
  /** The latest RECORDED_EXCHANGES exchanges, oldest first. */
  readonly recorded: HttpExchange[] = [];
  /** Public so a broken variant can wrap it (accept what it should refuse, drop a challenge header...). */
  authenticate: Authenticator;
  /** Limits tool calls per account (the profile's `rateLimits`; a check may replace it). */
  limiter: RateLimiter;
  /** Fault injection (HTTP, JSON-RPC frames, tool calls): empty unless a variant or a check adds some. */
  readonly hooks = new MockHooks();
  private readonly options: RovoMockOptions;
  private readonly patches = new Map<string, (tool: RovoTool) => RovoTool>();

  constructor(options: RovoMockOptions) {
    this.options = options;
    this.store = options.store;
    this.profile = options.profile;
    this.authenticate = options.authenticate;
    this.limiter = new RateLimiter(options.profile.rateLimits);
  }

  handles(path: string): boolean {
    return (MCP_PATHS as readonly string[]).includes(path);
  }

  async handle(request: Request): Promise<Response> {
    return recordExchange(this.recorded, request, (exchange) =>
      this.hooks.runHttp(request, (r) => this.route(r, exchange.path, exchange)),
    );
  }

  private async route(request: Request, path: string, exchange: HttpExchange): Promise<Response> {
    if (request.method === 'OPTIONS') return this.preflight();
    const auth = await this.authenticate(request, path);
    if (!auth.ok) return auth.response;
    exchange.accountId = auth.accountId;
    const user = auth.via === 'anonymous' ? ANONYMOUS_USER : this.store.users.get(auth.accountId);
    if (!user) return json(401, { error: 'invalid_token', error_description: 'Unknown account' });
    const all = rovoTools(this.profile).map((t) => this.patches.get(t.name)?.(t) ?? t);
    const toolsFor = this.options.toolsFor ?? visibleTools;
    const tools = toolsets(
      new URL(request.url),
      toolsFor({ accountId: user.accountId, scopes: auth.scopes, via: auth.via }, all),
    );
    if (auth.insufficientScope) {
      // A tool the token's scopes do not cover: the step-up challenge, before any session work.
      const denied = all.find((t) => !tools.includes(t) && exchange.rpc.includes(`tools/call:${t.name}`));
      if (denied) return auth.insufficientScope(denied);
    }
    const caller: RovoCaller = { user, tools };
    const authInfo: AuthInfo = {
      token: auth.token,
      clientId: auth.clientId,
      scopes: [...(auth.scopes ?? [])],
      extra: { caller },
    };

    return admitToolCalls(this.limiter, exchange, user.accountId, () =>
      routeToSession(request, this.sessions, authInfo, () =>
        this.openSession(request, authInfo, user.accountId),
      ),
    );
  }

  private openSession(request: Request, authInfo: AuthInfo, accountId: string): Promise<Response> {
    const server = createRovoServer({
      store: this.store,
      profile: this.profile,
      callerOf: (info) => {
        const caller = info?.extra?.caller as RovoCaller | undefined;
        if (!caller) throw new Error('request reached the MCP server without an authenticated caller');
        return caller;
      },
      beforeCall: async (tool, caller, signal) => {
        await this.options.beforeCall?.(tool, caller, signal);
        await this.hooks.runCalls(tool, signal);
      },
    });
    return openSession(request, authInfo, {
      server,
      sessions: this.sessions,
      hooks: this.hooks,
      accountId,
      json: this.profile.responseFraming === 'json',
    });
  }

  private preflight(): Response {
    return new Response(null, {
      status: 204,
      headers: {
        'access-control-allow-origin': '*',
        'access-control-allow-methods': 'GET, POST, OPTIONS',
        'access-control-allow-headers': 'Content-Type, mcp-session-id',
        'access-control-expose-headers': 'mcp-session-id',
        'access-control-max-age': '86400',
      },
    });
  }

  /** Replaces a tool's behaviour (broken variants); the wrapper gets the healthy tool. */
  patchTool(name: string, wrap: (tool: RovoTool) => RovoTool): void {
    if (!rovoTools(this.profile).some((t) => t.name === name)) throw new Error(`no tool ${name} to patch`);
    this.patches.set(name, wrap);
  }

  /** Ends one session server-side; its id is answered 404 from then on. */
  endSession(id: string | undefined): Promise<void> {
    return endSession(this.sessions, id);
  }

  /** Ends every session server-side, as an expiry or a deploy would; clients then get 404. */
  killSessions(): Promise<void> {
    return endAllSessions(this.sessions);
  }

  async close(): Promise<void> {
    await this.killSessions();
  }
}
