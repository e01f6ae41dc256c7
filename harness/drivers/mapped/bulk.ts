import { z } from 'zod';
import type { BulkItemResult, BulkResult, IssueRef } from '../types.ts';

/** Jira's BulkOperationErrorResult, as native bulk tools pass it on (jira-semantics.md A3). */
export const JiraBulkFailuresSchema = z.array(
  z
    .object({
      status: z.number().optional(),
      elementErrors: z
        .object({
          errorMessages: z.array(z.string()).default([]),
          errors: z.record(z.string(), z.string()).default({}),
        })
        .loose()
        .default({ errorMessages: [], errors: {} }),
      failedElementNumber: z.number().int().min(0),
    })
    .loose(),
);
type JiraBulkFailure = z.output<typeof JiraBulkFailuresSchema>[number];

/** One call's answer: the created issues in request order and the failures by index, or the whole call's error. */
export type ChunkAnswer = { created: IssueRef[]; failures: JiraBulkFailure[] } | { error: string };

function describe(failure: JiraBulkFailure): string {
  const { errorMessages, errors } = failure.elementErrors;
  return [...errorMessages, ...Object.entries(errors).map(([field, m]) => `${field}: ${m}`)].join('; ');
}

/**
 * A bulk create through a native bulk tool: one call per `chunk` items, each of Jira's failures put
 * back at its index (`failedElementNumber`) and the successes, which Jira lists in request order, at
 * the remaining indices. No retries: a native bulk is judged on its one answer.
 */
export async function nativeBulkCreate<I>(
  inputs: readonly I[],
  chunk: number,
  call: (items: readonly I[]) => Promise<ChunkAnswer>,
  /** A count that does not add up: the answer is in a shape the dialect cannot read. */
  unreadable: (problem: string) => Error,
): Promise<BulkResult> {
  const started = performance.now();
  const items: BulkItemResult[] = [];
  let calls = 0;
  for (let start = 0; start < inputs.length; start += chunk) {
    const part = inputs.slice(start, start + chunk);
    calls++;
    const answer = await call(part);
    if ('error' in answer) {
      items.push(...part.map((_, i) => ({ index: start + i, error: answer.error, fields: [], attempts: 1 })));
      continue;
    }
    const failed = new Map(answer.failures.map((f) => [f.failedElementNumber, f]));
    const created = [...answer.created];
    if (created.length !== part.length - failed.size)
      throw unreadable(`${created.length} created and ${failed.size} failed for ${part.length} items`);
    part.forEach((_, i) => {
      const failure = failed.get(i);
      const ref = failure === undefined ? created.shift() : undefined;
      items.push(
        ref
          ? { index: start + i, key: ref.key, id: ref.id, attempts: 1 }
          : {
              index: start + i,
              error: failure ? describe(failure) : 'no result for this item',
              fields: failure ? Object.keys(failure.elementErrors.errors) : [],
              attempts: 1,
            },
      );
    });
  }
  return {
    mode: 'native',
    items,
    calls,
    retries: 0,
    rateLimited: 0,
    recovered: 0,
    wallMs: Math.round(performance.now() - started),
    concurrency: 1,
  };
}
