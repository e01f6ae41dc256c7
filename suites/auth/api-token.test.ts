import { expect } from 'vitest';
import { z } from 'zod';
import { Session } from '../../harness/connect/session.ts';
import { LATEST_PROTOCOL_VERSION } from '@modelcontextprotocol/sdk/types.js';
import { NotTestableError } from '../../harness/errors.ts';
import { partial, supported } from '../../harness/scenario/outcome.ts';
import { basicHeader } from '../../harness/targets/identities.ts';
import { verifies } from '../../harness/scenario/verifies.ts';

/**
 * API-token Basic auth and its documented failures (rovo-surface.md 3c, 3d). Only a target with an
 * MCP endpoint of its own takes API tokens (`ctx.probe()` says not-testable otherwise): a server in
 * front of the fake site (legacy-mock, stdio) signs in to it with its own grant.
 */

/** Tools an account of any kind is meant to see: Teamwork Graph and the two shared identity tools. */
const productTools = (names: readonly string[]) =>
  names.filter(
    (n) => !/TeamworkGraph/.test(n) && n !== 'atlassianUserInfo' && n !== 'getAccessibleAtlassianResources',
  );

const ToolsAnswer = z.object({
  result: z.object({ tools: z.array(z.object({ name: z.string() }).loose()) }),
});

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
    expect(productTools(names), 'a classic token reaches no product tool').toEqual([]);
    return supported(`the classic token connected and sees only ${names.join(', ')}`);
  }
  const refused = message(attempt);
  // Refused without a reason is safe but unhelpful: the agent sees a bare 401, not "use a scoped token".
  if (!/scope|modern/i.test(refused))
    return partial(
      `the classic token reached nothing, but the refusal does not say a scoped (modern) token is needed: "${sentence(refused)}"`,
      'create a scoped API token (or a service-account key) and tell users that classic tokens are refused',
    );
  return supported(`the classic token was refused: "${sentence(refused)}"`);
});

/**
 * A token that does not exist, as opposed to none: a live probe of 2026-07-27 (rovo-v2-surface.md 5.4)
 * saw Rovo open an anonymous session with only the Teamwork Graph tools instead of a 401.
 */
verifies('auth.api-token.wrong', async (ctx) => {
  const probe = ctx.probe();
  const member = ctx.site.identities.member;
  if (member?.kind !== 'basic')
    throw new NotTestableError('an API-token identity (member) whose email a wrong token is paired with');
  const authorization = basicHeader({ ...member, apiToken: 'ATATT-conformance-not-a-token-0000000000' });
  const opened = await probe.initialize(undefined, { authorization });
  if (opened.status === 401 || opened.status === 403)
    return supported(`a wrong API token was refused with ${opened.status}`);
  expect(opened.status, 'a wrong API token is refused (401/403) or opens a session').toBe(200);
  const session = {
    id: opened.headers.get('mcp-session-id') ?? undefined,
    protocolVersion: LATEST_PROTOCOL_VERSION,
    serverInfo: { name: '', version: '' },
  };
  const headers = { ...probe.sessionHeaders(session), authorization };
  await probe.post({ jsonrpc: '2.0', method: 'notifications/initialized' }, headers);
  const listed = ToolsAnswer.safeParse((await probe.post(probe.request('tools/list'), headers)).messages[0]);
  expect(listed.success, 'the session a wrong token opened answers tools/list').toBe(true);
  const names = listed.data?.result.tools.map((t) => t.name) ?? [];
  expect(productTools(names), 'a wrong API token reaches no product tool').toEqual([]);
  return partial(
    `a wrong API token was not refused: the session opened and lists only ${names.join(', ') || 'no tool'}, so an agent sees "tool not found", not an auth error`,
    'after connecting with an API token, check that tools/list has the Jira and Confluence tools (or call atlassianUserInfo) before trusting the session; read "tool not found" as a credential problem',
  );
});
