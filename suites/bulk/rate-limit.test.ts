import { expect } from 'vitest';
import { bulkFigures, expectCleanBulk } from '../../harness/scenario/bulk.ts';
import { NotTestableError } from '../../harness/errors.ts';
import { checkLabel } from '../../harness/scenario/helpers.ts';
import { supported } from '../../harness/scenario/outcome.ts';
import { verifies } from '../../harness/scenario/verifies.ts';

/** Tighter than the ~20 parallel calls #171 saw, so a small storm is certain to draw 429s. */
const LIMITS = { concurrency: 3, perMinute: null, retryAfterSeconds: 1 };
const ITEMS = 30;
const CONCURRENCY = 8;

verifies(
  'bulk.rate-limit-storm',
  async (ctx) => {
    const cloud = ctx.mock("the mock's rate limiter: a real tenant is never stormed on purpose");
    if (ctx.target.dialect === 'rovo-v2')
      throw new NotTestableError(
        "a rate limiter on the v2 mock: /v2/mcp does not yet apply the fake cloud's limits (issue 16's note)",
      );
    cloud.limitRate(LIMITS);
    const driver = await ctx.driver();
    const label = checkLabel(ctx, 'bulkstorm');
    const result = await driver.bulkCreate(
      Array.from({ length: ITEMS }, (_, i) => ({
        project: ctx.site.sandboxProject,
        issueType: 'Task',
        summary: ctx.unique(`Storm #${i + 1}`),
        labels: [label],
      })),
      { concurrency: CONCURRENCY, maxAttempts: 20, signal: ctx.signal },
    );
    ctx.note('limits', LIMITS);
    await expectCleanBulk(ctx, driver, label, result, 'bulk create through the storm');
    // A native bulk tool sends a handful of calls: nothing to storm, so the property cannot be observed.
    if (result.mode === 'native' && result.rateLimited === 0)
      throw new NotTestableError(
        `a 429 storm: the native bulk tool created all ${ITEMS} items in ${result.calls} call(s), too few for a limiter of ${LIMITS.concurrency} in flight to engage`,
      );
    expect(
      result.rateLimited,
      `the limiter (${LIMITS.concurrency} in flight) answered 429 to ${CONCURRENCY} concurrent creates`,
    ).toBeGreaterThan(0);
    return supported(
      `${ITEMS} creates at concurrency ${CONCURRENCY} against ${LIMITS.concurrency} allowed in flight drew ${result.rateLimited} × 429 (Retry-After ${LIMITS.retryAfterSeconds} s); each was waited out, looked up and retried; every item exists exactly once and no 429 had taken effect; ${bulkFigures(result)}`,
      { mode: result.mode },
    );
  },
  { timeoutMs: 60_000 },
);
