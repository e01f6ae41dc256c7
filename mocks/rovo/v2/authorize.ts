import type { ClientRegistry } from '../../atlassian/oauth/clients.ts';
import { oauthError } from '../../atlassian/oauth/respond.ts';
import type { TokenService } from '../../atlassian/oauth/tokens.ts';
import type { SiteStore } from '../../atlassian/store.ts';
import { handleAuthorize } from '../oauth/authorize.ts';
import type { AuthorizationServer } from '../oauth/endpoints.ts';
import type { AuthProfile } from '../profile/auth.ts';
import {
  ClientMetadataError,
  fetchMetadataClient,
  isMetadataDocumentId,
  type MetadataFetch,
} from './cimd.ts';
import { V2_RESOURCE_SCOPES } from './metadata.ts';
import type { V2Profile } from './profile/schema.ts';
import { redirectVerdict } from './redirects.ts';

export interface V2AuthorizeDeps {
  store: SiteStore;
  tokens: TokenService;
  clients: ClientRegistry;
  auth: () => AuthProfile;
  /** The authv2 authorization server (the v2 PRM names the same tenant issuer). */
  server: () => AuthorizationServer;
  profile: () => V2Profile;
  /** How client ID metadata documents are fetched; without it they are refused, never fetched from the network. */
  fetchMetadata?: MetadataFetch;
}

/** The error page Atlassian shows for a redirect a metadata document does not list (T-CP #4926). */
export const CALLBACK_INVALID =
  "The app's callback URL is invalid. Contact the app developer to fix the redirect URL in the app's settings.";

/** Whether `/authorize` asks for the v2 resource (RFC 8707 `resource`, no query string). */
export function asksForV2(url: URL, resource: string): boolean {
  return url.pathname === '/authorize' && url.searchParams.get('resource') === resource;
}

/**
 * `/authorize` for `resource=<mcp>/v2/mcp`: the same consent stand-in as authv2, issuing codes whose
 * tokens are for the v2 resource and its 38 scopes. A client_id that is an https URL is a client ID
 * metadata document, fetched and checked (while the profile supports them); Q15 decides which redirect
 * URIs a client may use (redirects.ts): refused as `unauthorized_client` for a registered client
 * (I246), with the callback error page for a metadata document (T-CP #4926).
 */
export async function handleV2Authorize(
  request: Request,
  resource: string,
  deps: V2AuthorizeDeps,
): Promise<Response> {
  const q = new URL(request.url).searchParams;
  const clientId = q.get('client_id') ?? '';
  const redirect = q.get('redirect_uri') ?? '';
  const profile = deps.profile();
  const viaDocument = isMetadataDocumentId(clientId) && profile.clientIdMetadataDocuments === 'supported';
  let client = viaDocument ? undefined : deps.clients.get(clientId);
  if (viaDocument) {
    try {
      client = await fetchMetadataClient(clientId, deps.fetchMetadata, () => deps.store.now().getTime());
    } catch (error) {
      if (error instanceof ClientMetadataError) return oauthError(400, 'invalid_client', error.message);
      throw error;
    }
  }
  // Without redirect_uri, the one the client has is the one it asks for (as handleAuthorize reads it).
  const asked = redirect || (client?.redirect_uris.length === 1 ? (client.redirect_uris[0] ?? '') : '');
  if (client && asked !== '' && redirectVerdict(profile, { ...client, viaDocument }, asked) === 'refused')
    return viaDocument
      ? oauthError(400, 'invalid_request', CALLBACK_INVALID)
      : oauthError(400, 'unauthorized_client', `redirect_uri is not registered for client: ${asked}`);
  return handleAuthorize(request, {
    server: deps.server(),
    tokens: deps.tokens,
    clients: deps.clients,
    store: deps.store,
    auth: deps.auth(),
    audience: resource,
    scopes: V2_RESOURCE_SCOPES,
    resources: [resource],
    ...(client ? { client } : {}),
    // Q15 has decided: a redirect that got here is one this client may use.
    redirectAllowed: (c, uri) => uri === asked || c.redirect_uris.includes(uri),
  });
}
