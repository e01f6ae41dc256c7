import { expect } from 'vitest';
import { issueType } from '../../harness/scenario/helpers.ts';
import { supported } from '../../harness/scenario/outcome.ts';
import { verifies } from '../../harness/scenario/verifies.ts';

verifies('graph.context', async (ctx) => {
  const driver = await ctx.driver();
  const epicType = await issueType(driver, ctx, 'Epic');
  const storyType = await issueType(driver, ctx, 'Story');
  const epic = await driver.createIssue({
    project: ctx.site.sandboxProject,
    issueType: epicType.name,
    summary: ctx.unique('Graph epic'),
  });
  const story = await driver.createIssue({
    project: ctx.site.sandboxProject,
    issueType: storyType.name,
    summary: ctx.unique('Graph story'),
    parent: epic.key,
  });
  const byKey = await driver.graphContext(story.key, 'issue');
  const parent = byKey.neighbours.find((n) => n.relation === 'parent');
  expect(parent?.id, 'the parent epic is a neighbour').toMatch(new RegExp(`issue/${epic.id}$`));
  expect(byKey.neighbours.some((n) => n.relation === 'project' && n.id === ctx.site.sandboxProject)).toBe(
    true,
  );
  const byUrl = await driver.graphContext(`https://${ctx.site.host}/browse/${epic.key}`, 'issue');
  expect(byUrl.neighbours.filter((n) => n.relation === 'child').map((n) => n.id)).toContain(byKey.ari);
  return supported(
    `${story.key} by key: ${byKey.neighbours.length} neighbours incl. parent ${epic.key}; ${epic.key} by URL lists the story as child`,
  );
});

verifies('graph.objects', async (ctx) => {
  const driver = await ctx.driver();
  const ref = await driver.createIssue({
    project: ctx.site.sandboxProject,
    issueType: 'Task',
    summary: ctx.unique('Graph object'),
  });
  const ari = (await driver.graphContext(ref.key, 'issue')).ari;
  const missing = `ari:cloud:jira:${ctx.site.cloudId}:issue/999999999`;
  const objects = await driver.graphObjects([ari, missing]);
  expect(objects).toHaveLength(2);
  expect(objects[0]?.title).toContain(ref.key);
  expect(objects[1]?.error, 'the missing object gets its own error').toMatch(
    /no object|not found|permission/i,
  );
  return supported(`2 objects asked: ${ref.key} returned, the missing ARI answered with its own error`);
});
