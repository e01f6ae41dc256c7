import {
  discoverOAuthServerInfo,
  extractWWWAuthenticateParams,
  refreshAuthorization,
} from '@modelcontextprotocol/sdk/client/auth.js';
import { InvalidGrantError } from '@modelcontextprotocol/sdk/server/auth/errors.js';
import { AuthError, loginHint } from './errors.ts';
import type { HarnessOAuthProvider, OAuthStats } from './provider.ts';
import { signIn } from './sign-in.ts';

function urlOf(input: Parameters<typeof fetch>[0]): URL {
  return new URL(input instanceof Request ? input.url : String(input));
}

function bearerOf(init: RequestInit | undefined): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(new Headers(init?.headers).get('authorization') ?? '')?.[1];
}

/** Counts token requests by grant on the wire, whoever sends them (the plain SDK client included). */
export function countingTokenRequests(stats: OAuthStats, base: typeof fetch): typeof fetch {
  return async (input, init) => {
    const body = init?.body;
    const grant =
      init?.method === 'POST' && (typeof body === 'string' || body instanceof URLSearchParams)
        ? new URLSearchParams(body).get('grant_type')
        : null;
    const response = await base(input, init);
    if (grant === 'refresh_token') {
      stats.refreshRequests += 1;
      if (!response.ok) stats.refreshFailures += 1;
    }
    return response;
  };
}

/** One refresh with the stored refresh token, by the authorization server discovery found. */
async function refreshOnce(provider: HarnessOAuthProvider, serverUrl: URL, fetchFn: typeof fetch) {
  const again = loginHint(serverUrl.href, provider.store.path);
  const tokens = provider.tokens();
  const client = provider.clientInformation();
  if (!tokens?.refresh_token || !client)
    throw new AuthError(
      'REAUTHORIZE',
      `the access token for ${serverUrl.href} expired and there is no refresh token to renew it; sign in again with ${again}`,
    );
  let discovery = provider.discoveryState();
  if (!discovery?.authorizationServerMetadata) {
    discovery = await discoverOAuthServerInfo(serverUrl, { fetchFn });
    provider.saveDiscoveryState(discovery);
  }
  try {
    const resource = discovery.resourceMetadata?.resource;
    const fresh = await refreshAuthorization(discovery.authorizationServerUrl, {
      metadata: discovery.authorizationServerMetadata,
      clientInformation: client,
      refreshToken: tokens.refresh_token,
      ...(resource ? { resource } : {}),
      fetchFn,
    });
    provider.saveTokens({ ...fresh, issuer: discovery.authorizationServerUrl });
  } catch (error) {
    if (!(error instanceof InvalidGrantError)) throw error;
    provider.invalidateCredentials('tokens');
    throw new AuthError(
      'REAUTHORIZE',
      `the authorization server refused the refresh token for ${serverUrl.href} (invalid_grant: ${error.message}); the grant is revoked or expired, so re-authorize with ${again}`,
      { cause: error },
    );
  }
}

/**
 * The harness client's answer to expiry and missing scopes, as fetch middleware in front of the SDK
 * transport. A 401 from the MCP endpoint triggers one refresh however many requests got it at once
 * (a request that carried an older token than the stored one just goes again), then the request is
 * sent once more; a second 401 is an error that says to sign in again. A 403 insufficient_scope runs
 * a new authorization for the scope the server named (where the provider can authorize), once.
 */
export function harnessAuthFetch(
  provider: HarnessOAuthProvider,
  serverUrl: URL,
  base: typeof fetch,
): typeof fetch {
  let refreshing: Promise<void> | undefined;
  const steppingUp = new Map<string, Promise<void>>();
  const endpoint = `${serverUrl.origin}${serverUrl.pathname}`;

  const renewFrom = async (sent: string | undefined) => {
    if (provider.tokens()?.access_token !== sent) return;
    refreshing ??= refreshOnce(provider, serverUrl, base).finally(() => {
      refreshing = undefined;
    });
    await refreshing;
  };

  const stepUp = async (scope: string) => {
    let pending = steppingUp.get(scope);
    if (!pending) {
      pending = signIn(provider, serverUrl, base, scope).finally(() => steppingUp.delete(scope));
      steppingUp.set(scope, pending);
      provider.stats.stepUps += 1;
    }
    await pending;
  };

  const resend = (input: Parameters<typeof fetch>[0], init: RequestInit | undefined) => {
    const headers = new Headers(init?.headers);
    const token = provider.tokens()?.access_token;
    if (token) headers.set('authorization', `Bearer ${token}`);
    provider.stats.retries += 1;
    return base(input, { ...init, headers });
  };

  return async (input, init) => {
    const url = urlOf(input);
    if (`${url.origin}${url.pathname}` !== endpoint) return base(input, init);
    const first = await base(input, init);
    if (first.status === 401) {
      await first.text().catch(() => undefined);
      await renewFrom(bearerOf(init));
      const again = await resend(input, init);
      if (again.status !== 401) return again;
      await again.text().catch(() => undefined);
      throw new AuthError(
        'REAUTHORIZE',
        `${serverUrl.href} refused a freshly refreshed access token; re-authorize with ${loginHint(serverUrl.href, provider.store.path)}`,
      );
    }
    if (first.status === 403) {
      const { error, scope } = extractWWWAuthenticateParams(first);
      if (error !== 'insufficient_scope' || !scope) return first;
      await first.text().catch(() => undefined);
      if (!provider.canAuthorize)
        throw new AuthError(
          'REAUTHORIZE',
          `${serverUrl.href} needs the scopes "${scope}" for this call; re-authorize with ${loginHint(serverUrl.href, provider.store.path)} --scope "${scope}"`,
        );
      await stepUp(scope);
      return resend(input, init);
    }
    return first;
  };
}
