import { expect } from 'vitest';
import { NotTestableError } from '../../harness/errors.ts';
import type { CheckContext } from '../../harness/scenario/context.ts';
import { type Outcome, supported } from '../../harness/scenario/outcome.ts';
import {
  createV2Issue,
  discoverOps,
  execute,
  onMock,
  readV2Issue,
  unlessV2,
} from '../../harness/scenario/v2.ts';

/**
 * delete_jira and manage_jira are off until an admin enables them (RM). Against the mock the admin's
 * settings are the defaults, so an enabled group is the target's defect; on another site an admin may
 * have enabled it, which leaves the default unobservable there (not-testable, never failed).
 */
export async function disabledGroupsByDefault(ctx: CheckContext): Promise<Outcome> {
  const gate = unlessV2(ctx);
  if (gate) return gate;
  const session = await ctx.connect();
  const found = (await discoverOps(session, 'delete an issue permanently')).map((op) => op.name);
  if (found.includes('deleteJiraIssue') && !onMock(ctx))
    throw new NotTestableError(
      `a site whose admin left delete_jira at its default (discover lists deleteJiraIssue on ${ctx.target.name})`,
    );
  expect(found, 'discover("delete an issue permanently") with delete_jira at its default').not.toContain(
    'deleteJiraIssue',
  );
  const key = await createV2Issue(ctx, session, 'v2 disabled delete');
  const deleted = await execute(ctx, session, 'executeDestructive', 'deleteJiraIssue', { issueIdOrKey: key });
  expect(deleted.isError, `executeDestructive deleteJiraIssue ran: ${deleted.text.slice(0, 200)}`).toBe(true);
  const still = await readV2Issue(ctx, session, key, ['summary']);
  expect(still.isError, `${key} read back after the refused delete: ${still.text.slice(0, 200)}`).toBe(false);
  return supported(
    `discover left deleteJiraIssue out (${found.length} operations answered); executeDestructive deleteJiraIssue refused ("${deleted.text.slice(0, 160)}") and ${key} is still there`,
  );
}
