import { expect } from 'vitest';
import { Session } from '../../harness/connect/session.ts';
import { NotTestableError } from '../../harness/errors.ts';
import { supported } from '../../harness/scenario/outcome.ts';
import { verifies } from '../../harness/scenario/verifies.ts';

/**
 * API-token Basic auth and its documented failures (rovo-surface.md 3c, 3d). Only a target with an
 * MCP endpoint of its own takes API tokens (`ctx.probe()` says not-testable otherwise): a server in
 * front of the fake site (legacy-mock, stdio) signs in to it with its own grant.
 */

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
/** The server's own sentence inside the client's error, when it sent an OAuth-style body. */
const sentence = (text: string) => /"error_description":"([^"]+)"/.exec(text)?.[1] ?? text.slice(-160);

verifies('auth.api-token.disabled', async (ctx) => {
  ctx.probe();
  const cloud = ctx.mock("switching API-token authentication off in the organisation's admin settings");
  cloud.auth.apiToken = { ...cloud.auth.apiToken, enabled: false };
  const refused = await ctx.connect().then(
    () => undefined,
    (error: unknown) => message(error),
  );
  expect(typeof refused, 'a valid API token is refused while the admin has not enabled them').toBe('string');
  expect(refused, 'the refusal names API tokens and the admin').toMatch(/API token[\s\S]*admin/i);
  return supported(`with API tokens off, a valid token was refused: "${sentence(refused ?? '')}"`);
});

verifies('auth.api-token.classic', async (ctx) => {
  ctx.probe();
  const attempt = await ctx.connect('classic').then(
    (session) => session,
    (error: unknown) => error,
  );
  if (attempt instanceof NotTestableError) throw attempt;
  if (attempt instanceof Session) {
    const names = await attempt.listToolNames();
    const product = names.filter(
      (n) => !/TeamworkGraph/.test(n) && n !== 'atlassianUserInfo' && n !== 'getAccessibleAtlassianResources',
    );
    expect(product, 'a classic token reaches no product tool').toEqual([]);
    return supported(`the classic token connected and sees only ${names.join(', ')}`);
  }
  const refused = message(attempt);
  expect(refused, 'the refusal asks for a scoped (modern) token').toMatch(/scope|modern/i);
  return supported(`the classic token was refused: "${sentence(refused)}"`);
});
