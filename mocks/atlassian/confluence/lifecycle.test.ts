import { expect, it } from 'vitest';
import { archiveContent, copyContent, moveContent, unarchiveContent } from './lifecycle.ts';
import { createPageRecord, DUPLICATE_TITLE } from './pages.ts';
import { failure, testSite, v2Title } from './test-site.ts';

it('archives current content and unarchives it, for editors only', () => {
  const { store, actor } = testSite();
  expect(archiveContent(store, actor('member'), ['229379'])).toMatchObject([{ status: 'archived' }]);
  expect(v2Title(failure(() => archiveContent(store, actor('member'), ['229379'])).body)).toBe(
    'Content 229379 is archived: only current content is archived',
  );
  expect(unarchiveContent(store, actor('member'), '229379')).toMatchObject({ status: 'current' });
  expect(v2Title(failure(() => unarchiveContent(store, actor('member'), '229379')).body)).toBe(
    'Content 229379 is not archived',
  );
  expect(failure(() => archiveContent(store, actor('viewer'), ['229379'])).status).toBe(403);
});

it('copies a page to a space or under a parent, with a new title where the old one is taken', () => {
  const { store, actor } = testSite();
  expect(
    v2Title(
      failure(() =>
        copyContent(store, actor('member'), '229379', { destination: { type: 'space', value: '65541' } }),
      ).body,
    ),
  ).toBe(DUPLICATE_TITLE);
  const copy = copyContent(store, actor('member'), '229379', {
    destination: { type: 'parent_page', value: '229380' },
    pageTitle: 'Release Process (copy)',
  });
  expect(copy).toMatchObject({
    type: 'page',
    title: 'Release Process (copy)',
    parentId: '229380',
    version: { number: 1 },
  });
  const elsewhere = copyContent(store, actor('member'), '229378', {
    destination: { type: 'space', value: '65539' },
  });
  expect(elsewhere).toMatchObject({ spaceId: '65539', parentId: null });
  expect(store.pages.get(elsewhere.id)?.labels).toEqual(['guide', 'checkout']);
  expect(
    failure(() =>
      copyContent(store, actor('member'), '229380', { destination: { type: 'space', value: '65541' } }),
    ).status,
  ).toBe(400);
  expect(failure(() => copyContent(store, actor('member'), '229379', {})).status).toBe(400);
});

it('moves content under or beside a target, across spaces with its subtree, never under itself', () => {
  const { store, actor } = testSite();
  expect(moveContent(store, actor('member'), '229379', 'append', '229380')).toEqual({ pageId: '229379' });
  expect(store.pages.get('229379')?.parentId).toBe('229380');
  moveContent(store, actor('member'), '229379', 'after', '229378');
  expect(store.pages.get('229379')?.parentId).toBe('229377');
  moveContent(store, actor('member'), '229380', 'append', '163841');
  expect(['229380', '229381', '229382'].map((id) => store.pages.get(id)?.spaceId)).toEqual([
    '65539',
    '65539',
    '65539',
  ]);
  expect(v2Title(failure(() => moveContent(store, actor('member'), '229380', 'append', '229381')).body)).toBe(
    'Content cannot be moved under itself or its descendants',
  );
  expect(failure(() => moveContent(store, actor('member'), '229378', 'inside', '229377')).status).toBe(400);
  expect(failure(() => moveContent(store, actor('member'), '229384', 'append', '229377')).status).toBe(400);
  expect(failure(() => moveContent(store, actor('member'), '229378', 'append', '229384')).status).toBe(400);
  expect(failure(() => moveContent(store, actor('outsider'), '229378', 'append', '196609')).status).toBe(404);
  // ENG already has a page called Runbooks.
  const twin = createPageRecord(store, actor('member'), { spaceId: '65539', title: 'Runbooks' });
  expect(v2Title(failure(() => moveContent(store, actor('member'), twin.id, 'append', '98305')).body)).toBe(
    DUPLICATE_TITLE,
  );
});
