import type { TokenService } from './tokens.ts';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', pragma: 'no-cache' },
  });

/** Reads a token request sent as a form (RFC 6749) or as JSON (Atlassian's docs show both). */
export async function readTokenRequest(request: Request): Promise<Record<string, string>> {
  const type = request.headers.get('content-type') ?? '';
  const text = await request.text();
  if (type.includes('application/json')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed !== null && typeof parsed === 'object')
        return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
    } catch {
      return {};
    }
  }
  const form = Object.fromEntries(new URLSearchParams(text));
  // Client secret in a Basic header (client_secret_basic) names the client too.
  const basic = /^Basic\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
  if (basic && form.client_id === undefined) {
    const [id] = Buffer.from(basic, 'base64').toString('utf8').split(':');
    if (id) form.client_id = decodeURIComponent(id);
  }
  return form;
}

export interface TokenEndpointOptions {
  /** Atlassian's identity service answers a bad refresh token with 403; RFC 6749 says 400. */
  invalidGrantStatus: 400 | 403;
}

/** `POST /oauth/token`: authorization_code (with PKCE) and rotating refresh_token grants. */
export async function handleTokenRequest(
  tokens: TokenService,
  request: Request,
  options: TokenEndpointOptions = { invalidGrantStatus: 403 },
): Promise<Response> {
  if (request.method !== 'POST')
    return json(405, { error: 'invalid_request', error_description: 'POST only' });
  const body = await readTokenRequest(request);
  const invalidGrant = (description: string) =>
    json(options.invalidGrantStatus, { error: 'invalid_grant', error_description: description });
  switch (body.grant_type) {
    case 'refresh_token': {
      if (!body.refresh_token)
        return json(400, { error: 'invalid_request', error_description: 'refresh_token is required' });
      const outcome = tokens.refreshTokens(body.refresh_token, body.client_id);
      return outcome.ok ? json(200, outcome.tokens) : invalidGrant('Unknown or invalid refresh token.');
    }
    case 'authorization_code': {
      if (!body.code) return json(400, { error: 'invalid_request', error_description: 'code is required' });
      const outcome = tokens.exchangeCode(body.code, {
        clientId: body.client_id,
        redirectUri: body.redirect_uri,
        verifier: body.code_verifier,
      });
      if (outcome.ok) return json(200, outcome.tokens);
      const why = {
        unknown: 'The authorization code is invalid or was already used.',
        expired: 'The authorization code has expired.',
        pkce: 'The code_verifier does not match the code_challenge.',
        redirect: 'redirect_uri does not match the one used to authorize.',
        client: 'The code was issued to another client.',
      }[outcome.reason];
      return invalidGrant(why);
    }
    default:
      return json(400, {
        error: 'unsupported_grant_type',
        error_description: `grant_type "${body.grant_type ?? ''}" is not supported`,
      });
  }
}
