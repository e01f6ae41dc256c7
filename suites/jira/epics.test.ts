import { expect } from 'vitest';
import { supported } from '../../harness/scenario/outcome.ts';
import { verifies } from '../../harness/scenario/verifies.ts';

verifies('jira.epic.create', async (ctx) => {
  const driver = await ctx.driver();
  const summary = ctx.unique('Epic check');
  const description = 'Ship the one-page checkout this quarter.';
  const epic = await driver.createEpic({ project: ctx.site.sandboxProject, summary, description });
  const issue = await driver.getIssue(epic.key);
  expect(issue.issueType, 'the new issue is an epic').toBe('Epic');
  expect(issue.summary, 'the summary reads back').toBe(summary);
  expect(issue.description, 'the plain-text description reads back').toBe(description);
  return supported(`created epic ${epic.key}; it reads back as an Epic with its summary and description`);
});
