import { z } from 'zod';
import { AtlassianError, type JiraErrorCollection, jiraError } from '../errors.ts';
import type { SiteStore } from '../store.ts';
import type { Actor } from './access.ts';
import { type CreatedIssue, commitCreate, prepareCreate } from './issues.ts';

/** "Creates upto 50 issues" per call (jira-semantics.md A3). */
export const BULK_CREATE_LIMIT = 50;

const BulkBodySchema = z.object({ issueUpdates: z.array(z.unknown()) }).loose();

export interface BulkElementError {
  status: number;
  elementErrors: JiraErrorCollection;
  /** 0-based index into `issueUpdates`. */
  failedElementNumber: number;
}

export interface BulkCreated {
  issues: CreatedIssue[];
  errors: BulkElementError[];
}

function errorCollection(body: unknown): JiraErrorCollection {
  const parsed = z
    .object({
      errorMessages: z.array(z.string()).default([]),
      errors: z.record(z.string(), z.string()).default({}),
    })
    .safeParse(body);
  return parsed.success ? parsed.data : { errorMessages: [JSON.stringify(body)], errors: {} };
}

/**
 * `POST /rest/api/3/issue/bulk`: every element is validated and created on its own, in order, with no
 * transaction. 201 when at least one was created, 400 when all failed; each failure carries Jira's
 * error collection and its `failedElementNumber`. Over the limit the whole request is refused: the
 * exact wording is undocumented, so this one is the mock's own.
 */
export function bulkCreateIssues(
  store: SiteStore,
  actor: Actor,
  rawBody: unknown,
): { status: 201 | 400; body: BulkCreated } {
  const parsed = BulkBodySchema.safeParse(rawBody);
  if (!parsed.success)
    throw jiraError(400, [
      'Can not deserialize the request body: expected {"issueUpdates": [IssueUpdateDetails, ...]}.',
    ]);
  const elements = parsed.data.issueUpdates;
  if (elements.length === 0) throw jiraError(400, ['issueUpdates must name at least one issue to create.']);
  if (elements.length > BULK_CREATE_LIMIT)
    throw jiraError(400, [
      `Bulk create takes at most ${BULK_CREATE_LIMIT} issues per request; this one has ${elements.length}. Send them in batches of ${BULK_CREATE_LIMIT}.`,
    ]);
  const body: BulkCreated = { issues: [], errors: [] };
  elements.forEach((element, index) => {
    try {
      body.issues.push(commitCreate(store, actor, prepareCreate(store, actor, element)));
    } catch (error) {
      if (!(error instanceof AtlassianError)) throw error;
      body.errors.push({
        status: error.status,
        elementErrors: errorCollection(error.body),
        failedElementNumber: index,
      });
    }
  });
  return { status: body.issues.length > 0 ? 201 : 400, body };
}
