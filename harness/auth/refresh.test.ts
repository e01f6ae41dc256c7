import { afterAll, expect, it } from 'vitest';
import { connect, type Session } from '../connect/session.ts';
import type { OAuthClientKind } from '../targets/identities.ts';
import { ROVO_MOCK_URL } from '../kinds/rovo-mock.ts';
import { closeWorkerCloud, freshCloud } from '../kinds/worker-cloud.ts';
import { AuthError } from './errors.ts';
import { providerFor } from './identity.ts';
import { HarnessOAuthProvider } from './provider.ts';

const TARGET = { name: 'rovo-mock', kind: 'rovo-mock', dialect: 'rovo', reason: 'self-test' } as const;
const URL_ = 'https://mcp.atlassian.com/v1/mcp';

afterAll(async () => {
  await closeWorkerCloud();
});

async function signedIn(client: OAuthClientKind, scope?: string) {
  const cloud = await freshCloud({});
  const email = cloud.store.userByHandle('member')?.email ?? '';
  const provider = providerFor({ kind: 'headless', loginHint: email }, URL_, scope);
  const session = await connect(TARGET, {
    credentials: { kind: 'oauth', provider, client },
    requestTimeoutMs: 5000,
    url: ROVO_MOCK_URL,
  });
  const call = (s: Session = session) =>
    s.callTool('getIssueLinkTypes', { cloudId: cloud.store.site.cloudId });
  await call();
  return { cloud, provider, session, call };
}

it.each([1, 4, 16])(
  'the harness client refreshes once for %i concurrent calls that all hit expiry',
  async (n) => {
    const { cloud, provider, session, call } = await signedIn('harness');
    cloud.tokens.expireAccessTokens();
    const results = await Promise.allSettled(Array.from({ length: n }, () => call()));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(provider.stats.refreshRequests).toBe(1);
    await session.close();
  },
);

it('the plain SDK client refreshes per request, and rotation makes both racing calls fail', async () => {
  const { cloud, provider, session, call } = await signedIn('sdk');
  cloud.tokens.expireAccessTokens();
  const results = await Promise.allSettled([call(), call()]);
  expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  expect(provider.stats.refreshRequests).toBe(2);
  await session.close().catch(() => undefined);
});

it('a dead grant ends in an error that says to re-authorize, not in a silent new sign-in', async () => {
  const { cloud, provider, session, call } = await signedIn('harness');
  cloud.tokens.revokeToken(provider.tokens()?.refresh_token ?? '');
  const error: unknown = await call().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AuthError);
  expect((error as AuthError).message).toMatch(
    /invalid_grant[\s\S]*re-authorize with npx rovo-mcp-conformance login/,
  );
  expect(provider.stats.codeExchanges).toBe(1);
  await session.close().catch(() => undefined);
});

it('steps up to the scope a 403 names: a new authorization, then the call goes through once more', async () => {
  const { cloud, provider, session } = await signedIn(
    'harness',
    'read:jira:agent-interface read:me offline_access',
  );
  const created = await session.callTool('createJiraIssue', {
    cloudId: cloud.store.site.cloudId,
    projectKey: 'SBX',
    issueTypeName: 'Task',
    summary: 'created after a step-up',
  });
  expect(created.isError ?? false).toBe(false);
  expect(provider.stats).toMatchObject({ stepUps: 1, codeExchanges: 2, refreshRequests: 0 });
  expect(provider.tokens()?.scope).toContain('write:jira:agent-interface');
  await session.close();
});

it('without anyone to authorize, a step-up is an error naming the scopes to sign in with', async () => {
  const { cloud, provider, session } = await signedIn(
    'harness',
    'read:jira:agent-interface read:me offline_access',
  );
  const stored = new HarnessOAuthProvider({ ...provider.options, authorizer: undefined });
  const again = await connect(TARGET, {
    credentials: { kind: 'oauth', provider: stored, client: 'harness' },
    requestTimeoutMs: 5000,
    url: ROVO_MOCK_URL,
  });
  const error: unknown = await again
    .callTool('createJiraIssue', {
      cloudId: cloud.store.site.cloudId,
      projectKey: 'SBX',
      issueTypeName: 'Task',
      summary: 'x',
    })
    .catch((e: unknown) => e);
  expect(String(error)).toMatch(/needs the scopes "[^"]*write:jira:agent-interface[^"]*"[\s\S]*--scope/);
  await again.close().catch(() => undefined);
  await session.close();
});
