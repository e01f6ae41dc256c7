import { expect } from 'vitest';
import type { BulkResult, Driver, IssueData } from '../drivers/types.ts';
import { UnsupportedVerbError } from '../errors.ts';
import type { CheckContext } from './context.ts';

/** Most issues a verification asks for at once from a dialect that cannot page. */
const ONE_PAGE_LIMIT = 1000;

/** Rovo's JQL pages hold at most 5 issues and a larger page loses the rest (#221, #225); 5 pages whole. */
const CAPPED_PAGE = 5;

/**
 * Every issue carrying `label`, through all pages. A dialect without page tokens (the legacy
 * `jira_search_issues` follows Jira's pages itself up to maxResults) is asked for everything at once.
 * When a page of 100 comes back short of the total with no cursor (Rovo's 5-node cap), the issues are
 * read again in pages of 5, the cap's workaround: verifying a bulk is not the place to judge paging.
 */
export async function issuesLabelled(driver: Driver, label: string, fields: string[]): Promise<IssueData[]> {
  const first = await labelledPages(driver, label, fields, 100);
  if (first.total === undefined || first.issues.length >= first.total) return first.issues;
  return (await labelledPages(driver, label, fields, CAPPED_PAGE)).issues;
}

async function labelledPages(driver: Driver, label: string, fields: string[], size: number) {
  const jql = `labels = "${label}"`;
  const out: IssueData[] = [];
  let pageToken: string | undefined;
  let total: number | undefined;
  try {
    for (let page = 0; page < 1000 / size; page++) {
      const found = await driver.searchIssues(jql, {
        maxResults: size,
        fields: ['labels', ...fields],
        ...(pageToken ? { pageToken } : {}),
      });
      out.push(...found.issues);
      total ??= found.total;
      pageToken = found.nextPageToken;
      if (!pageToken || found.issues.length === 0) break;
    }
    return { issues: out, total };
  } catch (error) {
    if (!(error instanceof UnsupportedVerbError) || pageToken !== undefined) throw error;
    const all = await driver.searchIssues(jql, { maxResults: ONE_PAGE_LIMIT, fields: ['labels', ...fields] });
    return { issues: all.issues, total: undefined };
  }
}

/** "emulated: 50 calls at concurrency 4, 0 retries, 0 × 429, 0 recovered, 812 ms" */
export function bulkFigures(r: BulkResult): string {
  return `${r.mode}: ${r.calls} calls at concurrency ${r.concurrency}, ${r.retries} retries, ${r.rateLimited} × 429, ${r.recovered} recovered, ${r.wallMs} ms`;
}

/** Puts the bulk's figures and its failed items in the record's details. */
export function noteBulk(ctx: CheckContext, name: string, r: BulkResult): void {
  const { items, ...figures } = r;
  ctx.note(name, {
    ...figures,
    items: items.length,
    failed: items
      .filter((i) => i.error)
      .map((i) => ({ index: i.index, error: i.error, fields: i.fields ?? [] })),
  });
}

/** Every item of the bulk succeeded; otherwise the first failures, by index, fail the check. */
export function expectAllDone(r: BulkResult, what: string): void {
  const failed = r.items.filter((i) => i.error);
  expect(
    failed.map((i) => `#${i.index}: ${i.error}`).slice(0, 3),
    `${what}: ${failed.length} of ${r.items.length} item(s) failed`,
  ).toEqual([]);
}

/**
 * The bulk's issues carrying `label` exist exactly once each (by the label unique to each item) and
 * nothing else carries the label; no error answer had created its issue (a retry then duplicates).
 */
export async function expectEachOnce(
  driver: Driver,
  label: string,
  r: BulkResult,
  fields: string[] = [],
): Promise<IssueData[]> {
  const found = await issuesLabelled(driver, label, fields);
  const done = r.items.filter((i) => !i.error);
  const copies = (i: (typeof done)[number]) =>
    found.filter((f) => (i.label ? f.labels.includes(i.label) : f.key === i.key)).length;
  const wrong = done.filter((i) => copies(i) !== 1).map((i) => `#${i.index} exists ${copies(i)} time(s)`);
  expect(wrong.slice(0, 5), 'every created item exists exactly once').toEqual([]);
  expect(found.length, `issues labelled ${label}`).toBe(done.length);
  expect(r.recovered, 'calls that answered an error but had created their issue (found by label)').toBe(0);
  return found;
}

/** Notes the bulk's figures, then requires every item done and each one existing once under `label`. */
export async function expectCleanBulk(
  ctx: CheckContext,
  driver: Driver,
  label: string,
  r: BulkResult,
  what: string,
  fields: string[] = [],
): Promise<IssueData[]> {
  noteBulk(ctx, 'bulk', r);
  expectAllDone(r, what);
  return expectEachOnce(driver, label, r, fields);
}
