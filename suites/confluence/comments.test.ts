import { expect } from 'vitest';
import { NotTestableError } from '../../harness/errors.ts';
import { supported } from '../../harness/scenario/outcome.ts';
import { verifies } from '../../harness/scenario/verifies.ts';

/** Footer comments on a Confluence page: add, reply, list the thread. */

verifies('confluence.comments.footer', async (ctx) => {
  const driver = await ctx.driver();
  const space = (await driver.spaces()).find((s) => s.key === ctx.site.sandboxSpace);
  if (!space)
    throw new NotTestableError(
      `the sandbox space ${ctx.site.sandboxSpace} is not visible to the check identity`,
    );
  const me = await driver.whoAmI();
  const page = await driver.createPage({
    space: space.key,
    title: ctx.unique('Comment check'),
    body: 'A page to discuss.',
  });

  const question = 'Should we **ship** this?';
  const answer = 'Yes, after the `review`.';
  const top = await driver.addFooterComment(page.id, question);
  const reply = await driver.addFooterComment(page.id, answer, { parentCommentId: top.id });
  expect(reply.id).not.toBe(top.id);

  const thread = await driver.footerComments(page.id);
  const listedTop = thread.find((c) => c.id === top.id);
  const listedReply = thread.find((c) => c.id === reply.id);
  expect(listedTop?.id, 'the comment is listed').toBe(top.id);
  expect(listedReply?.id, 'the reply is listed').toBe(reply.id);
  expect(listedTop?.parentId ?? null, 'the comment is top-level').toBeNull();
  expect(listedReply?.parentId, 'the reply sits under its comment').toBe(top.id);
  expect(listedTop?.body.trim()).toBe(question);
  expect(listedReply?.body.trim()).toBe(answer);
  expect(listedTop?.authorAccountId, 'the caller wrote the comment').toBe(me.accountId);
  expect(thread.length, 'nothing else is on the new page').toBe(2);
  return supported(
    `comment ${top.id} and reply ${reply.id} listed on page ${page.id} as a thread, Markdown bodies unchanged`,
  );
});
