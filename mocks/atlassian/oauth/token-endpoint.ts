import type { ClientRegistry } from './clients.ts';
import { basicClient, oauthError, oauthJson, readForm } from './respond.ts';
import type { TokenService } from './tokens.ts';

/** Reads a token request sent as a form (RFC 6749) or as JSON; a Basic client header names the client. */
export async function readTokenRequest(request: Request): Promise<Record<string, string>> {
  const form = await readForm(request);
  const basic = basicClient(request);
  if (basic && form.client_id === undefined) form.client_id = basic.id;
  return form;
}

export interface TokenEndpointOptions {
  /** Atlassian's identity service answers a bad refresh token with 403; RFC 6749 (and gen-1 Rovo) 400. */
  invalidGrantStatus: 400 | 403;
  /** Registered clients (DCR); their secrets are checked. Without a registry every client is taken at its word. */
  clients?: ClientRegistry;
  /** What happens to a client id the registry never saw: 3LO apps (allow) or DCR-only servers (refuse). */
  unknownClients?: 'allow' | 'refuse';
}

const CODE_REFUSALS = {
  unknown: 'The authorization code is invalid or was already used.',
  expired: 'The authorization code has expired.',
  pkce: 'The code_verifier does not match the code_challenge.',
  redirect: 'redirect_uri does not match the one used to authorize.',
  client: 'The code was issued to another client.',
} as const;

/** The token endpoint: authorization_code (with PKCE) and rotating refresh_token grants. */
export async function handleTokenRequest(
  tokens: TokenService,
  request: Request,
  options: TokenEndpointOptions = { invalidGrantStatus: 403 },
): Promise<Response> {
  if (request.method !== 'POST') return oauthError(405, 'invalid_request', 'POST only');
  const body = await readTokenRequest(request);
  let clientId = body.client_id;
  if (options.clients) {
    const client = options.clients.authenticate(request, body, options.unknownClients ?? 'allow');
    if (!client.ok) return client.response;
    clientId = client.clientId;
  }
  const invalidGrant = (description: string) =>
    oauthError(options.invalidGrantStatus, 'invalid_grant', description);
  switch (body.grant_type) {
    case 'refresh_token': {
      if (!body.refresh_token) return oauthError(400, 'invalid_request', 'refresh_token is required');
      const outcome = tokens.refreshTokens(body.refresh_token, clientId);
      return outcome.ok ? oauthJson(200, outcome.tokens) : invalidGrant('Unknown or invalid refresh token.');
    }
    case 'authorization_code': {
      if (!body.code) return oauthError(400, 'invalid_request', 'code is required');
      const outcome = tokens.exchangeCode(body.code, {
        clientId,
        redirectUri: body.redirect_uri,
        verifier: body.code_verifier,
      });
      return outcome.ok ? oauthJson(200, outcome.tokens) : invalidGrant(CODE_REFUSALS[outcome.reason]);
    }
    default:
      return oauthError(
        400,
        'unsupported_grant_type',
        `grant_type "${body.grant_type ?? ''}" is not supported`,
      );
  }
}

/** RFC 7009 revocation: 200 whatever the token was; a known one ends its whole grant. */
export async function handleRevocation(
  tokens: TokenService,
  clients: ClientRegistry,
  request: Request,
): Promise<Response> {
  if (request.method !== 'POST') return oauthError(405, 'invalid_request', 'POST only');
  const form = await readForm(request);
  const client = clients.authenticate(request, form, 'allow');
  if (!client.ok) return client.response;
  if (!form.token) return oauthError(400, 'invalid_request', 'token is required');
  tokens.revokeToken(form.token);
  return new Response(null, { status: 200 });
}
