import { ClientRegistry } from '../../atlassian/oauth/clients.ts';
import { oauthError, oauthJson } from '../../atlassian/oauth/respond.ts';
import { handleRevocation, handleTokenRequest } from '../../atlassian/oauth/token-endpoint.ts';
import type { TokenService } from '../../atlassian/oauth/tokens.ts';
import type { SiteStore } from '../../atlassian/store.ts';
import type { CloudOrigins } from '../../atlassian/origins.ts';
import { V1_SCOPES, V2_SCOPES } from '../auth/scopes.ts';
import type { AuthProfile } from '../profile/auth.ts';
import { handleAuthorize } from './authorize.ts';
import { AUDIENCE, type AuthorizationServer, PRM_PREFIX, authorizationServers } from './endpoints.ts';
import { authorizationServerMetadata, protectedResourceMetadata } from './metadata.ts';

export interface AuthorizationDeps {
  store: SiteStore;
  tokens: TokenService;
  origins: CloudOrigins;
  auth: () => AuthProfile;
  /** Whether the gen-2 server takes client ID metadata documents (the v2 profile decides; default no). */
  metadataDocuments?: () => boolean;
}

type Route = (request: Request) => Response | Promise<Response>;

/**
 * The authorization side of the fake cloud: gen-1 (on mcp.atlassian.com, serving `/v1/mcp` when the
 * profile says so) and gen-2 (Atlassian Identity, serving `/v1/mcp/authv2` always and `/v1/mcp` on
 * gen2 profiles, whose `/oauth/token` is also the 3LO token endpoint REST callers use). Routes are
 * rebuilt from the live settings on each request, so a check may switch consent or the quirk.
 */
export class RovoAuthorization {
  readonly clients: ClientRegistry;

  constructor(private readonly deps: AuthorizationDeps) {
    this.clients = new ClientRegistry(() => deps.store.now().getTime());
  }

  /** Both authorization servers as the current settings place them. */
  servers(): Record<'gen1' | 'gen2', AuthorizationServer> {
    return authorizationServers(this.deps.origins, this.deps.auth());
  }

  handles(path: string): boolean {
    return this.routes().has(path);
  }

  async handle(request: Request): Promise<Response> {
    const route = this.routes().get(new URL(request.url).pathname);
    return route ? route(request) : oauthError(404, 'not_found', 'No such authorization endpoint');
  }

  private routes(): Map<string, Route> {
    const { tokens, store, origins } = this.deps;
    const auth = this.deps.auth();
    const { gen1, gen2 } = this.servers();
    const mcp = origins.mcp;
    const get =
      (body: () => unknown): Route =>
      (request) =>
        request.method === 'GET' ? oauthJson(200, body()) : oauthError(405, 'invalid_request', 'GET only');
    const authorize = (
      server: AuthorizationServer,
      scopes: readonly string[],
      resources: string[],
    ): Route => {
      const audience = AUDIENCE[server.generation];
      return (request) =>
        handleAuthorize(request, {
          server,
          tokens,
          clients: this.clients,
          store,
          auth,
          audience,
          scopes,
          resources,
        });
    };
    const routes = new Map<string, Route>();

    // gen-2: Atlassian Identity, tenant-path issuer, metadata in both fetch forms.
    const gen2Resources = [`${mcp}/v1/mcp/authv2`, `${mcp}/`];
    routes.set(
      `${PRM_PREFIX}/v1/mcp/authv2`,
      get(() => protectedResourceMetadata(`${mcp}/v1/mcp/authv2`, gen2)),
    );
    if (auth.generation === 'gen2') {
      gen2Resources.push(`${mcp}/v1/mcp`);
      routes.set(
        `${PRM_PREFIX}/v1/mcp`,
        get(() => protectedResourceMetadata(`${mcp}/v1/mcp`, gen2)),
      );
      routes.set(
        PRM_PREFIX,
        get(() => protectedResourceMetadata(`${mcp}/`, gen2)),
      );
    }
    const gen2Metadata = get(() => ({
      ...authorizationServerMetadata(gen2),
      ...(this.deps.metadataDocuments?.() ? { client_id_metadata_document_supported: true } : {}),
    }));
    routes.set(`/.well-known/oauth-authorization-server/${auth.tenant}`, gen2Metadata);
    routes.set(`/${auth.tenant}/.well-known/oauth-authorization-server`, gen2Metadata);
    routes.set('/authorize', authorize(gen2, V2_SCOPES, gen2Resources));
    routes.set('/oauth/token', (r) =>
      handleTokenRequest(tokens, r, {
        invalidGrantStatus: 403,
        clients: this.clients,
        unknownClients: 'allow',
      }),
    );
    routes.set(`/${auth.tenant}/dcr/register`, (r) => this.clients.handleRegistration(r));
    routes.set('/oauth/revoke', (r) => handleRevocation(tokens, this.clients, r));

    // gen-1: only while `/v1/mcp` speaks it; no protected-resource metadata, metadata at the origin.
    if (auth.generation === 'gen1') {
      routes.set(
        '/.well-known/oauth-authorization-server',
        get(() => authorizationServerMetadata(gen1)),
      );
      routes.set('/v1/authorize', authorize(gen1, V1_SCOPES, [`${mcp}/v1/mcp`, `${mcp}/`]));
      routes.set('/v1/token', (r) =>
        handleTokenRequest(tokens, r, {
          invalidGrantStatus: 400,
          clients: this.clients,
          unknownClients: 'refuse',
        }),
      );
      routes.set('/v1/register', (r) => this.clients.handleRegistration(r));
    }
    return routes;
  }
}
