import { expect, it } from 'vitest';
import { createComment } from './comments.ts';
import {
  ancestors,
  createBlogPost,
  createTyped,
  descendants,
  directChildren,
  getContent,
  listSpaceContent,
} from './content.ts';
import { createPageRecord, getPage, listChildren, listDescendants, updatePageRecord } from './pages.ts';
import { failure, testSite, v2Title } from './test-site.ts';

it('reads each content type in its own shape, and a wrong type as not found', () => {
  const { store, actor } = testSite();
  expect(getContent(store, actor('viewer'), '229380', 'folder')).toMatchObject({
    type: 'folder',
    title: 'Design Decisions',
    parentId: null,
    parentType: null,
    _links: { webui: '/spaces/DOCS/folder/229380' },
  });
  expect(getContent(store, actor('viewer'), '229382')).toMatchObject({
    type: 'whiteboard',
    parentType: 'folder',
  });
  expect(getContent(store, actor('viewer'), '229384', 'blogpost', 'storage')).toMatchObject({
    type: 'blogpost',
    body: { storage: { value: expect.stringContaining('<strong>checkout</strong>') as unknown } },
  });
  expect(v2Title(failure(() => getContent(store, actor('viewer'), '229380', 'whiteboard')).body)).toBe(
    'Whiteboard not found',
  );
  expect(failure(() => getContent(store, actor('viewer'), '229380', 'page')).status).toBe(404);
  expect(failure(() => getPage(store, actor('viewer'), '229380')).status).toBe(404);
  // A page under a folder names the folder as its parent type.
  expect(getPage(store, actor('viewer'), '229381')).toMatchObject({
    parentId: '229380',
    parentType: 'folder',
  });
});

it('creates folders, whiteboards and databases under pages or folders of the same space', () => {
  const { store, actor } = testSite();
  const folder = createTyped(store, actor('member'), 'folder', {
    spaceId: '65541',
    title: 'Guides',
    parentId: '229377',
  });
  expect(folder).toMatchObject({
    type: 'folder',
    parentId: '229377',
    parentType: 'page',
    version: { number: 1 },
  });
  expect(
    createTyped(store, actor('member'), 'whiteboard', { spaceId: '65541', parentId: folder.id }),
  ).toMatchObject({
    title: 'Untitled whiteboard',
    parentType: 'folder',
  });
  const page = createPageRecord(store, actor('member'), {
    spaceId: '65541',
    title: 'In a folder',
    parentId: folder.id,
  });
  expect(page.parentId).toBe(folder.id);
  const bad = (raw: unknown, who = 'member' as const) =>
    failure(() => createTyped(store, actor(who), 'folder', raw));
  expect(v2Title(bad({ spaceId: '65541' }).body)).toBe('A folder needs a title');
  expect(v2Title(bad({ spaceId: '65541', title: 'x', parentId: '229384' }).body)).toBe(
    'Invalid parentId: 229384 was not found',
  );
  expect(v2Title(bad({ spaceId: '65541', title: 'x', parentId: '98305' }).body)).toBe(
    'The parent must be in the same space',
  );
  expect(v2Title(bad({ spaceId: '65541', title: 'x'.repeat(256) }).body)).toBe(
    'Title cannot be longer than 255 characters',
  );
  expect(bad({ spaceId: '65541', title: 'x' }, 'viewer' as 'member').status).toBe(403);
  expect(bad({ spaceId: '65540', title: 'x' }, 'viewer' as 'member').status).toBe(404);
  expect(bad({}).status).toBe(400);
});

it('creates blog posts without a parent and lists content of one type in a space', () => {
  const { store, actor } = testSite();
  const post = createBlogPost(store, actor('member'), {
    spaceId: '65541',
    title: 'Launch notes',
    body: { representation: 'storage', value: '<p>Live</p>' },
  });
  expect(post).toMatchObject({ type: 'blogpost', title: 'Launch notes' });
  expect(post).not.toHaveProperty('parentId');
  const titles = (type: Parameters<typeof listSpaceContent>[3]['type']) =>
    listSpaceContent(store, actor('viewer'), 'DOCS', { type }).results.map((r) => r.title);
  // In id order: the site numbers new content below the seeded ids.
  expect(titles('blogpost')).toEqual(['Launch notes', 'Q3 Reliability Review']);
  expect(titles('folder')).toEqual(['Design Decisions']);
  expect(titles('database')).toEqual(['Release Calendar']);
  expect(titles('page')).toEqual([
    'Product Docs Home',
    'Checkout Guide',
    'Release Process',
    'ADR-001 Event Sourcing for Payments',
  ]);
  expect(failure(() => listSpaceContent(store, actor('viewer'), 'SEC', { type: 'page' })).status).toBe(404);
});

it('walks ancestors top down, and children and descendants across types', () => {
  const { store, actor } = testSite();
  expect(ancestors(store, actor('viewer'), '229381').results).toEqual([{ id: '229380', type: 'folder' }]);
  expect(ancestors(store, actor('viewer'), '98307').results).toEqual([
    { id: '98305', type: 'page' },
    { id: '98306', type: 'page' },
  ]);
  expect(
    directChildren(store, actor('viewer'), '229380', 'folder').results.map((c) => [c.title, c.type]),
  ).toEqual([
    ['ADR-001 Event Sourcing for Payments', 'page'],
    ['Service Map', 'whiteboard'],
  ]);
  expect(
    descendants(store, actor('viewer'), '229377', 'page').results.map((d) => [d.id, d.type, d.depth]),
  ).toEqual([
    ['229378', 'page', 1],
    ['229379', 'page', 1],
    ['229383', 'database', 1],
  ]);
  expect(descendants(store, actor('viewer'), '98305', undefined, { depth: 1 }).results).toHaveLength(2);
  expect(failure(() => descendants(store, actor('viewer'), '98305', undefined, { depth: 6 })).status).toBe(
    400,
  );
  // The page lists keep to pages: the database is a direct child, not a child page; descendants name its type.
  expect(listChildren(store, actor('viewer'), '229377').results.map((c) => c.id)).toEqual([
    '229378',
    '229379',
  ]);
  expect(listDescendants(store, actor('viewer'), '229377').results.map((d) => d.type)).toEqual([
    'page',
    'page',
    'database',
  ]);
});

it('takes no comments on, and no page update of, a folder', () => {
  const { store, actor } = testSite();
  const comment = failure(() =>
    createComment(store, actor('member'), 'footer', {
      pageId: '229380',
      body: { representation: 'storage', value: '<p>x</p>' },
    }),
  );
  expect(comment.status).toBe(404);
  const update = failure(() =>
    updatePageRecord(store, actor('member'), '229380', {
      id: '229380',
      status: 'current',
      title: 'x',
      body: { representation: 'storage', value: '' },
      version: { number: 2 },
    }),
  );
  expect(update.status).toBe(404);
});
