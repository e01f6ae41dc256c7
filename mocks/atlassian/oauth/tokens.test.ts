import { expect, it } from 'vitest';
import { pkceChallenge, TokenService } from './tokens.ts';

function service(policy: Partial<TokenService['policy']> = {}) {
  let now = Date.parse('2026-11-24T10:00:00Z');
  const tokens = new TokenService(() => new Date(now));
  tokens.policy = { ...tokens.policy, ...policy };
  return { tokens, advance: (ms: number) => (now += ms) };
}

const grant = {
  accountId: 'acc-1',
  clientId: 'client-1',
  scopes: ['read:jira-work', 'offline_access'],
  audience: 'api.atlassian.com',
};

it('issues an access token that verifies until it expires', () => {
  const { tokens, advance } = service({ accessTtlMs: 1000 });
  const t = tokens.issue(grant);
  expect(t.expires_in).toBe(1);
  expect(tokens.verifyAccess(t.access_token)).toMatchObject({ ok: true });
  advance(1000);
  expect(tokens.verifyAccess(t.access_token)).toEqual({ ok: false, reason: 'expired' });
  expect(tokens.verifyAccess('at-nonsense')).toEqual({ ok: false, reason: 'unknown' });
});

it('gives a refresh token only with offline_access', () => {
  const { tokens } = service();
  expect(tokens.issue({ ...grant, scopes: ['read:jira-work'] }).refresh_token).toBeUndefined();
  expect(tokens.issue(grant).refresh_token).toMatch(/^rt-/);
});

it('rotates refresh tokens and revokes the whole grant when a spent one is replayed', () => {
  const { tokens, advance } = service();
  const first = tokens.issue(grant);
  const second = tokens.refreshTokens(first.refresh_token ?? '', 'client-1');
  expect(second.ok).toBe(true);
  if (!second.ok) return;
  advance(1);
  expect(tokens.refreshTokens(first.refresh_token ?? '', 'client-1')).toEqual({
    ok: false,
    reason: 'reused',
  });
  // The replay killed the family: the token that was still good is refused too.
  expect(tokens.refreshTokens(second.tokens.refresh_token ?? '', 'client-1')).toEqual({
    ok: false,
    reason: 'revoked',
  });
  expect(tokens.verifyAccess(second.tokens.access_token)).toEqual({ ok: false, reason: 'revoked' });
});

it('tolerates a replay inside the reuse leeway', () => {
  const { tokens, advance } = service({ reuseLeewayMs: 10 * 60_000 });
  const first = tokens.issue(grant);
  tokens.refreshTokens(first.refresh_token ?? '', undefined);
  advance(60_000);
  expect(tokens.refreshTokens(first.refresh_token ?? '', undefined).ok).toBe(true);
});

it('refuses a refresh token after the idle lifetime, and one presented by another client', () => {
  const { tokens, advance } = service({ refreshIdleTtlMs: 5000 });
  const t = tokens.issue(grant);
  expect(tokens.refreshTokens(t.refresh_token ?? '', 'someone-else')).toEqual({
    ok: false,
    reason: 'client',
  });
  advance(5001);
  expect(tokens.refreshTokens(t.refresh_token ?? '', 'client-1')).toEqual({ ok: false, reason: 'expired' });
});

it('exchanges a code once, checking the PKCE verifier and the redirect URI', () => {
  const { tokens } = service();
  const verifier = 'v'.repeat(43);
  const issue = () =>
    tokens.issueCode({
      ...grant,
      redirectUri: 'http://127.0.0.1:9/cb',
      challenge: pkceChallenge(verifier),
      challengeMethod: 'S256',
    });
  const code = issue();
  expect(
    tokens.exchangeCode(code, {
      clientId: 'client-1',
      redirectUri: 'http://127.0.0.1:9/cb',
      verifier: 'wrong',
    }),
  ).toEqual({ ok: false, reason: 'pkce' });
  const again = issue();
  expect(
    tokens.exchangeCode(again, { clientId: 'client-1', redirectUri: 'http://elsewhere/cb', verifier }),
  ).toEqual({ ok: false, reason: 'redirect' });
  const good = issue();
  expect(
    tokens.exchangeCode(good, { clientId: 'client-1', redirectUri: 'http://127.0.0.1:9/cb', verifier }).ok,
  ).toBe(true);
  expect(
    tokens.exchangeCode(good, { clientId: 'client-1', redirectUri: 'http://127.0.0.1:9/cb', verifier }),
  ).toEqual({ ok: false, reason: 'unknown' });
});

it('expireAccessTokens ends access but keeps refresh working', () => {
  const { tokens } = service();
  const t = tokens.issue(grant);
  tokens.expireAccessTokens();
  expect(tokens.verifyAccess(t.access_token).ok).toBe(false);
  expect(tokens.refreshTokens(t.refresh_token ?? '', undefined).ok).toBe(true);
});
