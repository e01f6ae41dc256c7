import { expect } from 'vitest';
import type { BulkResult, Driver } from '../../harness/drivers/types.ts';
import {
  bulkFigures,
  expectAllDone,
  expectEachOnce,
  issuesLabelled,
  noteBulk,
} from '../../harness/scenario/bulk.ts';
import type { CheckContext } from '../../harness/scenario/context.ts';
import { checkLabel } from '../../harness/scenario/helpers.ts';
import { supported } from '../../harness/scenario/outcome.ts';
import { verifies } from '../../harness/scenario/verifies.ts';

const COUNT = 20;

/** Twenty sandbox tasks carrying `label`, created with the bulk verb; their keys. */
async function twenty(ctx: CheckContext, driver: Driver, label: string): Promise<string[]> {
  const result = await driver.bulkCreate(
    Array.from({ length: COUNT }, (_, i) => ({
      project: ctx.site.sandboxProject,
      issueType: 'Task',
      summary: ctx.unique(`Bulk change #${i + 1}`),
      labels: [label],
    })),
    { signal: ctx.signal },
  );
  expectAllDone(result, `creating the ${COUNT} issues to change`);
  return (await expectEachOnce(driver, label, result)).map((i) => i.key);
}

function changed(ctx: CheckContext, what: string, result: BulkResult): void {
  noteBulk(ctx, 'bulk', result);
  expectAllDone(result, what);
}

verifies(
  'bulk.edit.labels',
  async (ctx) => {
    const driver = await ctx.driver();
    const label = checkLabel(ctx, 'bulkedit');
    const added = checkLabel(ctx, 'bulkadded');
    const keys = await twenty(ctx, driver, label);
    const result = await driver.bulkEdit(
      keys.map((key) => ({ key, changes: { addLabels: [added] } })),
      { signal: ctx.signal },
    );
    changed(ctx, `adding a label to ${COUNT} issues`, result);
    const found = await issuesLabelled(driver, added, []);
    expect(found.map((i) => i.key).sort(), `a search by the added label finds all ${COUNT}`).toEqual(
      [...keys].sort(),
    );
    const lost = found.filter((i) => !i.labels.includes(label)).map((i) => i.key);
    expect(lost, 'the issues kept their other labels').toEqual([]);
    return supported(
      `label added to ${COUNT} issues, none lost its other labels (${(result.calls / COUNT).toFixed(0)} call(s) per issue); ${bulkFigures(result)}`,
      { mode: result.mode },
    );
  },
  { timeoutMs: 90_000 },
);

verifies(
  'bulk.transition',
  async (ctx) => {
    const driver = await ctx.driver();
    const label = checkLabel(ctx, 'bulkmove');
    const keys = await twenty(ctx, driver, label);
    const first = await driver.getIssue(keys[0] ?? '');
    const moves = await driver.transitions(first.key);
    const move = moves.find((t) => t.to === 'Done') ?? moves.find((t) => t.to !== first.status);
    if (!move) throw new Error(`${first.key} offers no transition out of "${first.status}"`);
    const result = await driver.bulkTransition(
      keys.map((key) => ({ key, transitionId: move.id, to: move.to })),
      { signal: ctx.signal },
    );
    changed(ctx, `transitioning ${COUNT} issues`, result);
    const moved = (await issuesLabelled(driver, label, ['status'])).filter((i) => i.status === move.to);
    expect(moved.map((i) => i.key).sort(), `all ${COUNT} are in "${move.to}"`).toEqual([...keys].sort());
    return supported(
      `${COUNT} issues moved from "${first.status}" to "${move.to}" (transition ${move.id}); ${bulkFigures(result)}`,
      { mode: result.mode },
    );
  },
  { timeoutMs: 90_000 },
);
