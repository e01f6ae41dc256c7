import { expect } from 'vitest';
import type { Driver } from '../../harness/drivers/types.ts';
import { NotTestableError } from '../../harness/errors.ts';
import type { CheckContext } from '../../harness/scenario/context.ts';
import { expectRejection } from '../../harness/scenario/expect.ts';
import { eventually, uniqueWord } from '../../harness/scenario/search-wait.ts';
import { supported } from '../../harness/scenario/outcome.ts';
import { sandboxSpace } from '../../harness/scenario/helpers.ts';
import { verifies } from '../../harness/scenario/verifies.ts';

/** Rovo search and fetch across Jira and Confluence, by ARI. */

/** Optional identities: a site without them skips the part that needs them. */
async function optionalDriver(ctx: CheckContext, as: 'admin' | 'outsider'): Promise<Driver | undefined> {
  try {
    return await ctx.driver(as);
  } catch (error) {
    if (error instanceof NotTestableError) return undefined;
    throw error;
  }
}

const ARI = /^ari:cloud:(jira|confluence):([0-9a-f-]{36}):(issue|page|blogpost)\/(\d+)$/;

/** Whether `value` holds `wanted` anywhere (as a string field), whatever shape the payload has. */
function holds(value: unknown, wanted: string): boolean {
  if (value === wanted) return true;
  if (Array.isArray(value)) return value.some((v) => holds(v, wanted));
  if (value !== null && typeof value === 'object') return Object.values(value).some((v) => holds(v, wanted));
  return false;
}

verifies('search.rovo.find', async (ctx) => {
  const driver = await ctx.driver();
  const word = uniqueWord(ctx, 'rovofind');
  const issue = await driver.createIssue({
    project: ctx.site.sandboxProject,
    issueType: 'Task',
    summary: ctx.unique(`Search check ${word}`),
    description: `Carries ${word}.`,
  });
  const page = await driver.createPage({
    space: (await sandboxSpace(driver, ctx)).key,
    title: ctx.unique('Search check page'),
    body: `This page carries ${word} for Rovo search.`,
  });
  const issueAri = `ari:cloud:jira:${ctx.site.cloudId}:issue/${issue.id}`;
  const pageAri = `ari:cloud:confluence:${ctx.site.cloudId}:page/${page.id}`;
  const hits = await eventually(
    ctx,
    () => driver.search(word),
    (h) => [issueAri, pageAri].every((a) => h.some((x) => x.id === a)),
  );
  for (const h of hits) {
    expect(h.id, 'every hit id is an ARI of this site').toMatch(ARI);
    expect(ARI.exec(h.id)?.[2]).toBe(ctx.site.cloudId);
    expect(h.title, `hit ${h.id} has a title`).toMatch(/\S/);
    expect(h.type, `hit ${h.id} has a type`).toMatch(/\S/);
  }
  expect(
    hits.map((h) => h.id),
    'the issue and the page are found',
  ).toEqual(expect.arrayContaining([issueAri, pageAri]));

  // A page in a space the caller cannot view must not be found.
  let hidden = 'no space visible to admin but not to outsider, so hiding was not probed';
  const admin = await optionalDriver(ctx, 'admin');
  const outsider = await optionalDriver(ctx, 'outsider');
  if (admin && outsider) {
    const open = new Set((await outsider.spaces()).map((s) => s.key));
    const closed = (await admin.spaces()).find((s) => !open.has(s.key));
    if (closed) {
      const secret = uniqueWord(ctx, 'rovohidden');
      const restricted = await admin.createPage({
        space: closed.key,
        title: ctx.unique('Hidden search check'),
        body: `Only for some: ${secret}.`,
      });
      const ari = `ari:cloud:confluence:${ctx.site.cloudId}:page/${restricted.id}`;
      const seenByAdmin = await eventually(
        ctx,
        () => admin.search(secret),
        (h) => h.some((x) => x.id === ari),
      );
      expect(
        seenByAdmin.map((h) => h.id),
        'admin finds the restricted page',
      ).toContain(ari);
      const seenByOutsider = await outsider.search(secret);
      expect(
        seenByOutsider.map((h) => h.id),
        `the page in ${closed.key} stays hidden from outsider`,
      ).toEqual([]);
      hidden = `a page in ${closed.key} was found by admin and hidden from outsider`;
    }
  }
  return supported(
    `"${word}" found ${issue.key} (${issueAri}) and page ${page.id} among ${hits.length} hit(s), all well-formed ARIs; ${hidden}`,
  );
});

verifies('search.rovo.fetch', async (ctx) => {
  const driver = await ctx.driver();
  const issue = await driver.createIssue({
    project: ctx.site.sandboxProject,
    issueType: 'Task',
    summary: ctx.unique('Fetch check issue'),
  });
  const title = ctx.unique('Fetch check page');
  const page = await driver.createPage({
    space: (await sandboxSpace(driver, ctx)).key,
    title,
    body: 'Fetched by ARI.',
  });
  const gotIssue = await driver.fetch(`ari:cloud:jira:${ctx.site.cloudId}:issue/${issue.id}`);
  expect(holds(gotIssue, issue.key), `the issue ARI returns ${issue.key}`).toBe(true);
  const gotPage = await driver.fetch(`ari:cloud:confluence:${ctx.site.cloudId}:page/${page.id}`);
  expect(holds(gotPage, title), `the page ARI returns "${title}"`).toBe(true);
  expect(holds(gotPage, issue.key), 'the page is not the issue').toBe(false);
  return supported(
    `fetch returned ${issue.key} for its issue ARI and page ${page.id} ("${title}") for its page ARI`,
  );
});

verifies('search.rovo.fetch-invalid', async (ctx) => {
  const driver = await ctx.driver();
  const malformed = await expectRejection(driver.fetch('not-an-ari'), 'fetch of a malformed ARI');
  expect(malformed.targetMessage, 'the error names the problem').toMatch(/ari|invalid|id/i);
  const missingIssue = `ari:cloud:jira:${ctx.site.cloudId}:issue/987654321`;
  const missing = await expectRejection(driver.fetch(missingIssue), 'fetch of an issue that does not exist');
  expect(missing.targetMessage).toMatch(/not found|no |exist|permission|could not/i);
  const missingPage = `ari:cloud:confluence:${ctx.site.cloudId}:page/987654321`;
  const page = await expectRejection(driver.fetch(missingPage), 'fetch of a page that does not exist');
  expect(page.targetMessage).toMatch(/not found|no |exist|permission|could not/i);
  return supported(
    `malformed ARI: "${malformed.targetMessage.slice(0, 100)}"; unknown issue and page ARIs: "${missing.targetMessage.slice(0, 100)}"`,
  );
});
