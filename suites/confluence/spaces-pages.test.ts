import { expect } from 'vitest';
import type { PageData } from '../../harness/drivers/types.ts';
import { NotTestableError } from '../../harness/errors.ts';
import { supported } from '../../harness/scenario/outcome.ts';
import { sandboxSpace, normaliseMarkdown } from '../../harness/scenario/helpers.ts';
import { verifies } from '../../harness/scenario/verifies.ts';

/** Reading Confluence: spaces, the pages of a space (cursor paging), one page, a page tree. */

verifies('confluence.spaces.list', async (ctx) => {
  const spaces = await (await ctx.driver()).spaces();
  expect(spaces.length, 'at least one space is listed').toBeGreaterThan(0);
  for (const s of spaces) {
    expect(s.id, `space ${s.key} has an id`).toMatch(/\S/);
    expect(s.key, `space ${s.id} has a key`).toMatch(/\S/);
  }
  expect(new Set(spaces.map((s) => s.id)).size, 'ids are distinct').toBe(spaces.length);
  expect(new Set(spaces.map((s) => s.key)).size, 'keys are distinct').toBe(spaces.length);
  const box = spaces.find((s) => s.key === ctx.site.sandboxSpace);
  expect(box?.key, `the sandbox space ${ctx.site.sandboxSpace} is listed`).toBe(ctx.site.sandboxSpace);
  return supported(
    `${spaces.length} space(s) with distinct ids and keys (${spaces.map((s) => s.key).join(', ')}); sandbox ${box?.key} has id ${box?.id}`,
  );
});

const PAGE_LIMIT = 2;
const MAX_CALLS = 100;

verifies('confluence.pages.paging', async (ctx) => {
  const driver = await ctx.driver();
  const space = await sandboxSpace(driver, ctx);
  const created: PageData[] = [];
  for (let i = 1; i <= 5; i++)
    created.push(
      await driver.createPage({
        space: space.key,
        title: ctx.unique(`Paging check ${i}`),
        body: `Page ${i} of 5.`,
      }),
    );

  const seen: string[] = [];
  let calls = 0;
  let cursor: string | undefined;
  do {
    const page = await driver.pagesInSpace(space.id, { limit: PAGE_LIMIT, ...(cursor ? { cursor } : {}) });
    calls += 1;
    expect(page.pages.length, `page ${calls} holds at most the limit`).toBeLessThanOrEqual(PAGE_LIMIT);
    const repeated = page.pages.filter((p) => seen.includes(p.id)).map((p) => p.id);
    expect(repeated, `page ${calls} repeats nothing seen before`).toEqual([]);
    seen.push(...page.pages.map((p) => p.id));
    if (page.nextCursor !== undefined) expect(page.nextCursor, 'the cursor moves on').not.toBe(cursor);
    cursor = page.nextCursor;
    if (calls >= MAX_CALLS && cursor)
      throw new NotTestableError(
        `the sandbox space holds more than ${MAX_CALLS * PAGE_LIMIT} pages; clean it up`,
      );
  } while (cursor);

  const missing = created.filter((p) => !seen.includes(p.id)).map((p) => p.id);
  expect(missing, 'every created page appears').toEqual([]);
  expect(calls, 'more than one page was needed').toBeGreaterThan(1);
  return supported(
    `${seen.length} pages over ${calls} calls of limit ${PAGE_LIMIT}; no repeats, all 5 new pages seen`,
  );
});

const BODY =
  '## Purpose\n\nA page written by the **conformance** harness.\n\n- first point\n- second point with `code`\n\nSee [the docs](https://example.com/docs).';

verifies('confluence.page.read-markdown', async (ctx) => {
  const driver = await ctx.driver();
  const space = await sandboxSpace(driver, ctx);
  const title = ctx.unique('Read check');
  const created = await driver.createPage({ space: space.key, title, body: BODY });
  const page = await driver.getPage(created.id);
  expect(page.id).toBe(created.id);
  expect(page.title).toBe(title);
  expect(page.spaceId).toBe(space.id);
  expect(page.version).toBeGreaterThanOrEqual(1);
  expect(normaliseMarkdown(page.body), 'the body reads back as the Markdown written').toBe(
    normaliseMarkdown(BODY),
  );
  return supported(
    `page ${page.id} read back as Markdown (heading, bold, list, code, link) with title and version ${page.version}`,
  );
});

verifies('confluence.page.descendants', async (ctx) => {
  const driver = await ctx.driver();
  const space = await sandboxSpace(driver, ctx);
  const make = (title: string, parentId?: string) =>
    driver.createPage({
      space: space.key,
      title: ctx.unique(title),
      body: title,
      ...(parentId ? { parentId } : {}),
    });
  const root = await make('Tree root');
  const a = await make('Tree A', root.id);
  const b = await make('Tree B', root.id);
  const a1 = await make('Tree A.1', a.id);
  const a1x = await make('Tree A.1.x', a1.id);
  const expected = new Map([
    [a.id, root.id],
    [b.id, root.id],
    [a1.id, a.id],
    [a1x.id, a1.id],
  ]);

  const found = await driver.pageDescendants(root.id);
  const shape = new Map(found.map((p) => [p.id, p.parentId]));
  expect([...shape.keys()].sort(), 'exactly the four pages below the root').toEqual(
    [...expected.keys()].sort(),
  );
  for (const [id, parent] of expected) expect(shape.get(id), `parent of ${id}`).toBe(parent);
  return supported(
    `descendants of ${root.id}: 2 children, a grandchild and a great-grandchild, each under the right parent`,
  );
});
