import { StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { expect } from 'vitest';
import { readToolResult } from '../../harness/drivers/tool-call.ts';
import type { CheckContext } from '../../harness/scenario/context.ts';
import { checkLabel } from '../../harness/scenario/helpers.ts';
import { rovoMockOf } from '../../harness/scenario/mock-hooks.ts';
import { partial, supported } from '../../harness/scenario/outcome.ts';
import { verifies } from '../../harness/scenario/verifies.ts';
import type { OAuthClientKind } from '../../harness/targets/identities.ts';

/**
 * Expiry in the middle of work. Only a mock can expire a token (or end a session) on demand, so these
 * checks are not-testable elsewhere; what they measure is whether the work survives, and how often
 * the client had to refresh.
 */

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A signed-in session whose next call will meet an expired access token. */
async function aboutToExpire(ctx: CheckContext, client: OAuthClientKind = 'harness') {
  const cloud = ctx.mock('expiring access tokens on demand');
  const oauth = await ctx.oauth('member', { client });
  const call = () => oauth.session.callTool('getIssueLinkTypes', { cloudId: ctx.site.cloudId });
  expect(readToolResult('getIssueLinkTypes', await call()).ok, 'the session works before expiry').toBe(true);
  cloud.tokens.expireAccessTokens();
  return { ...oauth, call };
}

verifies('auth.expiry.mid-session', async (ctx) => {
  const { session, provider, call } = await aboutToExpire(ctx);
  const sessionId = session.transport.sessionId;
  expect(readToolResult('getIssueLinkTypes', await call()).ok, 'the call after expiry is answered').toBe(
    true,
  );
  expect(provider.stats.refreshRequests, 'after exactly one refresh').toBe(1);
  expect(provider.stats.retries, 'and one retry of the call').toBe(1);
  expect(session.transport.sessionId, 'in the same session').toBe(sessionId);
  return supported(
    'the call after expiry got 401, then one refresh and one retry answered it in the same session',
  );
});

verifies('auth.expiry.create-once', async (ctx) => {
  const { driver, provider } = await aboutToExpire(ctx);
  const label = checkLabel(ctx, 'expiry-create');
  const ref = await (
    await driver()
  ).createIssue({
    project: ctx.site.sandboxProject,
    issueType: 'Task',
    summary: ctx.unique('Created across an expiry'),
    labels: [label],
  });
  expect(provider.stats.retries, 'the first attempt met the expired token').toBe(1);
  const found = await (await ctx.driver('admin')).searchIssues(`labels = "${label}"`);
  expect(
    found.issues.map((i) => i.key),
    'exactly one issue exists',
  ).toEqual([ref.key]);
  return supported(
    `the create that met the expired token was retried once after one refresh; admin finds exactly ${ref.key}`,
  );
});

verifies('auth.expiry.race', async (ctx) => {
  const race = async (client: OAuthClientKind) => {
    const { provider, call } = await aboutToExpire(ctx, client);
    const results = await Promise.allSettled([call(), call()]);
    return {
      answered: results.filter((r) => r.status === 'fulfilled').length,
      refreshRequests: provider.stats.refreshRequests,
      failures: results.flatMap((r) => (r.status === 'rejected' ? [message(r.reason).slice(0, 120)] : [])),
    };
  };
  const sdk = await race('sdk');
  const harness = await race('harness');
  ctx.note('plainSdk', sdk);
  ctx.note('harnessClient', harness);
  expect(harness.failures, 'the harness client answers both calls').toEqual([]);
  expect(harness.refreshRequests, 'with one refresh').toBe(1);
  const said = `harness client: 2/2 answered after 1 refresh; plain SDK client: ${sdk.answered}/2 answered after ${sdk.refreshRequests} refreshes`;
  if (sdk.failures.length === 0) return supported(`${said}: the server tolerates concurrent refreshes`);
  return partial(
    `${said} (${sdk.failures.join('; ')}): rotating refresh tokens fail a client that refreshes per request`,
    'refresh once per expiry (single flight), as the harness client does',
  );
});

verifies('auth.session.expiry', async (ctx) => {
  // The Rovo mock's own MCP endpoint ends its sessions; a server in front of the fake site keeps its own.
  ctx.probe();
  const rovo = rovoMockOf(ctx, 'ending sessions on the server');
  const driver = await ctx.driver();
  const ref = await driver.createIssue({
    project: ctx.site.sandboxProject,
    issueType: 'Task',
    summary: ctx.unique('Created before the session ended'),
  });
  await rovo.killSessions();
  const error: unknown = await driver.getIssue(ref.key).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'a request on the ended session is refused').toBeInstanceOf(StreamableHTTPError);
  expect((error as StreamableHTTPError).code, `with 404 (${message(error)})`).toBe(404);
  const fresh = await ctx.connect();
  const read = readToolResult(
    'getJiraIssue',
    await fresh.callTool('getJiraIssue', { cloudId: ctx.site.cloudId, issueIdOrKey: ref.key }),
  );
  expect(read.ok, 'a new session reads the issue created before').toBe(true);
  return supported(
    `after the server ended the session the next request got 404; a new initialize opened a session that still reads ${ref.key}`,
  );
});
