import type { SiteStore } from '../../atlassian/store.ts';

export type AuthOutcome =
  | { ok: true; accountId: string; token: string; clientId: string; scopes: readonly string[] | null }
  | { ok: false; response: Response };

/** Decides who a request comes from, or answers it (401/403) itself. */
export type Authenticator = (request: Request, path: string) => AuthOutcome | Promise<AuthOutcome>;

/** The gen-1 challenge `/v1/mcp` sends without a usable credential (rovo-surface.md 3d). */
export function unauthorized(description = 'Missing or invalid access token'): Response {
  return new Response(JSON.stringify({ error: 'invalid_token', error_description: 'Invalid access token' }), {
    status: 401,
    headers: {
      'content-type': 'application/json',
      'www-authenticate': `Bearer realm="OAuth", error="invalid_token", error_description="${description}"`,
    },
  });
}

/** Parses `Authorization: Basic base64(email:token)`; undefined when the header is something else. */
export function parseBasic(header: string | null): { email: string; token: string } | undefined {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!m?.[1]) return undefined;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return undefined;
  return { email: decoded.slice(0, colon), token: decoded.slice(colon + 1) };
}

/**
 * API-token Basic auth for the fixture identities. A scoped token's scopes are unknown here
 * (null = every tool); scope-limited tokens are modelled by the auth work on top of this.
 */
export function apiTokenAuthenticator(store: SiteStore): Authenticator {
  return (request) => {
    const basic = parseBasic(request.headers.get('authorization'));
    if (!basic) return { ok: false, response: unauthorized() };
    const user = [...store.users.values()].find(
      (u) => u.email.toLowerCase() === basic.email.toLowerCase() && u.apiToken === basic.token,
    );
    if (!user || !user.active) return { ok: false, response: unauthorized() };
    return { ok: true, accountId: user.accountId, token: 'api-token', clientId: 'api-token', scopes: null };
  };
}
