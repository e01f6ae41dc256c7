import { expect, it } from 'vitest';
import { markdownToAdf } from '../../../lib/content/index.ts';
import type { AtlassianError } from '../errors.ts';
import {
  checkSnapshot,
  readDocument,
  SnapshotStaleError,
  snapshotToken,
  updateDocument,
} from './documents.ts';
import { failure, testSite, v2Title } from './test-site.ts';

const GUIDE = '229378';

it('reads a document with a snapshot token; typed content has neither body nor token', () => {
  const { store, actor } = testSite();
  const doc = readDocument(store, actor('viewer'), GUIDE);
  expect(doc.snapshotToken).toMatch(/^[\w-]+\.[\w-]{16}$/);
  expect(doc.body).toEqual(store.pages.get(GUIDE)?.body);
  const folder = readDocument(store, actor('viewer'), '229380');
  expect(folder).not.toHaveProperty('snapshotToken');
  expect(folder.content).toMatchObject({ type: 'folder' });
});

it('updates with a current token to a new version and a new token; an older token is stale', () => {
  const { store, actor } = testSite();
  const { snapshotToken: first } = readDocument(store, actor('member'), GUIDE);
  const saved = updateDocument(store, actor('member'), GUIDE, {
    snapshotToken: first,
    body: markdownToAdf('New text'),
    versionMessage: 'v4',
  });
  expect(saved.content).toMatchObject({ version: { number: 4, message: 'v4' } });
  expect(saved.snapshotToken).not.toBe(first);
  let stale: unknown;
  try {
    updateDocument(store, actor('member'), GUIDE, { snapshotToken: first, title: 'Lost update' });
  } catch (e) {
    stale = e;
  }
  expect(stale).toBeInstanceOf(SnapshotStaleError);
  expect((stale as SnapshotStaleError).currentSnapshotToken).toBe(saved.snapshotToken);
  expect((stale as AtlassianError).status).toBe(409);
  expect((stale as AtlassianError).body).toMatchObject({
    errors: [{ code: 'snapshot_stale' }],
    currentSnapshotToken: saved.snapshotToken,
    currentVersion: 4,
  });
  expect(store.pages.get(GUIDE)?.title).toBe('Checkout Guide');
});

it('refuses a token of other content or a forged one, an empty update, and typed content', () => {
  const { store, actor } = testSite();
  const page = (id: string) => {
    const p = store.pages.get(id);
    if (!p) throw new Error(`no page ${id}`);
    return p;
  };
  const other = snapshotToken(store, page('229379'));
  const guide = page(GUIDE);
  const invalid = 'The snapshotToken is not one issued for this content';
  expect(v2Title(failure(() => checkSnapshot(store, guide, other)).body)).toBe(invalid);
  expect(
    v2Title(failure(() => checkSnapshot(store, guide, `${other.split('.')[0] ?? ''}.forged`)).body),
  ).toBe(invalid);
  expect(v2Title(failure(() => checkSnapshot(store, guide, 'not-a-token')).body)).toBe(invalid);
  expect(v2Title(failure(() => updateDocument(store, actor('member'), GUIDE, {})).body)).toBe(
    'Give a new body, a new title, or both',
  );
  expect(failure(() => updateDocument(store, actor('member'), '229380', { title: 'x' })).status).toBe(400);
  expect(failure(() => updateDocument(store, actor('viewer'), GUIDE, { title: 'x' })).status).toBe(403);
});

it('answers a dry run without saving, after checking permission and token', () => {
  const { store, actor } = testSite();
  const dry = updateDocument(store, actor('member'), GUIDE, { title: 'Maybe', dryRun: true });
  expect(dry).toMatchObject({ dryRun: true, content: { title: 'Maybe', version: { number: 3 } } });
  expect(store.pages.get(GUIDE)?.title).toBe('Checkout Guide');
  expect(
    failure(() => updateDocument(store, actor('viewer'), GUIDE, { title: 'x', dryRun: true })).status,
  ).toBe(403);
});
