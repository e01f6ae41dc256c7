import { OAuthTokensSchema } from '@modelcontextprotocol/sdk/shared/auth.js';
import { expect } from 'vitest';
import { AuthError } from '../../harness/auth/errors.ts';
import { NotTestableError } from '../../harness/errors.ts';
import { refreshByHand } from '../../harness/scenario/oauth-probes.ts';
import { supported, unsupported } from '../../harness/scenario/outcome.ts';
import { verifies } from '../../harness/scenario/verifies.ts';

/** Rotating refresh tokens and reuse detection: a replayed refresh token must end the whole grant. */

verifies('auth.refresh.reuse', async (ctx) => {
  const { session, provider } = await ctx.oauth();
  if (!provider.canAuthorize)
    throw new NotTestableError(
      'a sign-in the check may throw away (headless, on mock targets): it revokes its grant',
    );
  const spent = provider.tokens()?.refresh_token;
  expect(spent, 'the sign-in gave a refresh token').toMatch(/^\S+$/);
  const rotation = await refreshByHand(provider, spent ?? '');
  expect(rotation.status, `a refresh works: ${JSON.stringify(rotation.body.error ?? '')}`).toBe(200);
  const fresh = OAuthTokensSchema.parse(rotation.body);
  if (!fresh.refresh_token || fresh.refresh_token === spent)
    return unsupported('refresh tokens do not rotate: a refresh answered the same refresh token, or none');
  provider.saveTokens({ ...fresh, issuer: provider.tokens()?.issuer });

  const replay = await refreshByHand(provider, spent ?? '');
  expect([replay.status >= 400, replay.body.error], 'the spent refresh token is refused').toEqual([
    true,
    'invalid_grant',
  ]);
  const newest = await refreshByHand(provider, fresh.refresh_token);
  expect(newest.body.error, 'the replay revoked the grant: the newest refresh token is dead too').toBe(
    'invalid_grant',
  );

  const error: unknown = await session.callTool('getIssueLinkTypes', { cloudId: ctx.site.cloudId }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'the access token died with the grant, and the harness client says so').toBeInstanceOf(
    AuthError,
  );
  expect((error as AuthError).message, 'the error says what to do').toMatch(/re-authorize with/);
  return supported(
    `refresh rotated the token; replaying the spent one answered ${replay.status} invalid_grant and revoked the grant (the newest refresh token and the session's access token died too); the harness client said: "${(error as AuthError).message}"`,
  );
});
