import { expect } from 'vitest';
import type { NewIssue } from '../../harness/drivers/types.ts';
import { bulkFigures, expectCleanBulk, expectEachOnce, noteBulk } from '../../harness/scenario/bulk.ts';
import type { CheckContext } from '../../harness/scenario/context.ts';
import { checkLabel, issueType } from '../../harness/scenario/helpers.ts';
import { type Outcome, supported } from '../../harness/scenario/outcome.ts';
import { verifies } from '../../harness/scenario/verifies.ts';

function tasks(ctx: CheckContext, count: number, label: string, extra: Partial<NewIssue> = {}): NewIssue[] {
  return Array.from({ length: count }, (_, i) => ({
    project: ctx.site.sandboxProject,
    issueType: 'Task',
    summary: ctx.unique(`Bulk ${count} #${i + 1}`),
    labels: [label],
    ...extra,
  }));
}

async function createMany(ctx: CheckContext, count: number): Promise<Outcome> {
  const driver = await ctx.driver();
  const label = checkLabel(ctx, `bulk${count}`);
  const result = await driver.bulkCreate(tasks(ctx, count, label), { signal: ctx.signal });
  await expectCleanBulk(ctx, driver, label, result, `bulk create of ${count}`);
  const evidence = `${count} issue(s) created, each found exactly once by its label; ${bulkFigures(result)}`;
  return supported(evidence, { mode: result.mode });
}

verifies('bulk.create.1', (ctx) => createMany(ctx, 1));
verifies('bulk.create.10', (ctx) => createMany(ctx, 10), { timeoutMs: 60_000 });
verifies('bulk.create.50', (ctx) => createMany(ctx, 50), { timeoutMs: 120_000 });

verifies(
  'bulk.create.120',
  async (ctx) => {
    const driver = await ctx.driver();
    const epicType = await issueType(driver, ctx, 'Epic');
    const storyType = await issueType(driver, ctx, 'Story');
    const label = checkLabel(ctx, 'bulk120');
    // The epic is not labelled with the children's label, so the label finds exactly the 119.
    const epic = await driver.createIssue({
      project: ctx.site.sandboxProject,
      issueType: epicType.name,
      summary: ctx.unique('Bulk 120 epic'),
    });
    const children = tasks(ctx, 119, label, { issueType: storyType.name, parent: epic.key });
    const result = await driver.bulkCreate(children, { signal: ctx.signal });
    const found = await expectCleanBulk(ctx, driver, label, result, 'bulk create of 119 children', [
      'parent',
    ]);
    const outside = found.filter((i) => i.parentKey !== epic.key).map((i) => i.key);
    expect(outside.slice(0, 5), `every child sits under ${epic.key}`).toEqual([]);
    return supported(
      `epic ${epic.key} and 119 children under it (120 issues), each child found exactly once; the children: ${bulkFigures(result)}`,
      { mode: result.mode },
    );
  },
  { timeoutMs: 240_000 },
);

verifies(
  'bulk.partial-failure',
  async (ctx) => {
    const driver = await ctx.driver();
    const label = checkLabel(ctx, 'bulkpart');
    const items = tasks(ctx, 10, label);
    const bad = 6;
    items[bad] = {
      project: ctx.site.sandboxProject,
      issueType: 'Task',
      summary: ctx.unique('Bulk invalid item'),
      labels: [label, 'two words'],
    };
    const result = await driver.bulkCreate(items, { signal: ctx.signal });
    noteBulk(ctx, 'bulk', result);
    const failed = result.items.filter((i) => i.error);
    expect(
      failed.map((i) => i.index),
      'exactly the invalid item failed',
    ).toEqual([bad]);
    const failure = failed[0];
    expect(failure?.fields ?? [], `the failure names the field Jira refused: ${failure?.error}`).toContain(
      'labels',
    );
    await expectEachOnce(driver, label, result);
    return supported(
      `9 of 10 created, each once; item #${bad} reported with its field: "${failure?.error}"; nothing was created for it; ${bulkFigures(result)}`,
      { mode: result.mode },
    );
  },
  { timeoutMs: 60_000 },
);
