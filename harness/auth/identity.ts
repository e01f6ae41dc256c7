import { headlessAuthorizer } from './authorizers.ts';
import { HarnessOAuthProvider } from './provider.ts';
import { FileTokenStore, MemoryTokenStore } from './token-store.ts';

/**
 * How an identity signs in with OAuth: headless on the mock (its authorize page consents at once for
 * whoever `loginHint` names), or from a token store `login` wrote for a live target.
 */
export type OAuthIdentity = { kind: 'headless'; loginHint: string } | { kind: 'store'; path: string };

/** Registered by headless sign-ins; never contacted, the authorizer reads the code from the redirect. */
export const HEADLESS_REDIRECT = 'http://127.0.0.1/rovo-mcp-conformance/callback';

/** A provider for one identity: a fresh headless sign-in on the mock, or the token store `login` wrote. */
export function providerFor(
  identity: OAuthIdentity,
  serverUrl: string,
  scope?: string,
): HarnessOAuthProvider {
  const common = { serverUrl, ...(scope ? { scope } : {}) };
  if (identity.kind === 'headless')
    return new HarnessOAuthProvider({
      ...common,
      store: new MemoryTokenStore(),
      redirectUrl: HEADLESS_REDIRECT,
      authorizer: headlessAuthorizer(identity.loginHint),
    });
  // A stored sign-in only refreshes; its redirect URI is never used again.
  return new HarnessOAuthProvider({
    ...common,
    store: new FileTokenStore(identity.path),
    redirectUrl: HEADLESS_REDIRECT,
  });
}
