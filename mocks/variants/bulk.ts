import { RovoToolError } from '../rovo/tools/define.ts';
import { AtlassianError } from '../atlassian/errors.ts';
import { patchRun, record } from './kit/patch.ts';
import type { Variant } from './kit/types.ts';

/** Every `every`-th call of the tool (the count starts when the variant is applied). */
function everyNth(every: number): () => boolean {
  let calls = 0;
  return () => ++calls % every === 0;
}

export const variants: Variant[] = [
  {
    name: 'create-drops-labels',
    defect: 'createJiraIssue silently drops the labels in additional_fields',
    breaks: ['bulk.create.1', 'bulk.create.10'],
    apply: (cloud) =>
      patchRun(cloud, 'createJiraIssue', (healthy, args, ctx) => {
        const { labels: _dropped, ...rest } = record(args.additional_fields);
        return healthy({ ...args, additional_fields: rest }, ctx);
      }),
  },
  {
    name: 'create-commits-then-429',
    defect:
      'every 7th createJiraIssue creates the issue and then answers a rate-limit error, so a blind retry duplicates it',
    breaks: ['bulk.create.50', 'bulk.rate-limit-storm'],
    apply(cloud) {
      const lie = everyNth(7);
      patchRun(cloud, 'createJiraIssue', async (healthy, args, ctx) => {
        const created = await healthy(args, ctx);
        if (lie()) throw new RovoToolError('429 Too Many Requests: rate limit exceeded, try again later');
        return created;
      });
    },
  },
  {
    name: 'field-errors-flattened',
    defect: "createJiraIssue answers a refusal as a bare 'Bad Request', losing Jira's field map",
    breaks: ['bulk.partial-failure'],
    apply: (cloud) =>
      patchRun(cloud, 'createJiraIssue', async (healthy, args, ctx) => {
        try {
          return await healthy(args, ctx);
        } catch (error) {
          if (error instanceof AtlassianError && error.status === 400)
            throw new RovoToolError('Failed to create issue: Bad Request', { cause: error });
          throw error;
        }
      }),
  },
  {
    name: 'edit-ignores-labels',
    defect: 'editJiraIssue reports success and leaves the labels alone',
    breaks: ['bulk.edit.labels'],
    apply: (cloud) =>
      patchRun(cloud, 'editJiraIssue', (healthy, args, ctx) => {
        const { labels: _dropped, ...fields } = record(args.fields);
        return healthy({ ...args, fields }, ctx);
      }),
  },
  {
    name: 'transition-lost-under-load',
    defect: 'every 4th transitionJiraIssue reports success without moving the issue',
    breaks: ['bulk.transition'],
    apply(cloud) {
      const drop = everyNth(4);
      patchRun(cloud, 'transitionJiraIssue', (healthy, args, ctx) =>
        drop()
          ? { success: true, message: `Issue ${String(args.issueIdOrKey)} transitioned.` }
          : healthy(args, ctx),
      );
    },
  },
  {
    name: 'rate-limiter-ignored',
    defect: 'the mock ignores the rate limits it is given and never answers 429',
    breaks: ['bulk.rate-limit-storm'],
    apply(cloud) {
      cloud.limitRate = () => undefined;
    },
  },
];
