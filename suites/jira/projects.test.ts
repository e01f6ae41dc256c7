import { expect } from 'vitest';
import { supported } from '../../harness/scenario/outcome.ts';
import { issueType } from '../../harness/scenario/helpers.ts';
import { verifies } from '../../harness/scenario/verifies.ts';
import { callAndParse } from '../../harness/drivers/tool-call.ts';
import { ProjectPageSchema } from '../../harness/drivers/rovo/schemas.ts';
import { FieldMetaPageSchema } from '../../harness/drivers/shapes/jira.ts';

verifies('jira.projects.visible', async (ctx) => {
  const driver = await ctx.driver();
  const all = await driver.listProjects();
  expect(all.map((p) => p.key)).toContain(ctx.site.sandboxProject);
  // Page by one to prove startAt moves through the list without repeats or gaps.
  const session = await ctx.connect();
  const paged: string[] = [];
  for (let startAt = 0; startAt < all.length + 1; startAt++) {
    const page = await callAndParse(
      session,
      'getVisibleJiraProjects',
      { cloudId: ctx.site.cloudId, startAt, maxResults: 1 },
      ProjectPageSchema,
    );
    if (page.values.length === 0) break;
    paged.push(...page.values.map((p) => p.key));
  }
  expect(paged).toEqual(all.map((p) => p.key));
  return supported(
    `${all.length} visible project(s) incl. ${ctx.site.sandboxProject}; paging by 1 gave the same ${paged.length} in order`,
  );
});

verifies('jira.metadata.issue-types', async (ctx) => {
  const driver = await ctx.driver();
  const types = await driver.issueTypes(ctx.site.sandboxProject);
  expect(types.length).toBeGreaterThan(0);
  const task = await issueType(driver, ctx, 'Task');
  const fields = await driver.createFields(ctx.site.sandboxProject, task.id);
  expect(fields.map((f) => f.id)).toContain('summary');
  return supported(
    `${types.length} issue types (${types.map((t) => t.name).join(', ')}); the Task id ${task.id} opens its field metadata`,
  );
});

verifies('jira.metadata.create-fields', async (ctx) => {
  const driver = await ctx.driver();
  const task = await issueType(driver, ctx, 'Task');
  const all = await driver.createFields(ctx.site.sandboxProject, task.id, { requiredOnly: false });
  const required = await driver.createFields(ctx.site.sandboxProject, task.id, { requiredOnly: true });
  const summary = all.find((f) => f.id === 'summary');
  expect(summary?.required, 'summary is required').toBe(true);
  expect(summary?.schema.type).toBe('string');
  expect(
    required.every((f) => f.required),
    'requiredFieldsOnly returns only required fields',
  ).toBe(true);
  expect(required.map((f) => f.id)).toContain('summary');
  expect(all.length).toBeGreaterThan(required.length);
  // The tool's documented default is requiredFieldsOnly=true.
  const session = await ctx.connect();
  const byDefault = await callAndParse(
    session,
    'getJiraIssueTypeMetaWithFields',
    { cloudId: ctx.site.cloudId, projectIdOrKey: ctx.site.sandboxProject, issueTypeId: task.id },
    FieldMetaPageSchema,
  );
  expect(byDefault.total, 'the default lists only required fields').toBe(required.length);
  return supported(
    `${all.length} create-screen fields, ${required.length} required (${required.map((f) => f.id).join(', ')}); the default is required-only`,
  );
});
