import { expect, it } from 'vitest';
import { canEditPage, canViewPage } from './access.ts';
import { createPageRecord, updatePageRecord } from './pages.ts';
import { failure, testSite } from './test-site.ts';

const RESTRICTED_NOTES = '163842';
const LOCKED_POLICY = '163843';

function page(store: ReturnType<typeof testSite>['store'], id: string) {
  const p = store.pages.get(id);
  if (!p) throw new Error(`no page ${id}`);
  return p;
}

it('a read restriction hides the page from everyone it does not name', () => {
  const { store, actor } = testSite();
  const notes = page(store, RESTRICTED_NOTES);
  expect(canViewPage(store, actor('admin'), notes)).toBe(true);
  expect(canViewPage(store, actor('member'), notes)).toBe(true);
  expect(canViewPage(store, actor('viewer'), notes)).toBe(false);
  expect(canViewPage(store, actor('outsider'), notes)).toBe(false);
});

it('read restrictions are inherited by child pages', () => {
  const { store, actor } = testSite();
  const child = createPageRecord(store, actor('member'), {
    spaceId: '65539',
    title: 'Child of restricted notes',
    parentId: RESTRICTED_NOTES,
  });
  expect(canViewPage(store, actor('member'), child)).toBe(true);
  expect(canViewPage(store, actor('outsider'), child)).toBe(false);
});

it('an update restriction lets everyone read the page and only the named change it', () => {
  const { store, actor } = testSite();
  const locked = page(store, LOCKED_POLICY);
  expect(canViewPage(store, actor('viewer'), locked)).toBe(true);
  expect(canEditPage(store, actor('member'), locked)).toBe(false);
  expect(canEditPage(store, actor('admin'), locked)).toBe(true);
  const refused = failure(() =>
    updatePageRecord(store, actor('member'), LOCKED_POLICY, {
      id: LOCKED_POLICY,
      status: 'current',
      title: 'Taken over',
      body: { representation: 'storage', value: '<p>changed</p>' },
      version: { number: 2 },
    }),
  );
  expect(refused.status).toBe(403);
  expect(page(store, LOCKED_POLICY).version.number).toBe(1);
});
