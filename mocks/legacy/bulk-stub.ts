import { z } from 'zod';
import type { FakeCloud } from '../cloud.ts';
import { AtlassianError } from '../atlassian/errors.ts';
import { commitCreate, prepareCreate } from '../atlassian/jira/issues.ts';
import { JIRA_ROUTES } from '../atlassian/rest/jira-routes.ts';

const BulkBodySchema = z.object({ issueUpdates: z.array(z.unknown()) }).loose();

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** Whether the fake REST API already routes `POST /rest/api/3/issue/bulk`. */
export function hasBulkRoute(): boolean {
  return JIRA_ROUTES.some((r) => r.method === 'POST' && r.pattern.test('/issue/bulk'));
}

/**
 * A stand-in for Jira's bulk create (jira-semantics.md A3: ≤50 elements, each created independently,
 * 201 when any succeeded, 400 when all failed, failures with `failedElementNumber`) for the tests and
 * the bench of the legacy server, until the fake REST API routes it itself (issue 3). It does nothing
 * once that route exists, and can then be deleted.
 */
export function stubBulkRouteIfMissing(cloud: FakeCloud): void {
  if (hasBulkRoute()) return;
  cloud.rest.interceptors.push(async (request, actor) => {
    if (request.method !== 'POST' || !new URL(request.url).pathname.endsWith('/rest/api/3/issue/bulk'))
      return undefined;
    const body = BulkBodySchema.safeParse(await request.json().catch(() => undefined));
    if (!body.success) return json(400, { errorMessages: ['issueUpdates is required.'], errors: {} });
    if (body.data.issueUpdates.length > 50)
      return json(400, { errorMessages: ['A maximum of 50 issues can be created at once.'], errors: {} });
    const issues: unknown[] = [];
    const errors: unknown[] = [];
    body.data.issueUpdates.forEach((element, index) => {
      try {
        issues.push(commitCreate(cloud.store, actor, prepareCreate(cloud.store, actor, element)));
      } catch (error) {
        if (!(error instanceof AtlassianError)) throw error;
        errors.push({ status: error.status, elementErrors: error.body, failedElementNumber: index });
      }
    });
    return json(issues.length > 0 ? 201 : 400, { issues, errors });
  });
}
