import { expect, it } from 'vitest';
import { failure, testSite } from '../confluence/test-site.ts';
import { addWatcher, getWatchers, removeWatcher } from './watchers.ts';

it('shows the watchers with View voters and watchers, and the count and own state to all', () => {
  const { store, actor } = testSite();
  expect(getWatchers(store, actor('outsider'), 'DEMO-4')).toMatchObject({
    isWatching: false,
    watchCount: 2,
    watchers: [{ displayName: 'Max Member' }, { displayName: 'Ada Admin' }],
  });
  // In SEC only members see who watches.
  expect(getWatchers(store, actor('member'), 'SEC-1').watchers).toHaveLength(2);
  expect(failure(() => getWatchers(store, actor('outsider'), 'SEC-1')).status).toBe(404);
  expect(getWatchers(store, actor('viewer'), 'SBX-1')).toMatchObject({
    isWatching: false,
    watchCount: 0,
    watchers: [],
  });
});

it('lets anyone who sees an issue watch and unwatch it, and only watcher managers change others', () => {
  const { store, actor } = testSite();
  addWatcher(store, actor('viewer'), 'SBX-1');
  expect(getWatchers(store, actor('viewer'), 'SBX-1')).toMatchObject({ isWatching: true, watchCount: 1 });
  removeWatcher(store, actor('viewer'), 'SBX-1');
  removeWatcher(store, actor('viewer'), 'SBX-1');
  expect(getWatchers(store, actor('viewer'), 'SBX-1').watchCount).toBe(0);
  const member = actor('member').accountId ?? '';
  expect(failure(() => addWatcher(store, actor('outsider'), 'SBX-1', member))).toEqual({
    status: 403,
    body: { errorMessages: ['You do not have the permission to manage the watcher list.'], errors: {} },
  });
  addWatcher(store, actor('admin'), 'SBX-1', member);
  expect(getWatchers(store, actor('member'), 'SBX-1').isWatching).toBe(true);
  expect(failure(() => removeWatcher(store, actor('outsider'), 'SBX-1', member)).status).toBe(403);
});

it('refuses a watcher who cannot see the issue, and an unknown or inactive one', () => {
  const { store, actor } = testSite();
  expect(failure(() => addWatcher(store, actor('admin'), 'SEC-1', actor('viewer').accountId ?? ''))).toEqual({
    status: 400,
    body: {
      errorMessages: [
        'The user "Vera Viewer" does not have permission to view this issue. This user will not be added to the watch list.',
      ],
      errors: {},
    },
  });
  expect(
    failure(() => addWatcher(store, actor('admin'), 'SBX-1', actor('former').accountId ?? '')).status,
  ).toBe(404);
  expect(failure(() => addWatcher(store, actor('admin'), 'SBX-1', 'nobody')).body).toEqual({
    errorMessages: ["User with accountId 'nobody' does not exist or is not active."],
    errors: {},
  });
});
