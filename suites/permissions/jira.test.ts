import { expect } from 'vitest';
import type { Driver, IssueRef } from '../../harness/drivers/types.ts';
import type { TargetError } from '../../harness/drivers/tool-call.ts';
import { NotTestableError } from '../../harness/errors.ts';
import type { CheckContext } from '../../harness/scenario/context.ts';
import { answersLikeMissing } from '../../harness/scenario/denials.ts';
import { expectRejection } from '../../harness/scenario/expect.ts';
import { checkLabel } from '../../harness/scenario/helpers.ts';
import { supported } from '../../harness/scenario/outcome.ts';
import { verifies } from '../../harness/scenario/verifies.ts';

/**
 * Jira denials: a browse-only identity (`viewer`) is refused every change, and admin reads the issue
 * afterwards to prove nothing moved. Hidden issues must be indistinguishable from missing ones.
 */

const said = (error: TargetError) =>
  error.jiraErrors()?.errorMessages[0] ?? error.targetMessage.slice(0, 160);

/** An issue the member creates in the sandbox for a viewer to try to change. */
async function memberIssue(ctx: CheckContext, hint: string): Promise<{ ref: IssueRef; label: string }> {
  const label = checkLabel(ctx, hint);
  const ref = await (
    await ctx.driver()
  ).createIssue({
    project: ctx.site.sandboxProject,
    issueType: 'Task',
    summary: ctx.unique(hint),
    labels: [label],
  });
  return { ref, label };
}

verifies('permissions.jira.create-denied', async (ctx) => {
  const label = checkLabel(ctx, 'perm-create');
  const viewer = await ctx.driver('viewer');
  const error = await expectRejection(
    viewer.createIssue({
      project: ctx.site.sandboxProject,
      issueType: 'Task',
      summary: ctx.unique('Create as a browse-only user'),
      labels: [label],
    }),
    'a create by the browse-only identity',
  );
  expect(error.targetMessage, 'the refusal is about permission').toMatch(/permission/i);
  const admin = await ctx.driver('admin');
  expect((await admin.searchIssues(`labels = "${label}"`)).issues, 'admin finds nothing created').toEqual([]);
  return supported(
    `viewer's create in ${ctx.site.sandboxProject} was refused ("${said(error)}"); admin finds nothing`,
  );
});

verifies('permissions.jira.create-projects', async (ctx) => {
  const keys = async (driver: Driver, action: 'browse' | 'create') =>
    (await driver.listProjects({ action })).map((p) => p.key);
  const viewer = await ctx.driver('viewer');
  const sandbox = ctx.site.sandboxProject;
  expect(await keys(viewer, 'browse'), 'the viewer may browse the sandbox').toContain(sandbox);
  expect(await keys(viewer, 'create'), 'but it is absent under action=create').not.toContain(sandbox);
  expect(await keys(await ctx.driver(), 'create'), 'the member sees it under create').toContain(sandbox);
  return supported(
    `${sandbox} is listed for viewer under browse, not under create; member sees it under create`,
  );
});

verifies('permissions.jira.edit-denied', async (ctx) => {
  const { ref, label } = await memberIssue(ctx, 'perm-edit');
  const admin = await ctx.driver('admin');
  const before = await admin.getIssue(ref.key);
  const error = await expectRejection(
    (await ctx.driver('viewer')).editIssue(ref.key, {
      summary: 'Changed by a browse-only user',
      labels: ['changed'],
    }),
    `viewer editing ${ref.key}`,
  );
  const after = await admin.getIssue(ref.key);
  expect(after.summary, 'the summary is unchanged').toBe(before.summary);
  expect(after.labels, 'the labels are unchanged').toContain(label);
  return supported(`viewer's edit of ${ref.key} was refused ("${said(error)}"); admin reads it unchanged`);
});

verifies('permissions.jira.transition-denied', async (ctx) => {
  const { ref } = await memberIssue(ctx, 'perm-transition');
  const admin = await ctx.driver('admin');
  const before = await admin.getIssue(ref.key);
  const move = (await (await ctx.driver()).transitions(ref.key)).find((t) => t.to !== before.status);
  if (!move)
    throw new NotTestableError(`no transition leads out of "${before.status}" in ${ctx.site.sandboxProject}`);
  const viewer = await ctx.driver('viewer');
  const offered = await viewer.transitions(ref.key).catch(() => []);
  expect(offered, 'the viewer is offered no transition').toEqual([]);
  const error = await expectRejection(viewer.transition(ref.key, move.id), `viewer moving ${ref.key}`);
  expect((await admin.getIssue(ref.key)).status, 'the status is unchanged').toBe(before.status);
  return supported(
    `viewer was offered no transition and "${move.name}" was refused ("${said(error)}"); status unchanged`,
  );
});

verifies('permissions.jira.comment-denied', async (ctx) => {
  const { ref } = await memberIssue(ctx, 'perm-comment');
  const error = await expectRejection(
    (await ctx.driver('viewer')).addComment(ref.key, 'A comment from a browse-only user'),
    `viewer commenting on ${ref.key}`,
  );
  expect(await (await ctx.driver('admin')).comments(ref.key), 'no comment was added').toEqual([]);
  return supported(`viewer's comment on ${ref.key} was refused ("${said(error)}"); admin finds no comment`);
});

verifies('permissions.jira.assign-denied', async (ctx) => {
  const { ref } = await memberIssue(ctx, 'perm-assign');
  // The member may be assigned issues; only the viewer's permission to assign is in question.
  const assignee = await (await ctx.driver()).whoAmI();
  const error = await expectRejection(
    (await ctx.driver('viewer')).editIssue(ref.key, {
      fields: { assignee: { accountId: assignee.accountId } },
    }),
    `viewer assigning ${ref.key}`,
  );
  expect(Object.keys(error.jiraErrors()?.errors ?? {}), 'the refusal is keyed by assignee').toContain(
    'assignee',
  );
  expect(
    (await (await ctx.driver('admin')).getIssue(ref.key)).assigneeAccountId,
    'still unassigned',
  ).toBeNull();
  return supported(
    `viewer's assignment of ${ref.key} was refused (assignee: "${error.jiraErrors()?.errors.assignee}")`,
  );
});

verifies('permissions.jira.hidden-issue', async (ctx) => {
  const { restrictedProject, securityLevel, sandboxProject } = ctx.site;
  if (!restrictedProject || !securityLevel)
    throw new NotTestableError(
      'a restricted project and an issue security level (site facts restrictedProject, securityLevel)',
    );
  const member = await ctx.driver();
  const byProject = await member.createIssue({
    project: restrictedProject,
    issueType: 'Task',
    summary: ctx.unique('Hidden by its project'),
  });
  const byLevel = await member.createIssue({
    project: sandboxProject,
    issueType: 'Task',
    summary: ctx.unique('Hidden by its security level'),
    fields: { security: { name: securityLevel } },
  });
  const cases = [
    { hidden: byProject, missing: `${restrictedProject}-999999`, who: await ctx.driver('outsider') },
    { hidden: byLevel, missing: `${sandboxProject}-999999`, who: await ctx.driver('viewer') },
  ];
  const answers = new Set<string>();
  for (const { hidden, missing, who } of cases) {
    const transition = (await member.transitions(hidden.key))[0]?.id ?? '11';
    const calls: [string, (key: string) => Promise<unknown>][] = [
      ['read', (key) => who.getIssue(key)],
      ['edit', (key) => who.editIssue(key, { summary: 'Edited while hidden' })],
      ['comment', (key) => who.addComment(key, 'Commented while hidden')],
      ['transition', (key) => who.transition(key, transition)],
    ];
    for (const [what, call] of calls)
      answers.add(
        await answersLikeMissing(
          `${what} of ${hidden.key}`,
          { id: hidden.key, call: () => call(hidden.key) },
          { id: missing, call: () => call(missing) },
        ),
      );
  }
  const admin = await ctx.driver('admin');
  for (const { hidden } of cases) {
    expect((await admin.getIssue(hidden.key)).summary, `${hidden.key} is unchanged`).not.toBe(
      'Edited while hidden',
    );
    expect(await admin.comments(hidden.key), `${hidden.key} has no comment`).toEqual([]);
  }
  return supported(
    `${byProject.key} (project outsider cannot browse) and ${byLevel.key} (security level "${securityLevel}") answered reads, edits, comments and transitions like a missing key: ${[...answers].map((a) => `"${a.slice(0, 100)}"`).join(', ')}; admin finds both unchanged`,
  );
});
