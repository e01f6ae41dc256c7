import { chmodSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * The self-managed 3LO token of a pre-Rovo custom server (jira-semantics.md C2): a token file holding
 * the access and refresh tokens, refreshed against auth.atlassian.com a few minutes before expiry or
 * after a 401, and rewritten with the rotated refresh token each time.
 */
export const TokenFileSchema = z
  .object({
    access_token: z.string().min(1),
    refresh_token: z.string().min(1),
    expires_in: z.number().positive(),
    /** When the access token was issued, in ms since the epoch (AI-PM-OS writes the same field). */
    created_at: z.number(),
    scope: z.string().optional(),
  })
  .loose();
export type TokenFile = z.infer<typeof TokenFileSchema>;

export interface TokenStore {
  load(): TokenFile;
  save(tokens: TokenFile): void;
}

export class LegacyAuthError extends Error {
  override readonly name = 'LegacyAuthError';
  readonly code = 'LEGACY_AUTH';
}

export function memoryTokenStore(initial: TokenFile): TokenStore {
  let current = initial;
  return {
    load: () => current,
    save: (tokens) => {
      current = tokens;
    },
  };
}

/** The token file on disk; rewritten atomically with owner-only permissions, as the rotation requires. */
export function fileTokenStore(path: string): TokenStore {
  return {
    load() {
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(path, 'utf8'));
      } catch (cause) {
        throw new LegacyAuthError(`cannot read the token file ${path}: ${(cause as Error).message}`);
      }
      const parsed = TokenFileSchema.safeParse(json);
      if (!parsed.success)
        throw new LegacyAuthError(
          `the token file ${path} is invalid (${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}); re-run the OAuth consent to write a new one`,
        );
      return parsed.data;
    },
    save(tokens) {
      const temp = `${path}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify(tokens, null, 2), { mode: 0o600 });
      chmodSync(temp, 0o600);
      renameSync(temp, path);
    },
  };
}

const RefreshResponseSchema = z
  .object({
    access_token: z.string().min(1),
    refresh_token: z.string().min(1).optional(),
    expires_in: z.number().positive(),
    scope: z.string().optional(),
  })
  .loose();

export interface OAuthClient {
  id: string;
  secret: string;
}

/** Refresh this long before the recorded expiry, as AI-PM-OS does. */
const EARLY_REFRESH_MS = 5 * 60_000;

export class OAuthSession {
  private inFlight: Promise<string> | undefined;
  /** Successful refreshes so far (tests and the bench read it). */
  refreshes = 0;

  constructor(
    private readonly store: TokenStore,
    private readonly client: OAuthClient,
    private readonly tokenUrl: string,
    private readonly fetchImpl: typeof fetch,
    private readonly now: () => number = Date.now,
  ) {}

  /** A token that is not about to expire by the server's own clock. */
  async accessToken(): Promise<string> {
    const tokens = this.store.load();
    if (this.now() < tokens.created_at + tokens.expires_in * 1000 - EARLY_REFRESH_MS)
      return tokens.access_token;
    return this.refresh(tokens.access_token);
  }

  /**
   * Refreshes once for everyone holding `stale`: concurrent callers share the one request, and a caller
   * whose token was already replaced gets the new one. Refresh tokens rotate, so a second refresh with
   * the spent token would make Atlassian revoke the whole grant.
   */
  refresh(stale: string): Promise<string> {
    const current = this.store.load();
    if (current.access_token !== stale) return Promise.resolve(current.access_token);
    this.inFlight ??= this.exchange(current).finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async exchange(current: TokenFile): Promise<string> {
    const response = await this.fetchImpl(this.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: this.client.id,
        client_secret: this.client.secret,
        refresh_token: current.refresh_token,
      }).toString(),
    });
    const text = await response.text();
    if (!response.ok)
      throw new LegacyAuthError(
        `Token refresh failed: ${response.status} ${text}; the stored grant is no longer usable, run the OAuth consent again`,
      );
    const parsed = RefreshResponseSchema.safeParse(JSON.parse(text));
    if (!parsed.success) throw new LegacyAuthError(`Token refresh answered an unexpected body: ${text}`);
    const next: TokenFile = {
      ...current,
      access_token: parsed.data.access_token,
      refresh_token: parsed.data.refresh_token ?? current.refresh_token,
      expires_in: parsed.data.expires_in,
      created_at: this.now(),
      ...(parsed.data.scope ? { scope: parsed.data.scope } : {}),
    };
    this.store.save(next);
    this.refreshes++;
    return next.access_token;
  }
}
