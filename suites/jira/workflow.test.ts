import { expect } from 'vitest';
import { supported } from '../../harness/scenario/outcome.ts';
import { verifies } from '../../harness/scenario/verifies.ts';
import { NotTestableError } from '../../harness/errors.ts';

verifies('jira.issue.transition', async (ctx) => {
  const driver = await ctx.driver();
  const ref = await driver.createIssue({
    project: ctx.site.sandboxProject,
    issueType: 'Task',
    summary: ctx.unique('Transition check'),
  });
  const before = (await driver.getIssue(ref.key)).status;
  const transitions = await driver.transitions(ref.key);
  const move = transitions.find((t) => t.to !== '' && t.to !== before);
  if (!move) throw new NotTestableError(`no transition leaves "${before}" in the sandbox workflow`);
  await driver.transition(ref.key, move.id);
  const after = (await driver.getIssue(ref.key)).status;
  expect(after).toBe(move.to);
  return supported(
    `${transitions.length} transitions from "${before}"; "${move.name}" moved ${ref.key} to "${after}"`,
  );
});

verifies('jira.issue.comment', async (ctx) => {
  const driver = await ctx.driver();
  const ref = await driver.createIssue({
    project: ctx.site.sandboxProject,
    issueType: 'Task',
    summary: ctx.unique('Comment check'),
  });
  const body = 'Looks good, but see *step 2* and `retry()`.';
  const added = await driver.addComment(ref.key, body);
  const me = await driver.whoAmI();
  const listed = await driver.comments(ref.key);
  expect(listed.map((c) => c.body)).toContain(body);
  expect(listed.find((c) => c.id === added.id)?.authorAccountId).toBe(me.accountId);
  const edited = await driver.editComment(ref.key, added.id, 'Updated: all good.');
  expect(edited.id).toBe(added.id);
  const relisted = await driver.comments(ref.key);
  expect(relisted.map((c) => c.body)).toEqual(['Updated: all good.']);
  return supported(`comment ${added.id} on ${ref.key} read back as written and was edited in place`);
});

verifies('jira.issue.worklog', async (ctx) => {
  const driver = await ctx.driver();
  const ref = await driver.createIssue({
    project: ctx.site.sandboxProject,
    issueType: 'Task',
    summary: ctx.unique('Worklog check'),
  });
  const logged = await driver.logWork(ref.key, '2h 30m');
  expect(logged.timeSpentSeconds).toBe(9000);
  return supported(`"2h 30m" logged on ${ref.key} as ${logged.timeSpentSeconds} s`);
});

verifies('jira.issue.link', async (ctx) => {
  const driver = await ctx.driver();
  const types = await driver.linkTypes();
  if (!types.includes('Blocks')) throw new NotTestableError('the site has no "Blocks" link type');
  const blocker = await driver.createIssue({
    project: ctx.site.sandboxProject,
    issueType: 'Task',
    summary: ctx.unique('Link check blocker'),
  });
  const blocked = await driver.createIssue({
    project: ctx.site.sandboxProject,
    issueType: 'Task',
    summary: ctx.unique('Link check blocked'),
  });
  await driver.linkIssues('Blocks', blocker.key, blocked.key);
  const issue = await driver.getIssue(blocked.key, { fields: ['issuelinks'] });
  expect(JSON.stringify(issue.fields.issuelinks ?? [])).toContain(blocker.key);
  return supported(
    `${types.length} link types; "Blocks" link between ${blocker.key} and ${blocked.key} shows on the issue`,
  );
});
