import { expect, it } from 'vitest';
import { listTasks, getTask, setTaskStatus } from './tasks.ts';
import { failure, testSite, v2Title } from './test-site.ts';

it('lists the task items of visible content, by status and page', () => {
  const { store, actor } = testSite();
  const all = listTasks(store, actor('viewer'));
  expect(all.results).toMatchObject([
    { pageId: '98310', localId: 'task-1', status: 'complete', body: { plain: 'tests green' } },
    { pageId: '98310', localId: 'task-2', status: 'incomplete', body: { plain: 'change approved' } },
    { pageId: '98310', localId: 'task-3', status: 'incomplete', body: { plain: 'rollback plan written' } },
  ]);
  expect(listTasks(store, actor('viewer'), { status: 'complete' }).results).toHaveLength(1);
  expect(listTasks(store, actor('viewer'), { pageIds: ['229378'] }).results).toEqual([]);
  expect(listTasks(store, actor('viewer'), { spaceIds: ['65537'], limit: 1 })._links.next).toBeDefined();
});

it('completes and reopens a task as a minor version, for editors only', () => {
  const { store, actor } = testSite();
  const [, second] = listTasks(store, actor('member')).results;
  const id = second?.id ?? '';
  expect(setTaskStatus(store, actor('member'), id, 'complete')).toMatchObject({ status: 'complete' });
  expect(store.pages.get('98310')?.version).toMatchObject({ number: 2, minorEdit: true });
  expect(getTask(store, actor('viewer'), id).status).toBe('complete');
  setTaskStatus(store, actor('member'), id, 'complete');
  expect(store.pages.get('98310')?.version.number).toBe(2);
  expect(setTaskStatus(store, actor('member'), id, 'incomplete')).toMatchObject({ status: 'incomplete' });
  expect(failure(() => setTaskStatus(store, actor('viewer'), id, 'complete')).status).toBe(403);
  expect(v2Title(failure(() => getTask(store, actor('viewer'), '1')).body)).toBe('Task not found');
});
