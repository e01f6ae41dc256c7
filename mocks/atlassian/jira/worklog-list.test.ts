import { expect, it } from 'vitest';
import { failure, testSite } from '../confluence/test-site.ts';
import { getWorklog, listWorklogs, updateWorklog } from './worklog-list.ts';

it('lists worklogs oldest first, filtered by start and paged', () => {
  const { store, actor } = testSite();
  const all = listWorklogs(store, actor('viewer'), 'DEMO-4');
  expect(all).toMatchObject({ startAt: 0, maxResults: 5000, total: 2 });
  expect(all.worklogs.map((w) => [w.timeSpent, w.author?.displayName])).toEqual([
    ['2h', 'Max Member'],
    ['1h 30m', 'Otto Outsider'],
  ]);
  const after = Date.parse('2026-10-09T00:00:00Z');
  expect(listWorklogs(store, actor('viewer'), 'DEMO-4', { startedAfter: after }).total).toBe(1);
  expect(listWorklogs(store, actor('viewer'), 'DEMO-4', { startedBefore: after }).total).toBe(1);
  expect(listWorklogs(store, actor('viewer'), 'DEMO-4', { startAt: 1, maxResults: 1 }).worklogs).toHaveLength(
    1,
  );
  expect(failure(() => listWorklogs(store, actor('viewer'), 'SEC-1')).status).toBe(404);
});

it('edits a worklog for its author or for whoever may edit all, keeping what the body leaves out', () => {
  const { store, actor } = testSite();
  const [mine] = listWorklogs(store, actor('member'), 'DEMO-4').worklogs;
  const id = mine?.id ?? '';
  const edited = updateWorklog(store, actor('member'), 'DEMO-4', id, { timeSpent: '3h' });
  expect(edited).toMatchObject({ timeSpent: '3h', started: '2026-10-08T14:00:00.000+0000' });
  expect(
    updateWorklog(store, actor('admin'), 'DEMO-4', id, { started: '2026-10-08T15:00:00.000+0000' }),
  ).toMatchObject({
    timeSpent: '3h',
    started: '2026-10-08T15:00:00.000+0000',
  });
  expect(failure(() => updateWorklog(store, actor('outsider'), 'DEMO-4', id, { timeSpent: '1h' }))).toEqual({
    status: 403,
    body: { errorMessages: ['You do not have the permission to edit this worklog.'], errors: {} },
  });
  expect(
    failure(() => updateWorklog(store, actor('member'), 'DEMO-4', id, { timeSpent: 'soon' })).status,
  ).toBe(400);
  const missing = failure(() => getWorklog(store, actor('member'), 'DEMO-4', '1'));
  expect(missing).toEqual({
    status: 404,
    body: { errorMessages: ["Cannot find worklog with id: '1'."], errors: {} },
  });
  expect(failure(() => updateWorklog(store, actor('member'), 'DEMO-4', '1', {}))).toEqual(missing);
  expect(getWorklog(store, actor('viewer'), 'DEMO-4', id).timeSpentSeconds).toBe(10800);
});
