import { expect } from 'vitest';
import { loadV2Profile } from '../../mocks/rovo/v2/profile/load.ts';
import { NotTestableError } from '../../harness/errors.ts';
import type { CheckContext } from '../../harness/scenario/context.ts';
import { type Outcome, supported } from '../../harness/scenario/outcome.ts';
import { execute, onMock, unlessV2 } from '../../harness/scenario/v2.ts';

/** The v1 endpoint path the cutover hands to the v2 tools (DOC-GS). */
export const V1_PATH = '/v1/mcp';
const V1_ONLY = ['getVisibleJiraProjects', 'getTransitionsForJiraIssue'];

/**
 * On the mock the check puts the site on the `cutover` profile's answers (2027-03-01 onward); on
 * another target it asks the v1 URL as it is today, and a v1 surface there means the cutover has not
 * happened yet (not-testable, with the date).
 */
export async function cutoverServesV2(ctx: CheckContext): Promise<Outcome> {
  const gate = unlessV2(ctx);
  if (gate) return gate;
  const mock = onMock(ctx);
  if (mock)
    Object.assign(ctx.mock('the cutover profile').rovoV2.profile.answers, loadV2Profile('cutover').answers);
  const session = await ctx.connect('member', { path: V1_PATH });
  const names = await session.listToolNames();
  if (!mock && !names.includes('discover'))
    throw new NotTestableError(
      `the 2027-03-01 cutover: ${V1_PATH} on ${ctx.target.name} still lists the v1 tools (${names.length})`,
    );
  expect(names, `${V1_PATH} after the cutover lists discover and executeRead`).toEqual(
    expect.arrayContaining(['discover', 'executeRead']),
  );
  expect(
    names.filter((n) => V1_ONLY.includes(n)),
    `v1-only names still on ${V1_PATH}`,
  ).toEqual([]);
  const projects = await execute(ctx, session, 'executeRead', 'listJiraProjects', {});
  expect(projects.isError, `executeRead listJiraProjects on ${V1_PATH}: ${projects.text.slice(0, 200)}`).toBe(
    false,
  );
  return supported(
    `${V1_PATH}${mock ? ' (cutover profile)' : ''} lists ${names.length} tools incl. discover and executeRead, none of ${V1_ONLY.join(', ')}; executeRead listJiraProjects answered there with the same credentials`,
  );
}
