// Plugs the custom-field types into the Jira field registry.
import './atlassian/jira/fields/custom/index.ts';
import { loadSiteSeed } from './atlassian/seed/load.ts';
import type { SiteSeed } from './atlassian/seed/schema.ts';
import { type Clock, SiteStore } from './atlassian/store.ts';
import { loadProfile } from './rovo/profile/load.ts';
import type { Profile } from './rovo/profile/schema.ts';
import { type AuthProfile, accessTtlMs } from './rovo/profile/auth.ts';
import { RovoMock, type RovoMockOptions } from './rovo/http.ts';
import { rovoAuthenticator } from './rovo/auth/authenticate.ts';
import { IP_NOT_ALLOWED } from './rovo/auth/api-token.ts';
import { forbidden } from './rovo/auth/challenge.ts';
import { RovoToolError } from './rovo/tools/define.ts';
import { RovoAuthorization } from './rovo/oauth/servers.ts';
import { RovoV2Mock } from './rovo/v2/http.ts';
import { v2Authenticator } from './rovo/v2/auth.ts';
import { loadV2Profile, parseV2Profile } from './rovo/v2/profile/load.ts';
import type { V2Profile } from './rovo/v2/profile/schema.ts';
import type { MetadataFetch } from './rovo/v2/cimd.ts';
import { RestApi } from './atlassian/rest/router.ts';
import { rateLimitInterceptor } from './atlassian/rest/rate-limit.ts';
import { RateLimiter, type RateLimits } from './atlassian/rate-limiter.ts';
import { ATLASSIAN_POLICY, TokenService } from './atlassian/oauth/tokens.ts';
import { type CloudOrigins, REAL_ORIGINS } from './atlassian/origins.ts';

export { type CloudOrigins, REAL_ORIGINS, loopbackOrigins } from './atlassian/origins.ts';

export interface CloudOptions {
  /** A fixture name under fixtures/sites, or an already parsed seed. */
  site?: string | SiteSeed;
  /** A profile name under fixtures/profiles, or a parsed profile. */
  profile?: string | Profile;
  /** A v2 profile name under fixtures/rovo-v2/profiles, or a parsed one (default: default). */
  v2Profile?: string | V2Profile;
  clock?: Clock;
  /** Where the cloud is reachable; default the real hosts (msw). A loopback mount passes its own. */
  origins?: CloudOrigins;
  /**
   * How the authorization server fetches a client ID metadata document (an https client_id). None by
   * default: the mock then refuses such clients rather than reach the network; tests pass msw's fetch.
   */
  fetchClientMetadata?: MetadataFetch;
  /** Replaces parts of the Rovo mock (authentication, tool visibility, call hooks); variants use it. */
  rovo?: Partial<Omit<RovoMockOptions, 'store' | 'profile'>>;
}

/**
 * One fake Atlassian cloud: the site store, the Rovo MCP mock and the REST API over the same data.
 * Routing is by path alone, so the same object serves msw (real hosts) and a single loopback port.
 */
export class FakeCloud {
  readonly store: SiteStore;
  readonly profile: Profile;
  readonly rovo: RovoMock;
  /** The v2 endpoint (/v2/mcp, and the v1 paths on a cutover profile) over the same store. */
  readonly rovoV2: RovoV2Mock;
  readonly rest: RestApi;
  /** Atlassian's identity service: 3LO tokens for REST callers (legacy servers), OAuth for the MCP mock. */
  readonly tokens: TokenService;
  /** Both authorization servers (gen-1 and authv2), their client registry and metadata. */
  readonly oauth: RovoAuthorization;
  readonly origins: CloudOrigins;
  /**
   * This cloud's own copy of the profile's auth settings, which a check (through `ctx.mock`) or a
   * variant may change: consent, the admin's API-token switch, the issuer quirk. Token lifetimes are
   * read once into `tokens.policy`; change them there.
   */
  readonly auth: AuthProfile;
  private restLimiter: RateLimiter;

  constructor(options: CloudOptions = {}) {
    const seed = typeof options.site === 'object' ? options.site : loadSiteSeed(options.site ?? 'default');
    this.profile =
      typeof options.profile === 'object' ? options.profile : loadProfile(options.profile ?? 'default');
    this.store = new SiteStore(seed, options.clock);
    this.origins = options.origins ?? REAL_ORIGINS(seed.site.host);
    this.auth = structuredClone(this.profile.auth);
    this.tokens = new TokenService(() => this.store.now(), {
      ...ATLASSIAN_POLICY,
      accessTtlMs: accessTtlMs(this.auth),
      refreshIdleTtlMs: this.auth.refreshIdleTtlMs,
      reuseLeewayMs: this.auth.refreshReuseLeewayMs,
      format: this.auth.generation === 'gen1' ? 'gen1' : 'opaque',
    });
    const deps = { store: this.store, tokens: this.tokens, origins: this.origins, auth: () => this.auth };
    this.oauth = new RovoAuthorization({
      ...deps,
      metadataDocuments: () => this.rovoV2.profile.clientIdMetadataDocuments === 'supported',
    });
    const beforeCall = options.rovo?.beforeCall;
    this.rovo = new RovoMock({
      store: this.store,
      profile: this.profile,
      authenticate: rovoAuthenticator(deps),
      ...options.rovo,
      beforeCall: async (tool, caller, signal) => {
        // A caller outside the IP allowlist may still search (#121); every other tool is refused.
        if (this.auth.ipAllowlist === 'blocks-caller' && !/^search/.test(tool))
          throw new RovoToolError(IP_NOT_ALLOWED);
        await beforeCall?.(tool, caller, signal);
      },
    });
    const v2Profile =
      typeof options.v2Profile === 'object'
        ? parseV2Profile(options.v2Profile, 'the v2Profile option')
        : loadV2Profile(options.v2Profile ?? 'default');
    this.rovoV2 = new RovoV2Mock({
      store: this.store,
      profile: v2Profile,
      origins: this.origins,
      rateLimits: this.profile.rateLimits,
      authenticate: v2Authenticator({ ...deps, profile: () => this.rovoV2.profile }),
      authenticateV1: (request, path) => this.rovo.authenticate(request, path),
      authorizationServer: () => this.oauth.servers().gen2.url,
      authorize: {
        store: this.store,
        tokens: this.tokens,
        clients: this.oauth.clients,
        auth: () => this.auth,
        server: () => this.oauth.servers().gen2,
        profile: () => this.rovoV2.profile,
        ...(options.fetchClientMetadata ? { fetchMetadata: options.fetchClientMetadata } : {}),
      },
    });
    this.rest = new RestApi(this.store);
    this.restLimiter = new RateLimiter(this.profile.rateLimits);
    this.rest.interceptors.push(rateLimitInterceptor(() => this.restLimiter));
    this.rest.bearer = (token) => {
      const check = this.tokens.verifyAccess(token);
      return check.ok ? { accountId: check.grant.accountId, scopes: check.grant.scopes } : undefined;
    };
  }

  /** Puts both MCP endpoints and the REST API under these limits from now on (a storm check, a bench). */
  limitRate(limits: RateLimits): void {
    this.rovo.limiter = new RateLimiter(limits);
    this.rovoV2.limiter = new RateLimiter(limits);
    this.restLimiter = new RateLimiter(limits);
  }

  handle = async (request: Request): Promise<Response> => {
    const path = new URL(request.url).pathname;
    if (
      this.auth.ipAllowlist === 'blocks-caller' &&
      (this.auth.ipAllowlistScope === 'every-request' ||
        !this.rovo.handles(path) ||
        this.rovoV2.handles(request))
    )
      return forbidden(IP_NOT_ALLOWED);
    if (this.rovoV2.handles(request)) return this.rovoV2.handle(request);
    if (this.rovo.handles(path)) return this.rovo.handle(request);
    if (this.oauth.handles(path)) return this.oauth.handle(request);
    if (this.rest.handles(path)) return this.rest.handle(request);
    return new Response(JSON.stringify({ error: 'not_found', path }), {
      status: 404,
      headers: { 'content-type': 'application/json' },
    });
  };

  async close(): Promise<void> {
    await this.rovo.close();
    await this.rovoV2.close();
  }
}
