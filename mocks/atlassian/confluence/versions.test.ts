import { expect, it } from 'vitest';
import { adfToMarkdown } from '../../../lib/content/index.ts';
import { updatePageRecord } from './pages.ts';
import { failure, testSite, v2Title } from './test-site.ts';
import {
  diffContentVersions,
  getContentVersion,
  listContentVersions,
  restoreContentVersion,
} from './versions.ts';

const GUIDE = '229378';

it('lists versions newest first (or oldest first), paged, with the title each had', () => {
  const { store, actor } = testSite();
  const list = listContentVersions(store, actor('viewer'), GUIDE);
  expect(list.results).toMatchObject([
    { number: 3, page: { title: 'Checkout Guide' }, message: '' },
    { number: 2, page: { title: 'Checkout Guide' }, message: 'Add the receipt step' },
    { number: 1, page: { title: 'Checkout' }, message: 'First draft' },
  ]);
  expect(
    listContentVersions(store, actor('viewer'), GUIDE, { sort: 'modified-date', limit: 1 }).results[0]
      ?.number,
  ).toBe(1);
  expect(
    v2Title(failure(() => listContentVersions(store, actor('viewer'), GUIDE, { sort: 'title' })).body),
  ).toBe('Invalid value for sort: title');
  expect(listContentVersions(store, actor('viewer'), '229380').results).toHaveLength(1);
});

it('gets one version with its body, and records every update as a version', () => {
  const { store, actor } = testSite();
  const v1 = getContentVersion(store, actor('viewer'), GUIDE, 1, 'storage');
  expect(v1.body?.storage?.value).toBe('<h2>Steps</h2><ol><li>Add items to the cart</li><li>Pay</li></ol>');
  expect(v2Title(failure(() => getContentVersion(store, actor('viewer'), GUIDE, 9)).body)).toBe(
    'Version 9 not found',
  );
  updatePageRecord(store, actor('member'), GUIDE, {
    id: GUIDE,
    status: 'current',
    title: 'Checkout Guide',
    body: { representation: 'storage', value: '<p>Rewritten</p>' },
    version: { number: 4, message: 'Rewrite' },
  });
  expect(getContentVersion(store, actor('viewer'), GUIDE, 3, 'storage').body?.storage?.value).toContain(
    'Refunds take five days.',
  );
  expect(getContentVersion(store, actor('viewer'), GUIDE, 4)).toMatchObject({ message: 'Rewrite' });
});

it('diffs two versions line by line, with the title change', () => {
  const { store, actor } = testSite();
  const d = diffContentVersions(store, actor('viewer'), GUIDE, 1, 2);
  expect(d).toMatchObject({ titleChange: { from: 'Checkout', to: 'Checkout Guide' }, added: 2, removed: 1 });
  expect(d.diff).toBe(
    [
      '--- version 1',
      '+++ version 2',
      ' ## Steps',
      ' ',
      ' 1. Add items to the cart',
      '-2. Pay',
      '+2. Pay with a saved card',
      '+3. Get a receipt by email',
    ].join('\n'),
  );
  expect(diffContentVersions(store, actor('viewer'), GUIDE, 3, 3)).toMatchObject({
    titleChange: null,
    added: 0,
    removed: 0,
  });
  expect(failure(() => diffContentVersions(store, actor('viewer'), GUIDE, 1, 7)).status).toBe(404);
  expect(failure(() => diffContentVersions(store, actor('viewer'), '196610', 1, 1)).status).toBe(404);
});

it('restores an old version as a new one, the title only when asked', () => {
  const { store, actor } = testSite();
  expect(restoreContentVersion(store, actor('member'), GUIDE, 1)).toMatchObject({
    number: 4,
    message: 'Restored from version 1',
    page: { title: 'Checkout Guide' },
  });
  const page = store.pages.get(GUIDE);
  expect(page && adfToMarkdown(page.body)).toBe('## Steps\n\n1. Add items to the cart\n2. Pay');
  expect(
    restoreContentVersion(store, actor('member'), GUIDE, 1, { restoreTitle: true, message: 'Back' }),
  ).toMatchObject({
    number: 5,
    message: 'Back',
    page: { title: 'Checkout' },
  });
  expect(failure(() => restoreContentVersion(store, actor('member'), GUIDE, 5)).status).toBe(400);
  expect(failure(() => restoreContentVersion(store, actor('viewer'), GUIDE, 2)).status).toBe(403);
  expect(failure(() => restoreContentVersion(store, actor('member'), GUIDE, 0)).status).toBe(404);
});
