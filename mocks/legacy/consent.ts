import type { TokenService } from '../atlassian/oauth/tokens.ts';
import type { OAuthClient, TokenFile } from './oauth.ts';

/** The OAuth app the reference server is registered as (fixture values, meaningful only to the mock). */
export const LEGACY_OAUTH_CLIENT: OAuthClient = {
  id: 'legacy-jira-mcp',
  secret: 'legacy-client-secret-fixture-7c1e',
};

export const LEGACY_SCOPES = ['read:jira-work', 'write:jira-work', 'read:jira-user', 'offline_access'];

/**
 * What the one-time 3LO consent left behind for a custom server: a first token pair for one account,
 * from the fake cloud's token service, in the token-file shape the server keeps rotating.
 */
export function consentTokens(
  cloud: { tokens: TokenService },
  accountId: string,
  now = Date.now(),
): TokenFile {
  const issued = cloud.tokens.issue({
    accountId,
    clientId: LEGACY_OAUTH_CLIENT.id,
    scopes: LEGACY_SCOPES,
    audience: 'api.atlassian.com',
  });
  if (!issued.refresh_token) throw new Error('the token service gave no refresh token for offline_access');
  return {
    access_token: issued.access_token,
    refresh_token: issued.refresh_token,
    expires_in: issued.expires_in,
    created_at: now,
    scope: issued.scope,
  };
}
