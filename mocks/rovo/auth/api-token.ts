import type { SiteStore } from '../../atlassian/store.ts';
import type { AuthProfile } from '../profile/auth.ts';
import type { RovoTool } from '../tools/define.ts';
import { forbidden } from './challenge.ts';

/** How a caller authenticated: a scoped API token, a classic (unscoped) one, or an OAuth access token. */
export type CallerKind = 'api-token' | 'classic-token' | 'oauth';

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
/** Assumed wording for a client outside the org's IP allowlist (the allowlist is documented, its answer is not). */
export const IP_NOT_ALLOWED =
  "Your organization's IP allowlist does not include this IP address. Ask your organization admin to add it.";
export const CLASSIC_TOKEN_REFUSED =
  'Rovo MCP server requires a modern API token (API token with scopes). Legacy API tokens without scopes are not supported.';

/**
 * API-token Basic auth for the fixture identities: a user's main token is scoped with every scope,
 * further tokens carry their own scopes or none (classic). Undefined when the credential is not a
 * valid token at all, so the caller can answer with its endpoint's 401.
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
  if (!user) return undefined;
  const base = { ok: true as const, accountId: user.accountId, token: 'api-token', clientId: 'api-token' };
  if (user.apiToken === basic.token) return { ...base, scopes: null, via: 'api-token' };
  const extra = user.tokens.find((t) => t.token === basic.token);
  if (!extra) return undefined;
  if (extra.scopes) return { ...base, scopes: extra.scopes, via: 'api-token' };
  if (policy.classic === 'refused') return { ok: false, response: forbidden(CLASSIC_TOKEN_REFUSED) };
  return { ...base, scopes: null, via: 'classic-token' };
}
