import { rovoDriver } from '../harness/drivers/rovo/index.ts';
import type { BulkResult } from '../harness/drivers/types.ts';
import type { RateLimits } from '../mocks/atlassian/rate-limiter.ts';
import { withMswSession } from './msw-session.ts';
import type { Bench, Figure } from './stats.ts';

/** One emulated bulk create of sandbox tasks on a fresh mock, through the msw mount as the suites run it. */
function bulkCreate(count: number, concurrency: number, limits?: RateLimits): Promise<BulkResult> {
  return withMswSession(async (session, cloudId, cloud) => {
    if (limits) cloud.limitRate(limits);
    const result = await rovoDriver({ session, cloudId }).bulkCreate(
      Array.from({ length: count }, (_, i) => ({
        project: 'SBX',
        issueType: 'Task',
        summary: `bench bulk ${i}`,
        labels: ['bench'],
      })),
      { concurrency, maxAttempts: 20 },
    );
    const failed = result.items.filter((i) => i.error).length;
    if (failed > 0) throw new Error(`bench bulk create: ${failed} of ${count} items failed`);
    return result;
  });
}

function figure(name: string, r: BulkResult): Figure {
  return {
    name,
    value: `${(r.wallMs / 1000).toFixed(2)} s`,
    note: `${r.calls} calls, ${r.retries} retries, ${r.rateLimited} × 429, ${(r.wallMs / r.items.length).toFixed(1)} ms/issue`,
  };
}

/** Rovo has no bulk tool: what N single creates cost at a bounded concurrency. */
export const bulkBench: Bench = {
  title: 'Emulated bulk create on the mock (createJiraIssue per item)',
  async run() {
    const figures: Figure[] = [];
    for (const count of [50, 500])
      for (const concurrency of [1, 4, 8])
        figures.push(
          figure(`${count} issues @ concurrency ${concurrency}`, await bulkCreate(count, concurrency)),
        );
    const limits = { concurrency: 4, perMinute: null, retryAfterSeconds: 1 };
    figures.push(figure('50 @ 8, limit 4 in flight (Retry-After 1 s)', await bulkCreate(50, 8, limits)));
    return figures;
  },
};
