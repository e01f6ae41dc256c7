import { expect } from 'vitest';
import type { ContentHit, Driver } from '../../harness/drivers/types.ts';
import { NotTestableError } from '../../harness/errors.ts';
import type { CheckContext } from '../../harness/scenario/context.ts';
import { expectRejection } from '../../harness/scenario/expect.ts';
import { eventually, uniqueWord } from '../../harness/scenario/search-wait.ts';
import { supported } from '../../harness/scenario/outcome.ts';
import { verifies } from '../../harness/scenario/verifies.ts';

/** CQL search: the right pages for type, space, title ~ and text ~; nothing from elsewhere. */

/** A space the admin can view and the outsider cannot, with one of its pages; undefined when there is none. */
async function restrictedPage(
  ctx: CheckContext,
): Promise<{ space: string; hit: ContentHit; admin: Driver; outsider: Driver } | undefined> {
  let admin: Driver;
  let outsider: Driver;
  try {
    admin = await ctx.driver('admin');
    outsider = await ctx.driver('outsider');
  } catch (error) {
    if (error instanceof NotTestableError) return undefined;
    throw error;
  }
  const open = new Set((await outsider.spaces()).map((s) => s.key));
  for (const space of (await admin.spaces()).filter((s) => !open.has(s.key))) {
    const [hit] = await admin.searchContent(`type = page AND space = "${space.key}"`, { limit: 5 });
    if (hit) return { space: space.key, hit, admin, outsider };
  }
  return undefined;
}

verifies('confluence.cql.search', async (ctx) => {
  const driver = await ctx.driver();
  const spaces = await driver.spaces();
  const box = spaces.find((s) => s.key === ctx.site.sandboxSpace);
  if (!box)
    throw new NotTestableError(
      `the sandbox space ${ctx.site.sandboxSpace} is not visible to the check identity`,
    );
  const titleWord = uniqueWord(ctx, 'cqltitle');
  const textWord = uniqueWord(ctx, 'cqltext');
  const page = await driver.createPage({
    space: box.key,
    title: ctx.unique(`CQL check ${titleWord}`),
    body: `This page carries the word ${textWord} for the search check.`,
  });
  // A comment with the same word: `type = page` must leave it out.
  await driver.addFooterComment(page.id, `A comment that also says ${textWord}.`);
  const inBox = `type = page AND space = "${box.key}"`;

  const byTitle = await eventually(
    ctx,
    () => driver.searchContent(`${inBox} AND title ~ "${titleWord}"`),
    (h) => h.length > 0,
    10,
  );
  expect(
    byTitle.map((h) => h.id),
    'title ~ finds the page',
  ).toEqual([page.id]);

  const byText = await eventually(
    ctx,
    () => driver.searchContent(`${inBox} AND text ~ "${textWord}"`),
    (h) => h.length > 0,
    10,
  );
  expect(
    byText.map((h) => h.id),
    'text ~ finds the page, and type = page leaves the comment out',
  ).toEqual([page.id]);
  expect(byText.every((h) => h.type === 'page' && (h.spaceKey ?? box.key) === box.key)).toBe(true);

  const others = spaces.filter((s) => s.key !== box.key);
  for (const other of others) {
    const leaked = await driver.searchContent(
      `type = page AND space = "${other.key}" AND text ~ "${textWord}"`,
    );
    expect(
      leaked.map((h) => h.id),
      `space = ${other.key} keeps the sandbox page out`,
    ).toEqual([]);
  }

  const restricted = await restrictedPage(ctx);
  let restrictedNote = 'no space visible to admin but not to outsider was found, so that part was not probed';
  if (restricted) {
    const { hit, admin, outsider } = restricted;
    const cql = `type = page AND title ~ "${hit.title.replace(/["\\]/g, ' ')}"`;
    const forAdmin = await admin.searchContent(cql, { limit: 50 });
    if (forAdmin.some((h) => h.id === hit.id)) {
      const forOutsider = await outsider.searchContent(cql, { limit: 50 });
      expect(
        forOutsider.map((h) => h.id),
        `page ${hit.id} of restricted space ${restricted.space} stays hidden`,
      ).not.toContain(hit.id);
      restrictedNote = `page ${hit.id} of ${restricted.space} is found by admin and hidden from outsider`;
    }
  }
  ctx.note('restrictedSpace', restrictedNote);
  return supported(
    `type/space/title~/text~ found exactly page ${page.id} (not its comment); ${others.length} other space filter(s) kept it out; ${restrictedNote}`,
  );
});

verifies('confluence.cql.invalid', async (ctx) => {
  const driver = await ctx.driver();
  const broken = 'type = = page AND';
  const error = await expectRejection(driver.searchContent(broken), `the CQL "${broken}"`);
  expect(error.targetMessage, 'the error says the query could not be parsed').toMatch(
    /cql|pars|syntax|query/i,
  );
  return supported(`"${broken}" was refused: ${error.targetMessage.slice(0, 160)}`);
});
