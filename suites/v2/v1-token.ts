import { expect } from 'vitest';
import { AUDIENCE } from '../../mocks/rovo/oauth/endpoints.ts';
import { NotTestableError } from '../../harness/errors.ts';
import type { CheckContext } from '../../harness/scenario/context.ts';
import { type Outcome, supported } from '../../harness/scenario/outcome.ts';
import { onMock, unlessV2 } from '../../harness/scenario/v2.ts';

/** A v1 (authv2-audience) access token for the member, minted by the mock's identity service. */
function v1Token(ctx: CheckContext): string {
  const cloud = ctx.mock('a v1 OAuth access token for the site');
  const member = cloud.store.userByHandle('member');
  if (!member) throw new NotTestableError('a member user on the mock site');
  return cloud.tokens.issue({
    accountId: member.accountId,
    clientId: 'rovo-mcp-conformance-v1-client',
    scopes: ['read:jira-work', 'write:jira-work'],
    audience: AUDIENCE.gen2,
  }).access_token;
}

/** /v2/mcp answers a v1 token 401 invalid_token, its challenge naming the v2 resource's metadata (T-V1TOK). */
export async function v1TokenRefused(ctx: CheckContext): Promise<Outcome> {
  const gate = unlessV2(ctx);
  if (gate) return gate;
  if (!onMock(ctx))
    throw new NotTestableError(
      'a v1 OAuth access token for this site (the harness signs in to one resource per target)',
    );
  const probe = ctx.probe();
  const answer = await probe.initialize(undefined, { authorization: `Bearer ${v1Token(ctx)}` });
  const challenge = answer.headers.get('www-authenticate') ?? '';
  expect(answer.status, `initialize on ${probe.url.pathname} with a v1 token`).toBe(401);
  expect(challenge, 'the challenge').toMatch(/error="invalid_token"/);
  const metadata = /resource_metadata="([^"]+)"/.exec(challenge)?.[1] ?? '';
  expect(new URL(metadata, probe.url).pathname, 'the metadata the challenge names').toBe(
    `/.well-known/oauth-protected-resource${probe.url.pathname}`,
  );
  return supported(`a v1 token got 401 from ${probe.url.pathname}: ${challenge.slice(0, 240)}`);
}
