import type { User } from '../../atlassian/entities/people.ts';
import type { SiteStore } from '../../atlassian/store.ts';
import type { AuthProfile } from '../profile/auth.ts';
import type { RovoTool } from '../tools/define.ts';
import { forbidden } from './challenge.ts';

/**
 * How a caller authenticated: a scoped API token, a classic (unscoped) one, an OAuth access token, or
 * nothing valid at all (a wrong token that Rovo lets into an anonymous session).
 */
export type CallerKind = 'api-token' | 'classic-token' | 'oauth' | 'anonymous';

/** Who a wrong API token is let in as: no account of the site, no groups, so no product data. */
export const ANONYMOUS_USER: User = {
  handle: 'anonymous',
  accountId: 'anonymous',
  displayName: 'Anonymous',
  email: '',
  apiToken: '',
  role: 'a wrong API token let into an anonymous session (rovo-v2-surface.md 5.4 T-ANON)',
  active: true,
  locale: 'en_US',
  timeZone: 'UTC',
  groups: new Set(),
  tokens: [],
};

export type AuthOutcome =
  | {
      ok: true;
      accountId: string;
      token: string;
      clientId: string;
      /** Granted scopes; null = a full scoped token (every tool its admin groups allow). */
      scopes: readonly string[] | null;
      via: CallerKind;
      /** The HTTP answer to a call of a tool the scopes do not cover, when it is not "no such tool". */
      insufficientScope?: (tool: RovoTool) => Response;
    }
  | { ok: false; response: Response };

/** Decides who a request comes from, or answers it (401/403) itself. */
export type Authenticator = (request: Request, path: string) => AuthOutcome | Promise<AuthOutcome>;

/** Rovo's sentences for API-token refusals (atlassian-mcp-server#75; HolmesGPT#2373). */
export const API_TOKEN_NOT_ENABLED =
  "You don't have permission to connect via API token. Please ask your organization admin for access.";
/** Rovo's sentence for a client outside the org's IP allowlist (README; rovo-v2-surface.md 4.2). */
export const IP_NOT_ALLOWED =
  "You don't have permission to connect from this IP address. Please ask your admin for access.";
export const CLASSIC_TOKEN_REFUSED =
  'Rovo MCP server requires a modern API token (API token with scopes). Legacy API tokens without scopes are not supported.';

/** A Basic credential that is no token of the site: the endpoint's 401 (undefined), or an anonymous session. */
function wrongToken(policy: AuthProfile['apiToken']): AuthOutcome | undefined {
  if (policy.wrongToken === '401') return undefined;
  return {
    ok: true,
    accountId: ANONYMOUS_USER.accountId,
    token: 'anonymous',
    clientId: 'anonymous',
    scopes: [],
    via: 'anonymous',
  };
}

/**
 * API-token Basic auth for the fixture identities: a user's main token is scoped with every scope,
 * further tokens carry their own scopes or none (classic). A credential that is no valid token at all
 * is let into an anonymous session, or undefined (`wrongToken: '401'`) so the caller answers its 401.
 */
export function authenticateApiToken(
  store: SiteStore,
  basic: { email: string; token: string },
  policy: AuthProfile['apiToken'],
): AuthOutcome | undefined {
  if (!policy.enabled) return { ok: false, response: forbidden(API_TOKEN_NOT_ENABLED) };
  const user = [...store.users.values()].find(
    (u) => u.active && u.email.toLowerCase() === basic.email.toLowerCase(),
  );
  if (!user) return wrongToken(policy);
  const base = { ok: true as const, accountId: user.accountId, token: 'api-token', clientId: 'api-token' };
  if (user.apiToken === basic.token) return { ...base, scopes: null, via: 'api-token' };
  const extra = user.tokens.find((t) => t.token === basic.token);
  if (!extra) return wrongToken(policy);
  if (extra.scopes) return { ...base, scopes: extra.scopes, via: 'api-token' };
  if (policy.classic === 'refused') return { ok: false, response: forbidden(CLASSIC_TOKEN_REFUSED) };
  return { ...base, scopes: null, via: 'classic-token' };
}

/** A Bearer value that is one of a user's API tokens: a service account's key in the form the README gives. */
export function bearerApiKey(store: SiteStore, bearer: string): { email: string; token: string } | undefined {
  for (const user of store.users.values())
    if (user.active && (user.apiToken === bearer || user.tokens.some((t) => t.token === bearer)))
      return { email: user.email, token: bearer };
  return undefined;
}
