import { randomBytes } from 'node:crypto';
import type { OAuthClientProvider, OAuthDiscoveryState } from '@modelcontextprotocol/sdk/client/auth.js';
import type {
  OAuthClientInformationMixed,
  OAuthClientMetadata,
  OAuthTokens,
} from '@modelcontextprotocol/sdk/shared/auth.js';
import { OAuthClientInformationFullSchema } from '@modelcontextprotocol/sdk/shared/auth.js';
import type { StoredAuth, TokenStore } from './token-store.ts';

/** What the authorization endpoint sent back to the redirect URI. */
export type AuthorizationResponse =
  { code: string; state?: string | undefined } | { error: string; description?: string | undefined };

/**
 * Plays the user's part for one authorization URL: a headless one on the mock (the authorize page
 * consents at once), a browser and a loopback callback for `login`.
 */
export type Authorizer = (url: URL) => Promise<AuthorizationResponse>;

/** Token requests this provider's client sent, by grant (evidence and benchmarks). */
export interface OAuthStats {
  refreshRequests: number;
  refreshFailures: number;
  codeExchanges: number;
  /** Requests the harness client sent again after a refresh. */
  retries: number;
  /** New authorizations for a wider scope after a 403 insufficient_scope. */
  stepUps: number;
}

export interface ProviderOptions {
  store: TokenStore;
  serverUrl: string;
  redirectUrl: string;
  /** Set when a person (or the mock's headless stand-in) can authorize; without it, re-authorizing fails clearly. */
  authorizer?: Authorizer;
  /** Scopes to ask for at sign-in (default: what the server's protected-resource metadata lists). */
  scope?: string;
}

/**
 * The harness's `OAuthClientProvider`. It keeps what the SDK hands it in a token store (memory for
 * the mock, a 0600 file for live runs), registers every secret for redaction, and authorizes only
 * when told to: an expired grant during a run ends in a clear error, never in a silent new sign-in.
 */
export class HarnessOAuthProvider implements OAuthClientProvider {
  readonly stats: OAuthStats = {
    refreshRequests: 0,
    refreshFailures: 0,
    codeExchanges: 0,
    retries: 0,
    stepUps: 0,
  };
  private verifier = '';
  private expectedState: string | undefined;
  private interactive = false;
  private response: AuthorizationResponse | undefined;

  constructor(readonly options: ProviderOptions) {}

  get store(): TokenStore {
    return this.options.store;
  }

  get canAuthorize(): boolean {
    return this.options.authorizer !== undefined;
  }

  get redirectUrl(): string {
    return this.options.redirectUrl;
  }

  get clientMetadata(): OAuthClientMetadata {
    return {
      client_name: 'rovo-mcp-conformance',
      redirect_uris: [this.options.redirectUrl],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
      ...(this.options.scope ? { scope: this.options.scope } : {}),
    };
  }

  private stored(): StoredAuth {
    return this.store.load() ?? { version: 1, serverUrl: this.options.serverUrl };
  }

  private update(change: (auth: StoredAuth) => StoredAuth): void {
    this.store.save(change(this.stored()));
  }

  state(): string {
    this.expectedState = randomBytes(16).toString('base64url');
    return this.expectedState;
  }

  clientInformation(): OAuthClientInformationMixed | undefined {
    return this.stored().clientInformation;
  }

  saveClientInformation(info: OAuthClientInformationMixed): void {
    const full = OAuthClientInformationFullSchema.parse({ redirect_uris: [this.redirectUrl], ...info });
    this.update((a) => ({ ...a, clientInformation: full }));
  }

  tokens(): OAuthTokens | undefined {
    return this.stored().tokens;
  }

  saveTokens(tokens: OAuthTokens): void {
    this.update((a) => ({ ...a, tokens, savedAt: Date.now() }));
  }

  saveCodeVerifier(verifier: string): void {
    this.verifier = verifier;
  }

  codeVerifier(): string {
    return this.verifier;
  }

  saveDiscoveryState(state: OAuthDiscoveryState): void {
    this.update((a) => ({
      ...a,
      discovery: {
        authorizationServerUrl: state.authorizationServerUrl,
        ...(state.authorizationServerMetadata
          ? { authorizationServerMetadata: state.authorizationServerMetadata }
          : {}),
        ...(state.resourceMetadata ? { resourceMetadata: state.resourceMetadata } : {}),
      },
    }));
  }

  discoveryState(): OAuthDiscoveryState | undefined {
    return this.stored().discovery;
  }

  invalidateCredentials(scope: 'all' | 'client' | 'tokens' | 'verifier' | 'discovery'): void {
    this.update((a) => {
      const next = { ...a };
      if (scope === 'all' || scope === 'tokens') delete next.tokens;
      if (scope === 'all' || scope === 'client') delete next.clientInformation;
      if (scope === 'all' || scope === 'discovery') delete next.discovery;
      return next;
    });
    if (scope === 'all' || scope === 'verifier') this.verifier = '';
  }

  /**
   * Outside `authorizing()`, only notes that the SDK wanted a new sign-in (its answer to a dead grant);
   * inside it, lets the authorizer play the user and keeps the response for the code exchange.
   */
  async redirectToAuthorization(url: URL): Promise<void> {
    const authorizer = this.options.authorizer;
    if (!this.interactive || !authorizer) {
      this.response = { error: 'interaction_required', description: 'a new sign-in is needed' };
      return;
    }
    const response = await authorizer(url);
    if ('code' in response && response.state !== this.expectedState)
      this.response = {
        error: 'invalid_state',
        description: 'the callback state does not match the request',
      };
    else this.response = response;
  }

  /** Runs `work` with authorization allowed; returns its result and the authorization response it produced. */
  async authorizing<T>(
    work: () => Promise<T>,
  ): Promise<{ result: T; response: AuthorizationResponse | undefined }> {
    this.interactive = true;
    this.response = undefined;
    try {
      const result = await work();
      return { result, response: this.response };
    } finally {
      this.interactive = false;
    }
  }
}
