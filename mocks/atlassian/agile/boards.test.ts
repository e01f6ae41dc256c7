// Plugs the custom-field types (the Sprint field) into the field registry.
import '../jira/fields/custom/index.ts';
import { expect, it } from 'vitest';
import { failure, testSite } from '../confluence/test-site.ts';
import { boardBacklog, boardIssues, boardJql, splitOrderBy } from './board-issues.ts';
import { BOARD_NOT_FOUND, boardConfiguration, createBoard, getBoard, listBoards } from './boards.ts';

const keys = (page: { issues: { key: string }[] }) => page.issues.map((i) => i.key);

it('lists the boards whose filter and project the caller may see, filtered and paged', () => {
  const { store, actor } = testSite();
  expect(listBoards(store, actor('member')).values.map((b) => b.name)).toEqual([
    'SBX board',
    'Checkout board',
    'Ops board',
    'Security board',
  ]);
  expect(listBoards(store, actor('viewer')).values.map((b) => b.id)).toEqual([1, 2, 3]);
  expect(listBoards(store, actor('member'), { type: 'kanban' }).values.map((b) => b.id)).toEqual([3]);
  expect(listBoards(store, actor('member'), { name: 'CHECK' }).values.map((b) => b.id)).toEqual([2]);
  expect(listBoards(store, actor('member'), { projectKeyOrId: 'SEC' }).values.map((b) => b.id)).toEqual([4]);
  expect(listBoards(store, actor('member'), { projectKeyOrId: 'NOPE' }).values).toEqual([]);
  expect(listBoards(store, actor('member'), { startAt: 3, maxResults: 1 })).toMatchObject({
    total: 4,
    isLast: true,
  });
  expect(getBoard(store, actor('viewer'), 2)).toMatchObject({
    type: 'scrum',
    location: { projectKey: 'DEMO', displayName: 'Demo Project (DEMO)' },
  });
  const hidden = failure(() => getBoard(store, actor('viewer'), 4));
  expect(hidden).toEqual({ status: 404, body: { errorMessages: [BOARD_NOT_FOUND], errors: {} } });
  expect(failure(() => getBoard(store, actor('viewer'), 99))).toEqual(hidden);
});

it('describes the configuration: filter, columns with their statuses, estimation', () => {
  const { store, actor } = testSite();
  const scrum = boardConfiguration(store, actor('member'), 1);
  expect(scrum).toMatchObject({
    location: { type: 'project', key: 'SBX' },
    filter: { id: '10000' },
    estimation: {
      type: 'field',
      field: { fieldId: 'customfield_10016', displayName: 'Story point estimate' },
    },
  });
  const kanban = boardConfiguration(store, actor('member'), 3);
  expect(kanban.columnConfig.columns.map((c) => [c.name, c.statuses.map((s) => s.id)])).toEqual([
    ['Backlog', ['10000']],
    ['Doing', ['3', '10001']],
    ['Done', ['10002']],
  ]);
  expect(kanban).toMatchObject({ subQuery: { query: '' } });
  expect(kanban).not.toHaveProperty('estimation');
});

it('splits ORDER BY outside quotes and composes the board JQL with the caller filter', () => {
  expect(splitOrderBy('summary ~ "order by" ORDER BY created')).toEqual({
    where: 'summary ~ "order by"',
    orderBy: 'ORDER BY created',
  });
  expect(splitOrderBy("labels = 'x\\'order by' order  by key")).toEqual({
    where: "labels = 'x\\'order by'",
    orderBy: 'order  by key',
  });
  expect(splitOrderBy('project = X')).toEqual({ where: 'project = X', orderBy: '' });
  const { store } = testSite();
  const board = store.jiraExtras.boards.get(2);
  expect(board && boardJql(store, board, 'status = "To Do" ORDER BY key DESC')).toBe(
    '(project = DEMO) AND (status = "To Do") ORDER BY key DESC',
  );
  expect(board && boardJql(store, board)).toBe('(project = DEMO) ORDER BY created ASC');
});

it('lists board issues in the filter order, narrowed by JQL, and the backlog', () => {
  const { store, actor } = testSite();
  const page = boardIssues(store, actor('viewer'), 2, { fields: ['summary'] });
  expect(keys(page)).toEqual(['DEMO-1', 'DEMO-2', 'DEMO-3', 'DEMO-4', 'DEMO-5']);
  expect(page).toMatchObject({ expand: 'schema,names', startAt: 0, maxResults: 50, total: 5 });
  expect(Object.keys(page.issues[0]?.fields ?? {})).toEqual(['summary']);
  expect(keys(boardIssues(store, actor('viewer'), 2, { jql: 'issuetype = Bug' }))).toEqual(['DEMO-4']);
  expect(keys(boardIssues(store, actor('viewer'), 2, { startAt: 4, maxResults: 100 }))).toEqual(['DEMO-5']);
  // DEMO-2 is in a future sprint and DEMO-3 is done: neither is in the backlog.
  expect(keys(boardBacklog(store, actor('viewer'), 2))).toEqual(['DEMO-1', 'DEMO-4', 'DEMO-5']);
  expect(failure(() => boardIssues(store, actor('viewer'), 2, { startAt: -1 })).status).toBe(400);
  expect(failure(() => boardIssues(store, actor('viewer'), 2, { jql: 'status = Nope' })).status).toBe(400);
  expect(failure(() => boardBacklog(store, actor('viewer'), 4)).status).toBe(404);
});

it('creates a board over a visible filter in a browsable project, with Jira field errors', () => {
  const { store, actor } = testSite();
  const board = createBoard(store, actor('member'), {
    name: 'Bugs board',
    type: 'kanban',
    filterId: 10004,
    location: { type: 'project', projectKeyOrId: 'OPS' },
  });
  expect(board).toMatchObject({ id: 5, name: 'Bugs board', type: 'kanban', location: { projectKey: 'OPS' } });
  expect(boardConfiguration(store, actor('member'), 5).columnConfig.columns).toHaveLength(4);
  expect(failure(() => createBoard(store, actor('member'), { type: 'list' })).body).toEqual({
    errorMessages: [],
    errors: {
      name: 'The board name is required.',
      type: "The board type must be 'scrum' or 'kanban'.",
      filterId: 'A filter id is required.',
      location: 'The board location must be a project (type "project" and projectKeyOrId).',
    },
  });
  const valid = { name: 'x', type: 'scrum', location: { type: 'project', projectKeyOrId: 'DEMO' } };
  expect(
    failure(() => createBoard(store, actor('outsider'), { ...valid, filterId: '10005' })).body,
  ).toMatchObject({
    errors: { filterId: expect.stringContaining('not available to you') as unknown },
  });
  expect(
    failure(() =>
      createBoard(store, actor('viewer'), {
        ...valid,
        filterId: '10004',
        location: { type: 'project', projectKeyOrId: 'SEC' },
      }),
    ).status,
  ).toBe(404);
  expect(
    failure(() => createBoard(store, actor('member'), { ...valid, name: 'n'.repeat(256), filterId: '10004' }))
      .status,
  ).toBe(400);
  expect(failure(() => createBoard(store, actor('member'), 'x')).status).toBe(400);
});
