import { expect } from 'vitest';
import { NotTestableError } from '../../harness/errors.ts';
import type { CheckContext } from '../../harness/scenario/context.ts';
import { type Outcome, supported } from '../../harness/scenario/outcome.ts';
import { unlessV2 } from '../../harness/scenario/v2.ts';

/** Rovo's page size for `?tools=all` (T-CONFV and 71476265303, both citing the changelog). */
export const TOOLS_ALL_PAGE = 50;
const MAX_PAGES = 20;

/** `?tools=all` lists the operations flat, 50 a page joined by nextCursor, without repeats. */
export async function toolsAllPaging(ctx: CheckContext): Promise<Outcome> {
  const gate = unlessV2(ctx);
  if (gate) return gate;
  const endpoint = ctx.probe().url;
  const session = await ctx.connect('member', { path: `${endpoint.pathname}?tools=all` });
  const sizes: number[] = [];
  const names: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await session.client.listTools(cursor === undefined ? {} : { cursor });
    sizes.push(page.tools.length);
    names.push(...page.tools.map((t) => t.name));
    cursor = page.nextCursor;
  } while (cursor !== undefined && sizes.length < MAX_PAGES);
  ctx.note('pageSizes', sizes);
  if (sizes.length === 1 && (sizes[0] ?? 0) < TOOLS_ALL_PAGE)
    throw new NotTestableError(
      `more than ${TOOLS_ALL_PAGE} operations visible to the member (saw ${sizes[0]})`,
    );
  expect(cursor, `nextCursor still set after ${MAX_PAGES} pages`).toBeUndefined();
  expect(sizes.slice(0, -1), `page sizes ${sizes.join(', ')}: every page but the last holds 50`).toEqual(
    sizes.slice(0, -1).map(() => TOOLS_ALL_PAGE),
  );
  expect(sizes.at(-1), 'the last page').toBeLessThanOrEqual(TOOLS_ALL_PAGE);
  expect(new Set(names).size, 'tools listed twice across pages').toBe(names.length);
  expect(names, 'a non-primary operation in the flat list').toContain('createJiraIssueLink');
  return supported(`?tools=all listed ${names.length} tools in pages of ${sizes.join(', ')}`);
}
