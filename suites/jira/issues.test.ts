import { expect } from 'vitest';
import { partial, supported } from '../../harness/scenario/outcome.ts';
import { issueType, storedLiterally, subtaskType } from '../../harness/scenario/helpers.ts';
import { verifies } from '../../harness/scenario/verifies.ts';

const DESCRIPTION = '## Steps\n\n1. open the form\n2. pay with **one** click\n\nSee `checkout.ts`.';

/** The text survived but its Markdown was stored as characters: usable, formatting lost. */
const literalMarkdown = (key: string) =>
  partial(
    `${key}: the Markdown description came back as literal text (headings, lists and bold kept as characters): the target stores Markdown without rendering it`,
    'write descriptions as plain text; rich formatting is not available on this target',
  );

verifies('jira.issue.create', async (ctx) => {
  const driver = await ctx.driver();
  const summary = ctx.unique('Create check');
  const ref = await driver.createIssue({
    project: ctx.site.sandboxProject,
    issueType: 'Task',
    summary,
    description: DESCRIPTION,
    labels: ['conformance', 'create-check'],
  });
  expect(ref.key).toMatch(new RegExp(`^${ctx.site.sandboxProject}-\\d+$`));
  const issue = await driver.getIssue(ref.key);
  expect(issue.summary).toBe(summary);
  expect(issue.labels).toEqual(expect.arrayContaining(['conformance', 'create-check', ctx.runLabel]));
  expect(issue.issueType).toBe('Task');
  if (storedLiterally(issue.description, DESCRIPTION)) return literalMarkdown(ref.key);
  expect(issue.description, 'the Markdown description reads back unchanged').toBe(DESCRIPTION);
  return supported(
    `created ${ref.key}; summary, Markdown description (list, bold, code) and labels read back unchanged`,
  );
});

verifies('jira.issue.fields-filter', async (ctx) => {
  const driver = await ctx.driver();
  const ref = await driver.createIssue({
    project: ctx.site.sandboxProject,
    issueType: 'Task',
    summary: ctx.unique('Fields filter check'),
    description: 'A description that was not asked for.',
  });
  const issue = await driver.getIssue(ref.key, { fields: ['summary', 'labels'] });
  expect(issue.fields.summary).toBeDefined();
  expect(issue.fields.labels).toBeDefined();
  const extra = Object.keys(issue.fields).filter((f) => !['summary', 'labels'].includes(f));
  ctx.note('unrequestedFields', extra);
  if (extra.length > 0)
    return partial(
      `requested summary and labels; ${extra.length} more came back (${extra.join(', ')})`,
      'trim unrequested fields client-side; the response is larger than asked',
    );
  return supported('requested summary and labels; exactly those came back');
});

verifies('jira.issue.edit', async (ctx) => {
  const driver = await ctx.driver();
  const ref = await driver.createIssue({
    project: ctx.site.sandboxProject,
    issueType: 'Task',
    summary: ctx.unique('Edit check'),
    labels: ['before-a', 'before-b'],
  });
  const summary = ctx.unique('Edit check (edited)');
  await driver.editIssue(ref.key, { summary, description: 'Edited **description**.', labels: ['after'] });
  const issue = await driver.getIssue(ref.key);
  expect(issue.summary).toBe(summary);
  expect(issue.labels, 'labels are replaced, not appended').toEqual(['after']);
  if (storedLiterally(issue.description, 'Edited **description**.')) return literalMarkdown(ref.key);
  expect(issue.description, 'the edited Markdown description reads back').toBe('Edited **description**.');
  return supported(`edited ${ref.key}: summary, description and labels changed; labels were replaced`);
});

verifies('jira.issue.parent', async (ctx) => {
  const driver = await ctx.driver();
  const epicType = await issueType(driver, ctx, 'Epic');
  const storyType = await issueType(driver, ctx, 'Story');
  const subtask = await subtaskType(driver, ctx);
  const epic = await driver.createIssue({
    project: ctx.site.sandboxProject,
    issueType: epicType.name,
    summary: ctx.unique('Parent check epic'),
  });
  const story = await driver.createIssue({
    project: ctx.site.sandboxProject,
    issueType: storyType.name,
    summary: ctx.unique('Parent check story'),
    parent: epic.key,
  });
  const sub = await driver.createIssue({
    project: ctx.site.sandboxProject,
    issueType: subtask.name,
    summary: ctx.unique('Parent check sub-task'),
    parent: story.key,
  });
  expect((await driver.getIssue(story.key)).parentKey).toBe(epic.key);
  expect((await driver.getIssue(sub.key)).parentKey).toBe(story.key);
  return supported(`${story.key} sits under epic ${epic.key}; sub-task ${sub.key} under ${story.key}`);
});
