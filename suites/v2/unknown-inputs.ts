import { expect } from 'vitest';
import type { CheckContext } from '../../harness/scenario/context.ts';
import { type Outcome, partial } from '../../harness/scenario/outcome.ts';
import { createV2Issue, execute, readV2Issue, unlessV2 } from '../../harness/scenario/v2.ts';

/** A key no v2 operation declares; a mistyped input looks like this to the server. */
export const UNKNOWN_KEY = 'notifyWatchersTypo';

/**
 * Atlassian documents that execute* drops unknown input keys ("the call succeeds and your value is
 * simply ignored", SKv2). The check pins that contract and reports it as a finding: a dropped key is
 * a silent no-op, which the harness only catches by reading back what it wrote.
 */
export async function unknownInputsDropped(ctx: CheckContext): Promise<Outcome> {
  const gate = unlessV2(ctx);
  if (gate) return gate;
  const session = await ctx.connect();
  const key = await createV2Issue(ctx, session, 'v2 unknown input');
  const summary = ctx.unique('v2 summary after an unknown key');
  const edit = await execute(ctx, session, 'executeWrite', 'editJiraIssue', {
    issueIdOrKey: key,
    fields: { summary },
    [UNKNOWN_KEY]: false,
  });
  expect(
    edit.isError,
    `executeWrite editJiraIssue with the unknown input "${UNKNOWN_KEY}" was refused, where Atlassian documents v2 as dropping unknown keys (SKv2): ${edit.text}`,
  ).toBe(false);
  const read = await readV2Issue(ctx, session, key, ['summary']);
  expect(read.text, `the summary of ${key} read back after the edit`).toContain(summary);
  return partial(
    `executeWrite editJiraIssue on ${key} with the unknown input "${UNKNOWN_KEY}" succeeded without a word about it and applied only the known fields: dropped silently: ${UNKNOWN_KEY}`,
    'the harness reads back every write it makes through v2 and names the keys that did not take effect; agents must do the same (rovo-v2-surface.md 4.4 step 6)',
  );
}
