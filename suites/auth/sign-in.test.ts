import { StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { expect } from 'vitest';
import { readCallback } from '../../harness/auth/authorizers.ts';
import { readToolResult } from '../../harness/drivers/tool-call.ts';
import { NotTestableError } from '../../harness/errors.ts';
import { checkLabel } from '../../harness/scenario/helpers.ts';
import { fetchProtectedResource, prmLocations } from '../../harness/scenario/oauth-probes.ts';
import { partial, supported } from '../../harness/scenario/outcome.ts';
import { verifies } from '../../harness/scenario/verifies.ts';

/** The authorization-code flow itself, and asking for more scope later. Both need someone to consent. */

const HEADLESS =
  'a sign-in the harness can perform itself (the mock authorize page); live sign-ins are interactive';

verifies('auth.oauth.sign-in', async (ctx) => {
  const { provider, driver } = await ctx.oauth();
  if (!provider.canAuthorize) throw new NotTestableError(HEADLESS);
  const client = provider.clientInformation();
  const meta = provider.discoveryState()?.authorizationServerMetadata;
  expect(client?.client_id, 'the client registered dynamically').toMatch(/^\S+$/);
  expect(provider.stats.codeExchanges, 'the session began with one code exchange').toBe(1);
  const me = await (await driver()).whoAmI();
  expect(me.accountId, 'the tokens speak for the signed-in member').toBe(
    (await (await ctx.driver()).whoAmI()).accountId,
  );

  // PKCE: ask for plain where only S256 is advertised; no code may come back.
  const methods = meta?.code_challenge_methods_supported ?? [];
  let pkce = 'plain PKCE is advertised as well';
  if (meta && client && !methods.includes('plain')) {
    const url = new URL(meta.authorization_endpoint);
    const params = {
      response_type: 'code',
      client_id: client.client_id,
      redirect_uri: provider.redirectUrl,
      code_challenge: 'p'.repeat(43),
      code_challenge_method: 'plain',
      state: 'plain-probe',
    };
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    const res = await fetch(url, { redirect: 'manual' });
    const location = res.headers.get('location');
    const answer = location ? readCallback(new URL(location)) : { error: `HTTP ${res.status}` };
    expect('code' in answer, 'plain PKCE is refused where only S256 is advertised').toBe(false);
    pkce = `plain PKCE was refused (${'error' in answer ? answer.error : ''})`;
  }

  const cloud = ctx.mock('denying consent on the authorize page');
  cloud.auth.consent = { ...cloud.auth.consent, decision: 'deny' };
  const denied = await ctx.oauth('viewer').then(
    () => 'signed in',
    (error: unknown) => String(error),
  );
  expect(denied, 'a denied consent fails the sign-in with access_denied').toMatch(/access_denied/);
  const said = `client ${client?.client_id ?? ''} registered, authorized with S256 and exchanged its code for a session as ${me.displayName}; ${pkce}; a denied consent came back as access_denied`;
  return methods.includes('plain')
    ? partial(said, 'clients must send S256 themselves: the server would take plain')
    : supported(said);
});

verifies('auth.scope.step-up', async (ctx) => {
  const prm = (await Promise.all(prmLocations(ctx.probe().url).map(fetchProtectedResource))).find(
    (p) => p.document,
  );
  const scopes = prm?.document?.scopes_supported ?? [];
  const narrow = scopes.filter((s) => !s.startsWith('write:'));
  if (narrow.length === 0 || narrow.length === scopes.length)
    throw new NotTestableError(
      'protected-resource metadata whose scopes_supported separates read from write scopes',
    );
  const attempt = async (client: 'sdk' | 'harness', scope?: string) => {
    const { session, provider } = await ctx.oauth('member', { client, ...(scope ? { scope } : {}) });
    if (!provider.canAuthorize) throw new NotTestableError(HEADLESS);
    const listed = (await session.listToolNames()).includes('createJiraIssue');
    const label = checkLabel(ctx, `step-up-${client}`);
    const outcome = await session
      .callTool('createJiraIssue', {
        cloudId: ctx.site.cloudId,
        projectKey: ctx.site.sandboxProject,
        issueTypeName: 'Task',
        summary: ctx.unique(`Created after a step-up (${client})`),
        additional_fields: { labels: [label] },
      })
      .then(
        (result) => (readToolResult('createJiraIssue', result).ok ? 'created' : 'refused by the tool'),
        (error: unknown) =>
          `failed${error instanceof StreamableHTTPError ? ` with HTTP ${error.code}` : ''}: ${error instanceof Error ? error.message : String(error)}`.slice(
            0,
            160,
          ),
      );
    const created = (await (await ctx.driver('admin')).searchIssues(`labels = "${label}"`)).issues.length;
    expect(created, `${client}: the issues found match the answer "${outcome}"`).toBe(
      outcome === 'created' ? 1 : 0,
    );
    return { listed, outcome, stepUps: provider.stats.stepUps };
  };
  const sdk = await attempt('sdk', narrow.join(' '));
  const harness = await attempt('harness', narrow.join(' '));
  ctx.note('plainSdk', sdk);
  ctx.note('harnessClient', harness);
  expect([sdk.listed, harness.listed], 'without write scopes, createJiraIssue is not listed').toEqual([
    false,
    false,
  ]);
  const said = `signed in with ${narrow.length} read scopes, createJiraIssue was unlisted; the harness client: ${harness.outcome} after ${harness.stepUps} step-up(s); the plain SDK client: ${sdk.outcome}`;
  if (harness.stepUps === 1) {
    expect(harness.outcome, 'the call goes through after the step-up').toBe('created');
    return supported(said);
  }
  expect(harness.outcome, 'a 403 insufficient_scope must name scopes a client can step up to').not.toMatch(
    /HTTP 403/,
  );
  // No insufficient_scope challenge to step up on: prove that signing in with every scope works.
  expect((await attempt('harness')).outcome, 'a sign-in with every scope can create').toBe('created');
  return partial(said, 'no insufficient_scope challenge came: sign in with the write scopes from the start');
});
