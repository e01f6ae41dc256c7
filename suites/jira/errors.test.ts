import { expect } from 'vitest';
import { expectRejection, expectTargetError } from '../../harness/scenario/expect.ts';
import { checkLabel } from '../../harness/scenario/helpers.ts';
import { supported } from '../../harness/scenario/outcome.ts';
import { verifies } from '../../harness/scenario/verifies.ts';

verifies('jira.errors.not-found', async (ctx) => {
  const driver = await ctx.driver();
  const key = `${ctx.site.sandboxProject}-999999`;
  const error = await expectRejection(driver.getIssue(key), `reading ${key}`);
  expect(error.targetMessage).toMatch(/does not exist or you do not have permission/i);
  return supported(`${key} answered "${error.jiraErrors()?.errorMessages[0] ?? error.targetMessage}"`);
});

verifies('jira.errors.bad-arguments', async (ctx) => {
  const session = await ctx.connect();
  const label = checkLabel(ctx, 'badargs');
  const base = { cloudId: ctx.site.cloudId, projectKey: ctx.site.sandboxProject, issueTypeName: 'Task' };
  const cases: [string, Record<string, unknown>, RegExp][] = [
    [
      'unknown argument',
      { ...base, summary: 'x', summery: 'typo', additional_fields: { labels: [label] } },
      /summery/,
    ],
    ['missing summary', { ...base, additional_fields: { labels: [label] } }, /summary/],
    ['wrong type', { ...base, summary: 42, additional_fields: { labels: [label] } }, /summary/],
  ];
  for (const [what, args, names] of cases) {
    const error = await expectTargetError(session, 'createJiraIssue', args);
    expect(error.targetMessage, `${what} is named`).toMatch(names);
  }
  const driver = await ctx.driver();
  const leftovers = await driver.searchIssues(`labels = "${label}"`);
  expect(leftovers.issues, 'nothing was created').toEqual([]);
  return supported(
    'unknown, missing and mistyped arguments were each refused naming the argument; nothing was created',
  );
});

verifies('jira.errors.field-errors', async (ctx) => {
  const session = await ctx.connect();
  const label = checkLabel(ctx, 'fielderr');
  const base = {
    cloudId: ctx.site.cloudId,
    projectKey: ctx.site.sandboxProject,
    issueTypeName: 'Task',
    summary: ctx.unique('Field error check'),
  };
  const badLabel = await expectTargetError(session, 'createJiraIssue', {
    ...base,
    additional_fields: { labels: [label, 'has space'] },
  });
  expect(
    badLabel.jiraErrors()?.errors.labels ?? '',
    `the error is keyed by "labels"; the target said: ${badLabel.targetMessage}`,
  ).toMatch(/space/i);
  const badPriority = await expectTargetError(session, 'createJiraIssue', {
    ...base,
    additional_fields: { labels: [label], priority: { name: 'Not A Priority' } },
  });
  expect(Object.keys(badPriority.jiraErrors()?.errors ?? {})).toContain('priority');
  const driver = await ctx.driver();
  expect((await driver.searchIssues(`labels = "${label}"`)).issues, 'nothing was created').toEqual([]);
  return supported(
    `Jira's field errors came back keyed by field: labels → "${badLabel.jiraErrors()?.errors.labels}"; priority refused`,
  );
});
