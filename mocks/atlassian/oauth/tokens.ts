import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../store.ts';

/**
 * Atlassian's token lifecycle (jira-semantics.md A11, rovo-surface.md 3d): short-lived access
 * tokens, rotating single-use refresh tokens, and reuse detection that revokes the whole grant.
 * Lifetimes are milliseconds so tests can expire tokens on purpose.
 */
export interface TokenPolicy {
  accessTtlMs: number;
  /** A refresh token unused this long is dead (90 days at Atlassian). */
  refreshIdleTtlMs: number;
  /** No refresh past this age of the grant (365 days at Atlassian). */
  refreshAbsoluteTtlMs: number;
  /** Replaying a rotated refresh token within this window is tolerated; after it, the grant dies. */
  reuseLeewayMs: number;
  /** How tokens look: gen-1 `userId:grantId:secret`, or opaque strings. */
  format: 'gen1' | 'opaque';
}

export const ATLASSIAN_POLICY: TokenPolicy = {
  accessTtlMs: 3600_000,
  refreshIdleTtlMs: 90 * 24 * 3600_000,
  refreshAbsoluteTtlMs: 365 * 24 * 3600_000,
  reuseLeewayMs: 0,
  format: 'opaque',
};

export interface Grant {
  id: string;
  accountId: string;
  clientId: string;
  scopes: readonly string[];
  /** The resource the tokens are for (RFC 8707), e.g. https://mcp.atlassian.com/v1/mcp or api.atlassian.com. */
  audience: string;
  createdAt: number;
  revoked: boolean;
}

interface AccessRecord {
  grantId: string;
  expiresAt: number;
}

interface RefreshRecord {
  grantId: string;
  issuedAt: number;
  /** Set when rotated; replay after this (plus leeway) revokes the grant. */
  rotatedAt?: number;
}

export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  scope: string;
  refresh_token?: string;
}

export type AccessCheck =
  { ok: true; grant: Grant; expiresAt: number } | { ok: false; reason: 'unknown' | 'expired' | 'revoked' };

export type RefreshOutcome =
  | { ok: true; tokens: TokenResponse }
  | { ok: false; reason: 'unknown' | 'expired' | 'revoked' | 'reused' | 'client' };

export interface AuthorizationCode {
  accountId: string;
  clientId: string;
  redirectUri: string;
  scopes: readonly string[];
  audience: string;
  challenge?: string | undefined;
  challengeMethod?: 'S256' | 'plain' | undefined;
  expiresAt: number;
}

export type CodeExchange =
  | { ok: true; tokens: TokenResponse }
  | { ok: false; reason: 'unknown' | 'expired' | 'pkce' | 'redirect' | 'client' };

/** One observable event of the token service, for tests and benchmarks (refreshes per expiry...). */
export interface TokenEvent {
  kind: 'issued' | 'refreshed' | 'refresh-refused' | 'revoked' | 'code-exchanged' | 'code-refused';
  grantId?: string;
  reason?: string;
}

const secret = (bytes = 24) => randomBytes(bytes).toString('base64url');

export function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

export class TokenService {
  private readonly grants = new Map<string, Grant>();
  private readonly access = new Map<string, AccessRecord>();
  private readonly refresh = new Map<string, RefreshRecord>();
  private readonly codes = new Map<string, AuthorizationCode>();
  readonly events: TokenEvent[] = [];

  constructor(
    private readonly clock: Clock,
    public policy: TokenPolicy = ATLASSIAN_POLICY,
  ) {}

  private now(): number {
    return this.clock().getTime();
  }

  private token(kind: 'access' | 'refresh', grant: Grant): string {
    if (this.policy.format === 'gen1')
      return `${grant.accountId.replace(/[^A-Za-z0-9]/g, '')}:${grant.id}:${secret(18)}`;
    return `${kind === 'access' ? 'at' : 'rt'}-${secret()}`;
  }

  private issueFor(grant: Grant, withRefresh: boolean): TokenResponse {
    const now = this.now();
    const accessToken = this.token('access', grant);
    this.access.set(accessToken, { grantId: grant.id, expiresAt: now + this.policy.accessTtlMs });
    const response: TokenResponse = {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: Math.max(1, Math.round(this.policy.accessTtlMs / 1000)),
      scope: grant.scopes.join(' '),
    };
    if (withRefresh) {
      const refreshToken = this.token('refresh', grant);
      this.refresh.set(refreshToken, { grantId: grant.id, issuedAt: now });
      response.refresh_token = refreshToken;
    }
    return response;
  }

  /** Starts a grant and issues its first tokens (a refresh token only with `offline_access`). */
  issue(input: Omit<Grant, 'id' | 'createdAt' | 'revoked'>): TokenResponse {
    const grant: Grant = { ...input, id: secret(9), createdAt: this.now(), revoked: false };
    this.grants.set(grant.id, grant);
    this.events.push({ kind: 'issued', grantId: grant.id });
    return this.issueFor(grant, input.scopes.includes('offline_access'));
  }

  verifyAccess(token: string): AccessCheck {
    const record = this.access.get(token);
    const grant = record ? this.grants.get(record.grantId) : undefined;
    if (!record || !grant) return { ok: false, reason: 'unknown' };
    if (grant.revoked) return { ok: false, reason: 'revoked' };
    if (this.now() >= record.expiresAt) return { ok: false, reason: 'expired' };
    return { ok: true, grant, expiresAt: record.expiresAt };
  }

  /** Rotates: the old refresh token is spent; replaying it past the leeway revokes the whole grant. */
  refreshTokens(refreshToken: string, clientId: string | undefined): RefreshOutcome {
    const record = this.refresh.get(refreshToken);
    const grant = record ? this.grants.get(record.grantId) : undefined;
    const refuse = (reason: Exclude<RefreshOutcome, { ok: true }>['reason']): RefreshOutcome => {
      this.events.push({ kind: 'refresh-refused', reason, ...(grant ? { grantId: grant.id } : {}) });
      return { ok: false, reason };
    };
    if (!record || !grant) return refuse('unknown');
    if (clientId !== undefined && clientId !== grant.clientId) return refuse('client');
    if (grant.revoked) return refuse('revoked');
    const now = this.now();
    if (record.rotatedAt !== undefined) {
      // Tolerated only strictly inside the leeway: with no leeway, any replay kills the grant.
      if (now - record.rotatedAt >= this.policy.reuseLeewayMs) {
        this.revokeGrant(grant.id);
        return refuse('reused');
      }
    } else if (
      now - record.issuedAt > this.policy.refreshIdleTtlMs ||
      now - grant.createdAt > this.policy.refreshAbsoluteTtlMs
    ) {
      return refuse('expired');
    }
    record.rotatedAt ??= now;
    this.events.push({ kind: 'refreshed', grantId: grant.id });
    return { ok: true, tokens: this.issueFor(grant, true) };
  }

  /** The grant behind an access or refresh token, whatever state either is in (tests, broken variants). */
  grantOf(token: string): Grant | undefined {
    const grantId = this.access.get(token)?.grantId ?? this.refresh.get(token)?.grantId;
    return grantId === undefined ? undefined : this.grants.get(grantId);
  }

  revokeGrant(grantId: string): void {
    const grant = this.grants.get(grantId);
    if (grant && !grant.revoked) {
      grant.revoked = true;
      this.events.push({ kind: 'revoked', grantId });
    }
  }

  /** RFC 7009: revoking either token of a grant ends the grant. Unknown tokens are ignored. */
  revokeToken(token: string): void {
    const grant = this.grantOf(token);
    if (grant) this.revokeGrant(grant.id);
  }

  /** Expires every access token now (refresh tokens stay valid): the mid-session expiry tests use. */
  expireAccessTokens(): void {
    const now = this.now();
    for (const record of this.access.values()) record.expiresAt = Math.min(record.expiresAt, now);
  }

  issueCode(code: Omit<AuthorizationCode, 'expiresAt'>, ttlMs = 60_000): string {
    const value = secret();
    this.codes.set(value, { ...code, expiresAt: this.now() + ttlMs });
    return value;
  }

  /** Exchanges a code once; PKCE, redirect URI and client must match what authorize saw. */
  exchangeCode(
    code: string,
    input: { clientId: string | undefined; redirectUri: string | undefined; verifier: string | undefined },
  ): CodeExchange {
    const record = this.codes.get(code);
    this.codes.delete(code);
    const refuse = (reason: Exclude<CodeExchange, { ok: true }>['reason']): CodeExchange => {
      this.events.push({ kind: 'code-refused', reason });
      return { ok: false, reason };
    };
    if (!record) return refuse('unknown');
    if (this.now() > record.expiresAt) return refuse('expired');
    if (input.clientId !== undefined && input.clientId !== record.clientId) return refuse('client');
    if (input.redirectUri !== undefined && input.redirectUri !== record.redirectUri)
      return refuse('redirect');
    if (record.challenge !== undefined) {
      const expected =
        record.challengeMethod === 'plain' ? input.verifier : input.verifier && pkceChallenge(input.verifier);
      if (expected !== record.challenge) return refuse('pkce');
    }
    this.events.push({ kind: 'code-exchanged' });
    return {
      ok: true,
      tokens: this.issue({
        accountId: record.accountId,
        clientId: record.clientId,
        scopes: record.scopes,
        audience: record.audience,
      }),
    };
  }
}
