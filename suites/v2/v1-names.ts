import { expect } from 'vitest';
import type { CheckContext } from '../../harness/scenario/context.ts';
import { type Outcome, supported } from '../../harness/scenario/outcome.ts';
import { execute, unlessV2 } from '../../harness/scenario/v2.ts';

/** A retired v1 name through executeRead is an unknown operation; its v2 successor answers. */
export async function v1NamesRefused(ctx: CheckContext): Promise<Outcome> {
  const gate = unlessV2(ctx);
  if (gate) return gate;
  const session = await ctx.connect();
  const v1 = await execute(ctx, session, 'executeRead', 'getVisibleJiraProjects', {});
  expect(v1.isError, `executeRead ran the v1 name getVisibleJiraProjects: ${v1.text.slice(0, 200)}`).toBe(
    true,
  );
  const v2 = await execute(ctx, session, 'executeRead', 'listJiraProjects', {});
  expect(v2.isError, `executeRead listJiraProjects, the v2 successor: ${v2.text.slice(0, 200)}`).toBe(false);
  return supported(
    `executeRead getVisibleJiraProjects refused ("${v1.text.slice(0, 160)}"); listJiraProjects answered`,
  );
}
