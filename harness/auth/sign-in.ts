import { auth } from '@modelcontextprotocol/sdk/client/auth.js';
import { AuthError, loginHint } from './errors.ts';
import type { HarnessOAuthProvider } from './provider.ts';

/**
 * The whole authorization-code flow with the SDK's own `auth()`: discovery, registration when needed,
 * the authorizer playing the user, then the code exchange. `stepUp` asks for more than before:
 * the SDK prefers refreshing whenever it holds a refresh token, and a refresh cannot widen a grant,
 * so for a step-up the tokens are set aside first and restored if the new sign-in fails.
 */
export async function signIn(
  provider: HarnessOAuthProvider,
  serverUrl: URL,
  fetchFn: typeof fetch,
  stepUp?: string,
): Promise<void> {
  if (!provider.canAuthorize)
    throw new AuthError(
      'REAUTHORIZE',
      `no one can authorize ${serverUrl.href} here; sign in with ${loginHint(serverUrl.href, provider.store.path)}`,
    );
  const previous = provider.tokens();
  if (stepUp !== undefined) provider.invalidateCredentials('tokens');
  // The SDK asks for the PRM's scopes_supported unless told otherwise; a narrower sign-in says so here.
  const scope = stepUp ?? provider.options.scope;
  try {
    const { result, response } = await provider.authorizing(() =>
      auth(provider, { serverUrl, fetchFn, ...(scope ? { scope } : {}) }),
    );
    if (result === 'AUTHORIZED') return;
    if (!response || !('code' in response))
      throw new AuthError(
        'LOGIN_FAILED',
        `the authorization server refused the sign-in for ${serverUrl.href}: ${response ? `${response.error}${response.description ? ` (${response.description})` : ''}` : 'no answer reached the redirect URI'}`,
      );
    await auth(provider, { serverUrl, fetchFn, authorizationCode: response.code });
    provider.stats.codeExchanges += 1;
  } catch (error) {
    if (stepUp !== undefined && previous && !provider.tokens()) provider.saveTokens(previous);
    throw error;
  }
}
