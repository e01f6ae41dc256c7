import { expect } from 'vitest';
import type { CheckContext } from '../../harness/scenario/context.ts';
import { type Outcome, supported } from '../../harness/scenario/outcome.ts';
import { discoverOps, unlessV2 } from '../../harness/scenario/v2.ts';

/** The goal of rovo-v2-surface.md 2.3's worked example, in an agent's words. */
export const LINK_GOAL = 'link two Jira issues together';

/** discover names createJiraIssueLink for the goal among the first three it answers. */
export async function discoverFindsOperation(ctx: CheckContext): Promise<Outcome> {
  const gate = unlessV2(ctx);
  if (gate) return gate;
  const session = await ctx.connect();
  const ops = await discoverOps(session, LINK_GOAL);
  const rank = ops.findIndex((op) => op.name === 'createJiraIssueLink');
  const firsts = ops
    .slice(0, 3)
    .map((op) => op.name)
    .join(', ');
  expect(
    rank,
    `discover("${LINK_GOAL}") names createJiraIssueLink among its first 3 (it answered ${firsts || 'nothing'})`,
  ).toBeGreaterThanOrEqual(0);
  expect(rank).toBeLessThan(3);
  const tier = ops[rank]?.tier;
  if (tier !== undefined) expect(tier, 'the tier discover gives createJiraIssueLink').toBe('write');
  return supported(
    `discover("${LINK_GOAL}") → createJiraIssueLink at rank ${rank + 1} of ${ops.length}${tier ? `, tier ${tier}` : ''}`,
  );
}
