import { expect } from 'vitest';
import { TargetError } from '../../harness/drivers/tool-call.ts';
import { supported, unsupported } from '../../harness/scenario/outcome.ts';
import { sandboxSpace, normaliseMarkdown } from '../../harness/scenario/helpers.ts';
import { verifies } from '../../harness/scenario/verifies.ts';

/** Writing Confluence pages: create, update, and what a stale concurrent edit does. */

const BODY = '## Created\n\nWritten by the **create** check.\n\n1. one\n2. two';

verifies('confluence.page.create', async (ctx) => {
  const driver = await ctx.driver();
  const space = await sandboxSpace(driver, ctx);
  const title = ctx.unique('Create check');
  const created = await driver.createPage({ space: space.key, title, body: BODY });
  expect(created.id).toMatch(/\S/);
  const page = await driver.getPage(created.id);
  expect(page.title).toBe(title);
  expect(normaliseMarkdown(page.body), 'the Markdown body reads back unchanged').toBe(
    normaliseMarkdown(BODY),
  );
  expect(page.spaceId).toBe(space.id);
  expect(page.version, 'a new page is at version 1').toBe(1);
  expect(page.parentId, 'without a parent the page goes somewhere in the tree').not.toBeNull();
  const parentId = page.parentId ?? '';
  if (space.homepageId) {
    expect(parentId, 'the default parent is the space homepage').toBe(space.homepageId);
  } else {
    const parent = await driver.getPage(parentId);
    expect(parent.spaceId).toBe(space.id);
    expect(parent.parentId, 'the default parent is the top page of the space').toBeNull();
  }
  return supported(
    `created ${page.id} at version 1 under the homepage ${parentId}; title and Markdown body read back unchanged`,
  );
});

verifies('confluence.page.update', async (ctx) => {
  const driver = await ctx.driver();
  const space = await sandboxSpace(driver, ctx);
  const created = await driver.createPage({
    space: space.key,
    title: ctx.unique('Update check'),
    body: 'First body.',
  });
  const before = await driver.getPage(created.id);
  const title = ctx.unique('Update check (edited)');
  const body = 'Replaced body: *only* this paragraph remains.';
  const answer = await driver.updatePage(created.id, { title, body, version: before.version + 1 });
  expect(answer.version, 'the update answers with the new version').toBe(before.version + 1);
  const after = await driver.getPage(created.id);
  expect(after.version, 'the version goes up by exactly one').toBe(before.version + 1);
  expect(after.title).toBe(title);
  expect(normaliseMarkdown(after.body), 'the whole body is replaced').toBe(normaliseMarkdown(body));
  return supported(
    `updated ${created.id}: version ${before.version} → ${after.version}, title and body replaced`,
  );
});

verifies('confluence.page.version-conflict', async (ctx) => {
  const first = await ctx.driver('member');
  const second = await ctx.driver('admin');
  const space = await sandboxSpace(first, ctx);
  const title = ctx.unique('Conflict check');
  const created = await first.createPage({ space: space.key, title, body: 'Original body.' });
  const read = await first.getPage(created.id);

  // Someone else saves a newer version after the first editor read the page.
  const newer = 'Edit by the second editor.';
  await second.updatePage(created.id, { title, body: newer, version: read.version + 1 });
  const between = await second.getPage(created.id);
  expect(between.version, "the second editor's save bumps the version").toBe(read.version + 1);

  // The first editor writes from the version they read.
  const stale = 'Stale edit by the first editor.';
  let refusal: TargetError | undefined;
  try {
    await first.updatePage(created.id, { title, body: stale, version: read.version + 1 });
  } catch (error) {
    if (!(error instanceof TargetError)) throw error;
    refusal = error;
  }
  const after = await first.getPage(created.id);
  ctx.note('versions', { read: read.version, newer: between.version, after: after.version });

  if (refusal) {
    expect(normaliseMarkdown(after.body), 'a refused edit changes nothing').toBe(normaliseMarkdown(newer));
    expect(after.version).toBe(between.version);
    return supported(
      `the stale edit (based on version ${read.version}) was refused, the newer version ${between.version} kept: "${refusal.targetMessage.slice(0, 160)}"`,
    );
  }
  expect(normaliseMarkdown(after.body), 'the accepted stale edit is what the page now holds').toBe(
    normaliseMarkdown(stale),
  );
  expect(after.version, 'the accepted stale edit is one more version').toBe(between.version + 1);
  return unsupported(
    `no optimistic locking: an edit based on version ${read.version} was accepted after version ${between.version} was saved by another user, silently replacing it (now version ${after.version}); updateConfluencePage takes no version number, so the last writer wins`,
  );
});
