import { pkceChallenge } from '../atlassian/oauth/tokens.ts';
import { parseBasic } from '../atlassian/basic-auth.ts';
import { patchAuthentication, patchHttp, rewriteChallenge } from './kit/patch.ts';
import type { Variant } from './kit/types.ts';
import type { FakeCloud } from '../cloud.ts';
import type { User } from '../atlassian/entities/people.ts';
import type { AuthOutcome } from '../rovo/auth/api-token.ts';

/** Lets a Basic credential in as its email's account with every tool when `when` says so. */
function fullAccessWhen(
  cloud: FakeCloud,
  when: (outcome: AuthOutcome, user: User, token: string) => boolean,
): void {
  patchAuthentication(cloud, (outcome, request) => {
    const basic = parseBasic(request.headers.get('authorization'));
    const user = [...cloud.store.users.values()].find((u) => u.email === basic?.email);
    if (!basic || !user || !when(outcome, user, basic.token)) return outcome;
    return {
      ok: true,
      accountId: user.accountId,
      token: 'api-token',
      clientId: 'api-token',
      scopes: null,
      via: 'api-token',
    };
  });
}

/** Authorization-server and resource-server defects, each the way a real server could get it wrong. */
export const variants: Variant[] = [
  {
    name: 'metadata-without-s256',
    defect: 'the authorization-server metadata offers only plain PKCE',
    breaks: ['auth.discovery.metadata'],
    apply: (cloud) =>
      patchHttp(cloud, async (request, healthy) => {
        const response = await healthy(request);
        if (!new URL(request.url).pathname.includes('/.well-known/oauth-authorization-server'))
          return response;
        const body = (await response.json()) as Record<string, unknown>;
        return Response.json(
          { ...body, code_challenge_methods_supported: ['plain'] },
          { status: response.status },
        );
      }),
  },
  {
    name: 'challenge-without-resource-metadata',
    defect: 'the 401 challenge leaves out resource_metadata although the server publishes the document',
    breaks: ['auth.challenge.unauthorized'],
    apply: (cloud) =>
      patchAuthentication(cloud, (outcome) =>
        outcome.ok
          ? outcome
          : {
              ok: false,
              response: rewriteChallenge(outcome.response, (h) =>
                h.replace(/resource_metadata="[^"]*",\s*/, ''),
              ),
            },
      ),
  },
  {
    name: 'tokens-never-expire',
    defect: 'the resource server never enforces access-token expiry',
    breaks: ['auth.tokens.rejected', 'auth.expiry.mid-session'],
    apply(cloud) {
      cloud.tokens.policy = { ...cloud.tokens.policy, accessTtlMs: Number.MAX_SAFE_INTEGER };
      cloud.tokens.expireAccessTokens = () => undefined;
    },
  },
  {
    name: 'pkce-plain-accepted',
    defect: 'the authv2 authorize endpoint takes plain PKCE although its metadata offers S256 only',
    breaks: ['auth.oauth.sign-in'],
    apply: (cloud) =>
      patchHttp(cloud, (request, healthy) => {
        const url = new URL(request.url);
        if (url.pathname !== '/authorize' || url.searchParams.get('code_challenge_method') !== 'plain')
          return healthy(request);
        // Treat the plain challenge as its own S256 form, so the plain verifier later matches.
        url.searchParams.set('code_challenge', pkceChallenge(url.searchParams.get('code_challenge') ?? ''));
        url.searchParams.set('code_challenge_method', 'S256');
        return healthy(new Request(url, request));
      }),
  },
  {
    name: 'refresh-refused',
    defect: 'the token endpoint refuses every refresh token (invalid_grant)',
    breaks: ['auth.expiry.race'],
    apply(cloud) {
      cloud.tokens.refreshTokens = () => ({ ok: false, reason: 'unknown' });
    },
  },
  {
    name: 'executes-then-401',
    defect:
      'a call with an expired token runs first and is refused (401) afterwards, so the retry repeats it',
    breaks: ['auth.expiry.create-once'],
    apply: (cloud) =>
      patchHttp(cloud, async (request, healthy) => {
        const token = /^Bearer\s+(\S+)/i.exec(request.headers.get('authorization') ?? '')?.[1];
        const check = token ? cloud.tokens.verifyAccess(token) : undefined;
        const user = token ? cloud.store.users.get(cloud.tokens.grantOf(token)?.accountId ?? '') : undefined;
        if (!user || check?.ok !== false || check.reason !== 'expired' || request.method !== 'POST')
          return healthy(request);
        const headers = new Headers(request.headers);
        headers.set(
          'authorization',
          `Basic ${Buffer.from(`${user.email}:${user.apiToken}`).toString('base64')}`,
        );
        await (await healthy(new Request(request.clone(), { headers }))).text();
        return healthy(request);
      }),
  },
  {
    name: 'reused-refresh-accepted',
    defect: 'a rotated refresh token stays valid: replaying it is accepted and nothing is revoked',
    breaks: ['auth.refresh.reuse'],
    apply(cloud) {
      cloud.tokens.policy = { ...cloud.tokens.policy, reuseLeewayMs: Number.POSITIVE_INFINITY };
    },
  },
  {
    name: 'ended-session-answers-400',
    defect:
      'a request on a session the server ended answers 400 instead of 404, so clients do not re-initialize',
    breaks: ['auth.session.expiry'],
    apply: (cloud) =>
      patchHttp(cloud, (request, healthy) => {
        const sid = request.headers.get('mcp-session-id');
        if (sid === null || cloud.rovo.sessions.has(sid)) return healthy(request);
        return Promise.resolve(
          Response.json(
            {
              jsonrpc: '2.0',
              error: { code: -32000, message: 'Bad Request: No valid session ID provided' },
              id: null,
            },
            { status: 400 },
          ),
        );
      }),
  },
  {
    name: 'insufficient-scope-without-scope',
    defect: 'the 403 insufficient_scope challenge does not say which scopes to ask for',
    breaks: ['auth.scope.step-up'],
    apply: (cloud) =>
      patchAuthentication(cloud, (outcome) => {
        const denied = outcome.ok ? outcome.insufficientScope : undefined;
        if (!outcome.ok || !denied) return outcome;
        return {
          ...outcome,
          insufficientScope: (tool) =>
            rewriteChallenge(denied(tool), (h) => h.replace(/,\s*scope="[^"]*"/, '')),
        };
      }),
  },
  {
    name: 'api-token-switch-ignored',
    defect: "API tokens work although the organisation's admin has not enabled them",
    breaks: ['auth.api-token.disabled'],
    apply(cloud) {
      let policy = cloud.auth.apiToken;
      Object.defineProperty(cloud.auth, 'apiToken', {
        get: () => ({ ...policy, enabled: true }),
        set: (value: typeof policy) => {
          policy = value;
        },
      });
    },
  },
  {
    name: 'wrong-token-full-access',
    defect: "a Basic credential whose token does not exist is let in as the email's account, with every tool",
    breaks: ['auth.api-token.wrong'],
    apply: (cloud) => fullAccessWhen(cloud, (outcome) => outcome.ok && outcome.via === 'anonymous'),
  },
  {
    name: 'classic-token-full-access',
    defect: 'a classic (unscoped) API token is taken as a scoped token with every scope',
    breaks: ['auth.api-token.classic'],
    apply: (cloud) =>
      fullAccessWhen(cloud, (_outcome, user, token) =>
        user.tokens.some((t) => t.token === token && !t.scopes),
      ),
  },
];
