import { randomBytes } from 'node:crypto';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import type { CloudOrigins } from '../../atlassian/origins.ts';
import type { SiteStore } from '../../atlassian/store.ts';
import type { Authenticator } from '../auth/api-token.ts';
import { MockHooks } from '../hooks.ts';
import { PRM_PREFIX } from '../oauth/endpoints.ts';
import { loadOperationCatalogue, type OperationCatalogue } from './catalogue/load.ts';
import { buildDiscoverIndex, type DiscoverIndex } from './discover/match.ts';
import { asksForV2, handleV2Authorize, type V2AuthorizeDeps } from './authorize.ts';
import { V2_PATH, type V2AuthOutcome, v2Resource } from './auth.ts';
import { type V2Caller, endpointMode, groupsOf } from './server/caller.ts';
import { createV2Server } from './server/server.ts';
import { V2Surface } from './server/surface.ts';
import { v2ProtectedResourceMetadata } from './metadata.ts';
import type { V2Profile } from './profile/schema.ts';

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
  /** What `/authorize?resource=<v2>` needs; without it only API tokens reach /v2/mcp. */
  authorize?: V2AuthorizeDeps;
}

interface Session {
  transport: WebStandardStreamableHTTPServerTransport;
  server: Server;
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

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
  readonly sessions = new Map<string, Session>();
  /** Fault injection (HTTP, frames, tool calls), as on the v1 mock. */
  readonly hooks = new MockHooks();
  private readonly index: DiscoverIndex;

  constructor(private readonly options: RovoV2MockOptions) {
    this.store = options.store;
    this.profile = structuredClone(options.profile);
    this.catalogue = options.catalogue ?? loadOperationCatalogue();
    this.index = buildDiscoverIndex(this.catalogue.operations);
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
    return this.hooks.runHttp(request, (r) => this.route(r));
  }

  private async route(request: Request): Promise<Response> {
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
    const sid = request.headers.get('mcp-session-id');
    if (sid !== null) {
      const session = this.sessions.get(sid);
      if (!session)
        return json(404, { jsonrpc: '2.0', error: { code: -32001, message: 'Session not found' }, id: null });
      return session.transport.handleRequest(request, { authInfo });
    }
    if (request.method !== 'POST')
      return json(400, {
        jsonrpc: '2.0',
        error: { code: -32000, message: 'Bad Request: Mcp-Session-Id header is required' },
        id: null,
      });
    return this.openSession(request, authInfo);
  }

  /** /v2/mcp's own front door; a cutover v1 path keeps that path's credentials and challenge. */
  private async authenticate(request: Request, path: string): Promise<V2AuthOutcome> {
    if (!(CUTOVER_PATHS as readonly string[]).includes(path)) return this.options.authenticate(request);
    const v1 = await this.options.authenticateV1(request, path);
    if (!v1.ok) return v1;
    const user = this.store.users.get(v1.accountId);
    return { ok: true, user, scopes: v1.scopes, twgOnly: v1.via === 'classic-token', token: v1.token };
  }

  private async openSession(request: Request, authInfo: AuthInfo): Promise<Response> {
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
    const transport: WebStandardStreamableHTTPServerTransport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: () => randomBytes(32).toString('hex'),
      onsessioninitialized: (id) => {
        this.sessions.set(id, { transport, server });
      },
      onsessionclosed: (id) => {
        this.sessions.delete(id);
      },
    });
    await server.connect(transport);
    this.hooks.attachFrames(transport, async () => {
      const id = transport.sessionId;
      if (id !== undefined) this.sessions.delete(id);
      await server.close();
    });
    return transport.handleRequest(request, { authInfo });
  }

  async close(): Promise<void> {
    const sessions = [...this.sessions.values()];
    this.sessions.clear();
    await Promise.all(sessions.map((s) => s.server.close()));
  }
}
