import type { ClientRegistry } from '../../atlassian/oauth/clients.ts';
import { oauthError } from '../../atlassian/oauth/respond.ts';
import type { TokenService } from '../../atlassian/oauth/tokens.ts';
import type { SiteStore } from '../../atlassian/store.ts';
import { handleAuthorize } from '../oauth/authorize.ts';
import type { AuthorizationServer } from '../oauth/endpoints.ts';
import type { AuthProfile } from '../profile/auth.ts';
import { V2_RESOURCE_SCOPES } from './metadata.ts';
import type { V2Profile } from './profile/schema.ts';

export interface V2AuthorizeDeps {
  store: SiteStore;
  tokens: TokenService;
  clients: ClientRegistry;
  auth: () => AuthProfile;
  /** The authv2 authorization server (the v2 PRM names the same tenant issuer). */
  server: () => AuthorizationServer;
  profile: () => V2Profile;
}

const LOOPBACK = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//i;

/** Whether `/authorize` asks for the v2 resource (RFC 8707 `resource`, no query string). */
export function asksForV2(url: URL, resource: string): boolean {
  return url.pathname === '/authorize' && url.searchParams.get('resource') === resource;
}

/**
 * `/authorize` for `resource=<mcp>/v2/mcp`: the same consent stand-in as authv2, issuing codes whose
 * tokens are for the v2 resource and its 38 scopes. Q15 exact: a dynamically registered client whose
 * redirect is a loopback address is refused `unauthorized_client` on Atlassian's error page (I246);
 * the mock has no CIMD clients, so every client it knows was registered dynamically.
 */
export function handleV2Authorize(request: Request, resource: string, deps: V2AuthorizeDeps): Response {
  const redirect = new URL(request.url).searchParams.get('redirect_uri') ?? '';
  if (deps.profile().answers.Q15 === 'exact' && LOOPBACK.test(redirect))
    return oauthError(400, 'unauthorized_client', `redirect_uri is not registered for client: ${redirect}`);
  return handleAuthorize(request, {
    server: deps.server(),
    tokens: deps.tokens,
    clients: deps.clients,
    store: deps.store,
    auth: deps.auth(),
    audience: resource,
    scopes: V2_RESOURCE_SCOPES,
    resources: [resource],
  });
}
