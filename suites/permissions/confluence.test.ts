import { expect } from 'vitest';
import type { Driver } from '../../harness/drivers/types.ts';
import { NotTestableError } from '../../harness/errors.ts';
import type { CheckContext } from '../../harness/scenario/context.ts';
import { answersLikeMissing } from '../../harness/scenario/denials.ts';
import { expectRejection } from '../../harness/scenario/expect.ts';
import { supported } from '../../harness/scenario/outcome.ts';
import { verifies } from '../../harness/scenario/verifies.ts';

/**
 * Confluence denials: a space the caller cannot view, a space it may only read, and page restrictions
 * (read: hides the page; update: only the named may change it). Admin reads afterwards.
 */

/** A page id no site has; hidden pages must answer exactly like it. */
const MISSING_PAGE = '999999999';

function restricted(ctx: CheckContext): { space: string; hidden: string; locked: string } {
  const { restrictedSpace, restrictedPages } = ctx.site;
  if (!restrictedSpace || !restrictedPages)
    throw new NotTestableError(
      'a restricted space and restricted pages (site facts restrictedSpace, restrictedPages)',
    );
  return { space: restrictedSpace, ...restrictedPages };
}

/** Every title in a space, as admin lists them (no search index involved). */
async function titlesIn(admin: Driver, spaceKey: string): Promise<string[]> {
  const space = (await admin.spaces()).find((s) => s.key === spaceKey);
  if (!space) throw new Error(`admin cannot see the space ${spaceKey}`);
  const titles: string[] = [];
  let cursor: string | undefined;
  for (let calls = 0; calls < 40; calls++) {
    const page = await admin.pagesInSpace(space.id, { limit: 250, ...(cursor ? { cursor } : {}) });
    titles.push(...page.pages.map((p) => p.title));
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return titles;
}

verifies('permissions.confluence.hidden-page', async (ctx) => {
  const { space, hidden } = restricted(ctx);
  const page = await (
    await ctx.driver()
  ).createPage({
    space,
    title: ctx.unique('Hidden by its space'),
    body: 'Only the restricted space may see this.',
  });
  const outsider = await ctx.driver('outsider');
  const viewer = await ctx.driver('viewer');
  const edit = { title: 'Changed while hidden', body: 'Changed while hidden.' };
  const answers = [
    await answersLikeMissing(
      `read of page ${page.id}`,
      { id: page.id, call: () => outsider.getPage(page.id) },
      { id: MISSING_PAGE, call: () => outsider.getPage(MISSING_PAGE) },
    ),
    await answersLikeMissing(
      `update of page ${page.id}`,
      { id: page.id, call: () => outsider.updatePage(page.id, edit) },
      { id: MISSING_PAGE, call: () => outsider.updatePage(MISSING_PAGE, edit) },
    ),
    await answersLikeMissing(
      `read of read-restricted page ${hidden}`,
      { id: hidden, call: () => viewer.getPage(hidden) },
      { id: MISSING_PAGE, call: () => viewer.getPage(MISSING_PAGE) },
    ),
  ];
  const after = await (await ctx.driver('admin')).getPage(page.id);
  expect(after.version, 'the page is unchanged').toBe(page.version);
  return supported(
    `page ${page.id} in ${space} (outsider) and read-restricted page ${hidden} (viewer) answered like a missing page: "${answers[0]?.slice(0, 120)}"`,
  );
});

verifies('permissions.confluence.create-denied', async (ctx) => {
  const { space } = restricted(ctx);
  const cases: [string, string, Driver][] = [
    [space, ctx.unique('Created by an outsider'), await ctx.driver('outsider')],
    [ctx.site.sandboxSpace, ctx.unique('Created by a browse-only user'), await ctx.driver('viewer')],
  ];
  const said: string[] = [];
  for (const [where, title, who] of cases) {
    const error = await expectRejection(
      who.createPage({ space: where, title, body: 'Should not exist.' }),
      `a page in ${where}`,
    );
    said.push(error.targetMessage.slice(0, 100));
  }
  const admin = await ctx.driver('admin');
  for (const [where, title] of cases)
    expect(await titlesIn(admin, where), `admin finds no "${title}" in ${where}`).not.toContain(title);
  return supported(
    `outsider's page in ${space} ("${said[0]}") and viewer's page in ${ctx.site.sandboxSpace} ("${said[1]}") were refused; admin finds neither`,
  );
});

verifies('permissions.confluence.update-denied', async (ctx) => {
  const { locked } = restricted(ctx);
  const admin = await ctx.driver('admin');
  const mine = await (
    await ctx.driver()
  ).createPage({
    space: ctx.site.sandboxSpace,
    title: ctx.unique('Read-only for viewers'),
    body: 'Version one.',
  });
  const cases: [string, Driver][] = [
    [locked, await ctx.driver()],
    [mine.id, await ctx.driver('viewer')],
  ];
  const said: string[] = [];
  for (const [id, who] of cases) {
    const before = await admin.getPage(id);
    const error = await expectRejection(
      who.updatePage(id, { title: `${before.title} (changed)`, body: 'Changed without permission.' }),
      `an update of page ${id}`,
    );
    said.push(error.targetMessage.slice(0, 100));
    const after = await admin.getPage(id);
    expect([after.version, after.title], `page ${id} is unchanged`).toEqual([before.version, before.title]);
  }
  return supported(
    `member's update of update-restricted page ${locked} ("${said[0]}") and viewer's update of page ${mine.id} ("${said[1]}") were refused; admin reads both unchanged`,
  );
});
