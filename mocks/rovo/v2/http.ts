import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import type { CloudOrigins } from '../../atlassian/origins.ts';
import { RateLimiter, type RateLimits } from '../../atlassian/rate-limiter.ts';
import type { SiteStore } from '../../atlassian/store.ts';
import type { Authenticator } from '../auth/api-token.ts';
import { MockHooks } from '../hooks.ts';
import {
  admitToolCalls,
  endAllSessions,
  type HttpExchange,
  json,
  type McpSession,
  openSession,
  recordExchange,
  routeToSession,
} from '../sessions.ts';
import { PRM_PREFIX } from '../oauth/endpoints.ts';
import { NO_RATE_LIMITS } from '../profile/rate-limits.ts';
import { loadOperationCatalogue, type OperationCatalogue } from './catalogue/load.ts';
import { buildDiscoverIndex, type DiscoverIndex } from './discover/match.ts';
import { asksForV2, handleV2Authorize, type V2AuthorizeDeps } from './authorize.ts';
import { V2_PATH, type V2AuthOutcome, v2Resource } from './auth.ts';
import { type V2Caller, endpointMode, groupsOf } from './server/caller.ts';
import { createV2Server } from './server/server.ts';
import { V2Surface } from './server/surface.ts';
import { v2ProtectedResourceMetadata } from './metadata.ts';
import type { V2Profile } from './profile/schema.ts';
import { pinProtocolVersion } from './server/protocol-version.ts';

/** The v1 paths the v2 surface takes over at the cutover (Q24 v2-surface). */
export const CUTOVER_PATHS = ['/v1/mcp', '/v1/mcp/authv2'] as const;

export interface RovoV2MockOptions {
  store: SiteStore;
  profile: V2Profile;
  origins: CloudOrigins;
  /** Authenticates /v2/mcp (auth.ts). */
  authenticate: (request: Request) => V2AuthOutcome;
  /** The v1 front door, which keeps guarding the v1 paths after the cutover. */
  authenticateV1: Authenticator;
  /** The authorization server the PRM names (the authv2 tenant issuer). */
  authorizationServer: () => string;
  catalogue?: OperationCatalogue;
  /** Tool-call limits per account; v2 publishes none, so the cloud passes v1's (assumed alike). */
  rateLimits?: RateLimits;
  /** What `/authorize?resource=<v2>` needs; without it only API tokens reach /v2/mcp. */
  authorize?: V2AuthorizeDeps;
}

/**
 * The mock of `https://mcp.atlassian.com/v2/mcp` over the same site as the v1 mock: its own
 * protected-resource metadata and challenge, per-session MCP servers listing the v2 surface, and, on a
 * cutover profile, the v1 paths too. Web-standard Request/Response, so every mount serves it.
 */
export class RovoV2Mock {
  readonly store: SiteStore;
  /** This cloud's own copy of the v2 profile: variants and checks may change answers (a new session sees them). */
  readonly profile: V2Profile;
  readonly catalogue: OperationCatalogue;
  readonly sessions = new Map<string, McpSession>();
  /** The latest RECORDED_EXCHANGES exchanges, oldest first, as on the v1 mock. */
  readonly recorded: HttpExchange[] = [];
  /** Limits tool calls per account, as on the v1 mock (a check or a bench may replace it). */
  limiter: RateLimiter;
  /** Fault injection (HTTP, frames, tool calls), as on the v1 mock. */
  readonly hooks = new MockHooks();
  private readonly index: DiscoverIndex;

  constructor(private readonly options: RovoV2MockOptions) {
    this.store = options.store;
    this.profile = structuredClone(options.profile);
    this.catalogue = options.catalogue ?? loadOperationCatalogue();
    this.index = buildDiscoverIndex(this.catalogue.operations);
    this.limiter = new RateLimiter(options.rateLimits ?? NO_RATE_LIMITS);
  }

  /** The surface the current profile answers (rebuilt per session, so a changed answer takes effect). */
  surface(): V2Surface {
    return new V2Surface(this.catalogue, this.profile);
  }

  handles(request: Request): boolean {
    const url = new URL(request.url);
    const path = url.pathname;
    if (this.options.authorize && asksForV2(url, v2Resource(this.options.origins))) return true;
    if (path === V2_PATH || path === `${V2_PATH}/` || path === `${PRM_PREFIX}${V2_PATH}`) return true;
    return this.profile.answers.Q24 === 'v2-surface' && (CUTOVER_PATHS as readonly string[]).includes(path);
  }

  async handle(request: Request): Promise<Response> {
    return recordExchange(this.recorded, request, (exchange) =>
      this.hooks.runHttp(request, (r) => this.route(r, exchange)),
    );
  }

  private async route(request: Request, exchange: HttpExchange): Promise<Response> {
    const url = new URL(request.url);
    if (this.options.authorize && asksForV2(url, v2Resource(this.options.origins)))
      return handleV2Authorize(request, v2Resource(this.options.origins), this.options.authorize);
    if (url.pathname === `${PRM_PREFIX}${V2_PATH}`)
      return request.method === 'GET'
        ? json(
            200,
            v2ProtectedResourceMetadata(v2Resource(this.options.origins), this.options.authorizationServer()),
          )
        : json(405, { error: 'invalid_request', error_description: 'GET only' });
    const outcome = await this.authenticate(request, url.pathname);
    if (!outcome.ok) return outcome.response;
    const caller: V2Caller = {
      user: outcome.user,
      granted: groupsOf(outcome.scopes),
      twgOnly: outcome.twgOnly,
      ...endpointMode(url),
    };
    const authInfo: AuthInfo = {
      token: outcome.token,
      clientId: 'rovo-v2',
      scopes: [...(outcome.scopes ?? [])],
      extra: { caller },
    };
    const accountId = outcome.user?.accountId ?? 'anonymous';
    exchange.accountId = accountId;
    return admitToolCalls(this.limiter, exchange, accountId, () =>
      routeToSession(request, this.sessions, authInfo, () => this.openSession(request, authInfo)),
    );
  }

  /** /v2/mcp's own front door; a cutover v1 path keeps that path's credentials and challenge. */
  private async authenticate(request: Request, path: string): Promise<V2AuthOutcome> {
    if (!(CUTOVER_PATHS as readonly string[]).includes(path)) return this.options.authenticate(request);
    const v1 = await this.options.authenticateV1(request, path);
    if (!v1.ok) return v1;
    const user = this.store.users.get(v1.accountId);
    return { ok: true, user, scopes: v1.scopes, twgOnly: v1.via === 'classic-token', token: v1.token };
  }

  private openSession(request: Request, authInfo: AuthInfo): Promise<Response> {
    const server = createV2Server({
      store: this.store,
      surface: () => this.surface(),
      index: this.index,
      callerOf: (info) => {
        const caller = info?.extra?.caller as V2Caller | undefined;
        if (!caller) throw new Error('request reached the v2 MCP server without an authenticated caller');
        return caller;
      },
      beforeCall: (tool, signal) => this.hooks.runCalls(tool, signal),
    });
    const fixed = this.profile.answers.Q19 === 'fixed-2024-11-05';
    return openSession(request, authInfo, {
      server,
      sessions: this.sessions,
      hooks: this.hooks,
      ...(fixed ? { connected: (transport) => pinProtocolVersion(transport, '2024-11-05') } : {}),
    });
  }

  async close(): Promise<void> {
    await endAllSessions(this.sessions);
  }
}
