import { HarnessError } from '../../errors.ts';
import type { DriverContext } from '../context.ts';
import { callTool } from '../tool-call.ts';
import type { BulkResult, IssueRef, NewIssue } from '../types.ts';
import { legacyIssueArgs } from './jira.ts';
import { BulkResultSchema } from './schemas.ts';

/** The REST bulk limit the tool enforces. */
export const LEGACY_BULK_LIMIT = 50;

export type BulkItemOutcome =
  { index: number; ok: true; ref: IssueRef } | { index: number; ok: false; error: string; fields: string[] };

export interface LegacyBulkOutcome {
  /** jira_bulk_create_issues calls made: one per 50 items. */
  calls: number;
  /** One per input item, in input order. */
  items: BulkItemOutcome[];
}

type BulkErrors = ReturnType<typeof BulkResultSchema.parse>['errors'];

function describe(error: BulkErrors[number]): string {
  const { errorMessages, errors } = error.elementErrors;
  return [...errorMessages, ...Object.entries(errors).map(([field, m]) => `${field}: ${m}`)].join('; ');
}

/** Jira's CreatedIssues, from a success or from the `Jira API error 400: {...}` text of an all-failed batch. */
function bulkAnswer(
  outcome: Awaited<ReturnType<typeof callTool>>,
): ReturnType<typeof BulkResultSchema.parse> | string {
  if (outcome.ok) return BulkResultSchema.parse(outcome.payload);
  const text = outcome.error.targetMessage;
  try {
    const parsed = BulkResultSchema.safeParse(JSON.parse(text.slice(text.indexOf('{'))));
    if (parsed.success) return parsed.data;
  } catch {
    // Not Jira's body: the whole call failed.
  }
  return text;
}

/**
 * How the `bulkCreate` verb maps onto the legacy dialect: natively, one jira_bulk_create_issues
 * call per 50 items, each of Jira's failures put back at its index (`failedElementNumber`) and the
 * successes, which Jira lists in request order, at the remaining indices.
 */
export async function legacyBulkCreate(
  ctx: DriverContext,
  inputs: readonly NewIssue[],
): Promise<LegacyBulkOutcome> {
  const items: BulkItemOutcome[] = [];
  let calls = 0;
  for (let start = 0; start < inputs.length; start += LEGACY_BULK_LIMIT) {
    const chunk = inputs.slice(start, start + LEGACY_BULK_LIMIT);
    calls++;
    const answer = bulkAnswer(
      await callTool(ctx.session, 'jira_bulk_create_issues', {
        issues: chunk.map((input) => legacyIssueArgs(input, ctx.runLabel)),
      }),
    );
    if (typeof answer === 'string') {
      items.push(
        ...chunk.map((_, i) => ({ index: start + i, ok: false as const, error: answer, fields: [] })),
      );
      continue;
    }
    const failed = new Map(answer.errors.map((e) => [e.failedElementNumber, e]));
    const created = [...answer.issues];
    if (created.length !== chunk.length - failed.size)
      throw new HarnessError(
        'TOOL_RESULT_INVALID',
        `jira_bulk_create_issues answered ${created.length} created and ${failed.size} failed for ${chunk.length} items`,
      );
    chunk.forEach((_, i) => {
      const error = failed.get(i);
      const ref = error === undefined ? created.shift() : undefined;
      if (ref) {
        ctx.created?.({ kind: 'issue', id: ref.id, key: ref.key });
        items.push({ index: start + i, ok: true, ref: { id: ref.id, key: ref.key } });
      } else
        items.push({
          index: start + i,
          ok: false,
          error: error ? describe(error) : 'no result for this item',
          fields: error ? Object.keys(error.elementErrors.errors) : [],
        });
    });
  }
  return { calls, items };
}

/** The `bulkCreate` verb on the legacy dialect: native, so one call per 50 items and no retries. */
export async function nativeBulkCreate(ctx: DriverContext, inputs: readonly NewIssue[]): Promise<BulkResult> {
  const started = performance.now();
  const outcome = await legacyBulkCreate(ctx, inputs);
  return {
    mode: 'native',
    items: outcome.items.map((item) =>
      item.ok
        ? { index: item.index, key: item.ref.key, id: item.ref.id, attempts: 1 }
        : { index: item.index, error: item.error, fields: item.fields, attempts: 1 },
    ),
    calls: outcome.calls,
    retries: 0,
    rateLimited: 0,
    recovered: 0,
    wallMs: Math.round(performance.now() - started),
    concurrency: 1,
  };
}
