import { expect, it } from 'vitest';
import { canViewPage } from './access.ts';
import {
  CANNOT_RESTRICT,
  changeRestrictions,
  getRestrictions,
  LOCKED_OUT,
  parseRestrictionEntries,
  restrictionState,
  setRestrictionState,
} from './restriction-changes.ts';
import { failure, testSite, v2Title } from './test-site.ts';

it('reports the state of own and inherited restrictions', () => {
  const { store, actor } = testSite();
  expect(restrictionState(store, actor('admin'), '163842')).toEqual({
    contentId: '163842',
    state: 'VIEW_RESTRICTED',
    inheritedViewRestriction: false,
  });
  expect(restrictionState(store, actor('admin'), '163843').state).toBe('EDIT_RESTRICTED');
  expect(restrictionState(store, actor('admin'), '163841').state).toBe('OPEN');
  const restricted = getRestrictions(store, actor('admin'), '163842').results[0];
  expect(restricted).toMatchObject({
    operation: 'read',
    restrictions: {
      group: { results: [{ name: 'site-admins' }] },
      user: { results: [{ displayName: 'Max Member' }] },
    },
  });
});

it('sets a state for whoever may edit, keeping the caller in', () => {
  const { store, actor } = testSite();
  expect(setRestrictionState(store, actor('member'), '229379', 'VIEW_RESTRICTED').state).toBe(
    'VIEW_RESTRICTED',
  );
  const page = store.pages.get('229379');
  expect(page && canViewPage(store, actor('viewer'), page)).toBe(false);
  expect(setRestrictionState(store, actor('member'), '229379', 'EDIT_RESTRICTED').state).toBe(
    'EDIT_RESTRICTED',
  );
  expect(setRestrictionState(store, actor('member'), '229379', 'OPEN').state).toBe('OPEN');
  expect(v2Title(failure(() => setRestrictionState(store, actor('viewer'), '229379', 'OPEN')).body)).toBe(
    CANNOT_RESTRICT,
  );
});

it('adds, removes and replaces grants, refusing a change that locks the caller out', () => {
  const { store, actor } = testSite();
  const member = actor('member').accountId ?? '';
  const viewer = actor('viewer').accountId ?? '';
  const entry = (operation: 'read' | 'update', accountId: string) =>
    parseRestrictionEntries({ operation, restrictions: { user: [{ accountId }] } });
  changeRestrictions(store, actor('member'), '229379', 'add', entry('update', member));
  changeRestrictions(store, actor('member'), '229379', 'add', entry('update', viewer));
  expect(getRestrictions(store, actor('member'), '229379').results[1]?.restrictions.user.size).toBe(2);
  changeRestrictions(store, actor('member'), '229379', 'remove', entry('update', viewer));
  expect(getRestrictions(store, actor('member'), '229379').results[1]?.restrictions.user.size).toBe(1);
  expect(
    v2Title(
      failure(() => changeRestrictions(store, actor('member'), '229379', 'replace', entry('read', viewer)))
        .body,
    ),
  ).toBe(LOCKED_OUT);
  expect(restrictionState(store, actor('member'), '229379').state).toBe('EDIT_RESTRICTED');
  changeRestrictions(store, actor('member'), '229379', 'replace', []);
  expect(restrictionState(store, actor('member'), '229379').state).toBe('OPEN');
  expect(
    failure(() => changeRestrictions(store, actor('member'), '229379', 'add', entry('read', 'ghost'))).status,
  ).toBe(400);
  expect(failure(() => parseRestrictionEntries([{ operation: 'delete' }])).status).toBe(400);
});
