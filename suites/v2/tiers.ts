import { expect } from 'vitest';
import type { CheckContext } from '../../harness/scenario/context.ts';
import { type Outcome, supported } from '../../harness/scenario/outcome.ts';
import { createV2Issue, execute, readV2Issue, unlessV2 } from '../../harness/scenario/v2.ts';

/** A write operation through executeRead is refused and changes nothing; executeWrite runs it. */
export async function tiersEnforced(ctx: CheckContext): Promise<Outcome> {
  const gate = unlessV2(ctx);
  if (gate) return gate;
  const session = await ctx.connect();
  const inward = await createV2Issue(ctx, session, 'v2 tier inward');
  const outward = await createV2Issue(ctx, session, 'v2 tier outward');
  const inputs = { linkType: 'Blocks', inwardIssue: inward, outwardIssue: outward };
  const viaRead = await execute(ctx, session, 'executeRead', 'createJiraIssueLink', inputs);
  const linked = async () => (await readV2Issue(ctx, session, inward, ['issuelinks'])).text.includes(outward);
  expect(viaRead.isError, `executeRead ran the write operation createJiraIssueLink: ${viaRead.text}`).toBe(
    true,
  );
  expect(await linked(), `${inward} links to ${outward} after the refused executeRead`).toBe(false);
  const viaWrite = await execute(ctx, session, 'executeWrite', 'createJiraIssueLink', inputs);
  expect(viaWrite.isError, `executeWrite createJiraIssueLink: ${viaWrite.text}`).toBe(false);
  expect(await linked(), `${inward} reads back a link to ${outward} after executeWrite`).toBe(true);
  return supported(
    `executeRead createJiraIssueLink refused ("${viaRead.text.slice(0, 160)}") and ${inward} stayed unlinked; executeWrite linked ${inward} → ${outward}`,
  );
}
