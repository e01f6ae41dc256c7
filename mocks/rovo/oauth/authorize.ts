import type { ClientRegistry, RegisteredClient } from '../../atlassian/oauth/clients.ts';
import { oauthError } from '../../atlassian/oauth/respond.ts';
import type { TokenService } from '../../atlassian/oauth/tokens.ts';
import type { SiteStore } from '../../atlassian/store.ts';
import type { User } from '../../atlassian/entities/people.ts';
import type { AuthProfile } from '../profile/auth.ts';
import type { AuthorizationServer } from './endpoints.ts';

export interface AuthorizeContext {
  server: AuthorizationServer;
  tokens: TokenService;
  clients: ClientRegistry;
  store: SiteStore;
  auth: AuthProfile;
  audience: string;
  /** Scopes this server grants; an authorization request without `scope` gets all of them. */
  scopes: readonly string[];
  /** Resource indicators (RFC 8707) this server issues tokens for. */
  resources: readonly string[];
  /** The client when the caller found it elsewhere (a client ID metadata document); else the registry's. */
  client?: RegisteredClient;
  /** Whether the client may use this redirect URI; default: it registered exactly this one. */
  redirectAllowed?: (client: RegisteredClient, uri: string) => boolean;
}

function redirectWith(uri: string, params: Record<string, string | undefined>): Response {
  const url = new URL(uri);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
  return new Response(null, { status: 302, headers: { location: url.href, 'cache-control': 'no-store' } });
}

/** The signed-in user: `login_hint` (email or handle) names them, else the profile's consent user. */
function signedIn(store: SiteStore, auth: AuthProfile, hint: string | null): User | undefined {
  const wanted = (hint ?? auth.consent.user).toLowerCase();
  return [...store.users.values()].find((u) => u.email.toLowerCase() === wanted || u.handle === wanted);
}

/**
 * `GET <authorization_endpoint>`: the authorization-code flow with PKCE, and a stand-in for
 * Atlassian's login and consent pages (consent is given or denied at once). Problems with the client
 * or its redirect URI are shown to the user (400) and never redirected (RFC 6749 4.1.2.1); every
 * other problem goes back to the client as `error=` on its redirect URI, with its `state`.
 */
export function handleAuthorize(request: Request, ctx: AuthorizeContext): Response {
  const q = new URL(request.url).searchParams;
  const client = ctx.client ?? ctx.clients.get(q.get('client_id') ?? undefined);
  if (!client)
    return oauthError(
      400,
      'invalid_request',
      `Unknown client_id "${q.get('client_id') ?? ''}"; register first`,
    );
  const asked = q.get('redirect_uri');
  const redirectUri = asked ?? (client.redirect_uris.length === 1 ? client.redirect_uris[0] : undefined);
  const allowed = ctx.redirectAllowed ?? ((c, uri) => c.redirect_uris.includes(uri));
  if (redirectUri === undefined || !allowed(client, redirectUri))
    return oauthError(400, 'invalid_request', 'redirect_uri is missing or not registered for this client');
  const state = q.get('state') ?? undefined;
  const fail = (error: string, description: string) =>
    redirectWith(redirectUri, { error, error_description: description, state });

  if (q.get('response_type') !== 'code')
    return fail('unsupported_response_type', 'Only response_type=code is supported');
  const challenge = q.get('code_challenge');
  if (!challenge) return fail('invalid_request', 'code_challenge is required (PKCE)');
  const method = q.get('code_challenge_method') ?? 'plain';
  if (!ctx.server.pkceMethods.includes(method))
    return fail(
      'invalid_request',
      `code_challenge_method "${method}" is not supported; use ${ctx.server.pkceMethods.join(' or ')}`,
    );
  const resource = q.get('resource');
  if (resource !== null && !ctx.resources.includes(resource))
    return fail('invalid_target', `resource "${resource}" is not served by this authorization server`);
  const requested = (q.get('scope') ?? '').split(/\s+/).filter(Boolean);
  const unknown = requested.filter((s) => !ctx.scopes.includes(s));
  if (unknown.length > 0) return fail('invalid_scope', `Unknown scope(s): ${unknown.join(' ')}`);

  if (ctx.auth.consent.decision === 'deny') return fail('access_denied', 'The user denied access');
  const user = signedIn(ctx.store, ctx.auth, q.get('login_hint'));
  if (!user?.active) return fail('access_denied', 'The account cannot sign in');
  const scopes = requested.length > 0 ? requested : [...ctx.scopes];
  // The gen-1 (Cloudflare-style) server hands out refresh tokens whatever was asked for.
  if (ctx.server.generation === 'gen1' && !scopes.includes('offline_access')) scopes.push('offline_access');
  const code = ctx.tokens.issueCode({
    accountId: user.accountId,
    clientId: client.client_id,
    redirectUri,
    scopes,
    audience: ctx.audience,
    challenge,
    challengeMethod: method === 'S256' ? 'S256' : 'plain',
  });
  return redirectWith(redirectUri, { code, state });
}
