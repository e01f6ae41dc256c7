import { expect, it } from 'vitest';
import { SiteStore } from '../store.ts';
import { loadSiteSeed, parseSiteSeed } from './load.ts';
import { pristine, setAt } from './test-fixture.ts';

it('seeds boards, filters, versions, components and per-issue records into the store', () => {
  const store = new SiteStore(loadSiteSeed('default'));
  const x = store.jiraExtras;
  expect([...x.boards.values()].map((b) => [b.id, b.type])).toEqual([
    [1, 'scrum'],
    [2, 'scrum'],
    [3, 'kanban'],
    [4, 'scrum'],
  ]);
  expect(x.boards.get(3)?.columns.map((c) => c.name)).toEqual(['Backlog', 'Doing', 'Done']);
  // Without columns in the seed, a board has one column per status of its project's workflow.
  expect(x.boards.get(1)?.columns.map((c) => c.name)).toEqual(['To Do', 'In Progress', 'In Review', 'Done']);
  expect(x.versions.get('10002')?.issueIds).toEqual(
    new Set([store.issueByKey('DEMO-2')?.id, store.issueByKey('DEMO-4')?.id]),
  );
  expect(store.issueByKey('DEMO-4')?.worklogs.map((w) => w.timeSpentSeconds)).toEqual([7200, 5400]);
  expect(store.issueByKey('DEMO-4')?.remoteLinks[0]).toMatchObject({
    relationship: 'mentioned in',
    object: { title: 'Checkout incident 42' },
  });
  expect(x.changes.filter((c) => c.issueId === store.issueByKey('DEMO-4')?.id)[0]?.items).toEqual([
    {
      field: 'status',
      fieldtype: 'jira',
      fieldId: 'status',
      from: '10000',
      fromString: 'To Do',
      to: '3',
      toString: 'In Progress',
    },
    {
      field: 'priority',
      fieldtype: 'jira',
      fieldId: 'priority',
      from: '3',
      fromString: 'Medium',
      to: '2',
      toString: 'High',
    },
  ]);
  expect(new TextDecoder().decode(x.attachments.get('10000')?.content)).toContain('rounded=10.00');
});

it('seeds typed content, page history, attachments and threaded comments', () => {
  const store = new SiteStore(loadSiteSeed('default'));
  expect(['229380', '229382', '229383', '229384'].map((id) => store.pages.get(id)?.contentType)).toEqual([
    'folder',
    'whiteboard',
    'database',
    'blogpost',
  ]);
  // A folder at the root of a space does not become its homepage.
  expect(store.spaces.get('65541')?.homepageId).toBe('229377');
  const guide = store.pages.get('229378');
  expect(guide?.version.number).toBe(3);
  expect(guide && store.wikiExtras.versionsOf(guide).map((v) => [v.number, v.title, v.message])).toEqual([
    [1, 'Checkout', 'First draft'],
    [2, 'Checkout Guide', 'Add the receipt step'],
    [3, 'Checkout Guide', ''],
  ]);
  // The page was created with its first version, by its first author.
  expect(guide?.createdAt.toISOString()).toBe('2026-09-10T09:00:00.000Z');
  const comments = [...store.contentComments.values()].filter((c) => c.pageId === '229378');
  expect(comments.map((c) => [c.kind, c.parentCommentId === null, c.resolutionStatus])).toEqual([
    ['inline', true, 'open'],
    ['inline', false, undefined],
    ['inline', true, 'resolved'],
    ['footer', true, undefined],
    ['footer', false, undefined],
    ['footer', false, undefined],
  ]);
  expect(comments[0]?.inlineProperties).toEqual({
    textSelection: 'Pay with a saved card',
    textSelectionMatchCount: 1,
    textSelectionMatchIndex: 0,
  });
  expect(store.wikiExtras.attachments.get('att400001')?.fileId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4/);
});

it.each([
  [['jira', 'boards', 0, 'filter'], '99', 'jira.boards[0].filter: unknown filter "99"'],
  [['jira', 'boards', 0, 'project'], 'NOPE', 'jira.boards[0].project: unknown project "NOPE"'],
  [
    ['jira', 'boards', 2, 'columns', 0, 'statuses'],
    ['Gone'],
    'jira.boards[2].columns[0].statuses[0]: unknown status "Gone"',
  ],
  [['jira', 'boards', 1, 'id'], 1, 'jira.boards[1].id: duplicate board 1'],
  [['jira', 'sprints', 0, 'boardId'], 9, 'jira.sprints[0].boardId: unknown board 9'],
  [['jira', 'sprints', 0, 'boardId'], 3, 'jira.sprints[0].boardId: board 3 is not a scrum board'],
  [['jira', 'filters', 0, 'owner'], 'ghost', 'jira.filters[0].owner: unknown user "ghost"'],
  [
    ['jira', 'filters', 0, 'shares'],
    ['group:nobody'],
    'jira.filters[0].shares[0]: no user is in group "nobody"',
  ],
  [['jira', 'filters', 0, 'shares'], ['project:NOPE'], 'jira.filters[0].shares[0]: unknown project "NOPE"'],
  [
    ['jira', 'filters', 0, 'shares'],
    ['everyone'],
    'use project:<KEY>, group:<name>, user:<handle> or authenticated',
  ],
  [['jira', 'dashboards', 0, 'shares'], ['user:ghost'], 'jira.dashboards[0].shares[0]: unknown user "ghost"'],
  [['jira', 'dashboards', 1, 'id'], '10000', 'jira.dashboards[1].id: duplicate dashboard 10000'],
  [['jira', 'versions', 1, 'name'], '0.9', 'jira.versions[1].name: duplicate name "0.9" in DEMO'],
  [['jira', 'versions', 1, 'issues'], ['OPS-1'], 'jira.versions[1].issues[0]: OPS-1 is not in DEMO'],
  [['jira', 'versions', 1, 'issues'], ['DEMO-99'], 'jira.versions[1].issues[0]: unknown issue "DEMO-99"'],
  [['jira', 'components', 0, 'lead'], 'ghost', 'jira.components[0].lead: unknown user "ghost"'],
  [['jira', 'components', 0, 'project'], 'NOPE', 'jira.components[0].project: unknown project "NOPE"'],
  [['jira', 'worklogs', 0, 'issue'], 'DEMO-99', 'jira.worklogs[0].issue: unknown issue "DEMO-99"'],
  [['jira', 'worklogs', 0, 'author'], 'ghost', 'jira.worklogs[0].author: unknown user "ghost"'],
  [['jira', 'watchers', 0, 'users'], ['ghost'], 'jira.watchers[0].users[0]: unknown user "ghost"'],
  [['jira', 'attachments', 1, 'id'], '10000', 'jira.attachments[1].id: duplicate attachment 10000'],
  [['jira', 'attachments', 0, 'author'], 'ghost', 'jira.attachments[0].author: unknown user "ghost"'],
  [['jira', 'remoteLinks', 0, 'issue'], 'DEMO-99', 'jira.remoteLinks[0].issue: unknown issue "DEMO-99"'],
  [
    ['jira', 'history', 0, 'items', 0, 'to'],
    'Shipped',
    'jira.history[0].items[0].to: unknown status "Shipped"',
  ],
  [
    ['jira', 'history', 2, 'items', 1, 'from'],
    'Urgent',
    'jira.history[2].items[1].from: unknown priority "Urgent"',
  ],
  [['jira', 'history', 0, 'author'], 'ghost', 'jira.history[0].author: unknown user "ghost"'],
  [
    ['confluence', 'pages', 17, 'body'],
    'text',
    'confluence.pages[17].body: a folder has no body the site can serve',
  ],
  [['confluence', 'pages', 21, 'parent'], '229377', 'confluence.pages[21].parent: blog posts have no parent'],
  [
    ['confluence', 'pages', 18, 'parent'],
    '229384',
    'confluence.pages[18].parent: a blog post cannot be a parent',
  ],
  [
    ['confluence', 'pages', 18, 'parent'],
    '98305',
    'confluence.pages[18].parent: the parent is in another space',
  ],
  [
    ['confluence', 'history', 0, 'page'],
    '229380',
    'confluence.history[0].page: 229380 is a folder, which has no body',
  ],
  [['confluence', 'history', 0, 'page'], '1', 'confluence.history[0].page: unknown page "1"'],
  [
    ['confluence', 'attachments', 1, 'id'],
    'att400001',
    'confluence.attachments[1].id: duplicate attachment "att400001"',
  ],
  [['confluence', 'attachments', 0, 'id'], '400001', 'Confluence attachment ids look like att123456'],
  [['confluence', 'comments', 0, 'selection'], 'not on the page', '"not on the page" is not on page 229378'],
  [
    ['confluence', 'comments', 2, 'selection'],
    'Can we',
    'confluence.comments[2].selection: inline comments (and only they) name the text they are on',
  ],
  [
    ['confluence', 'comments', 2, 'resolved'],
    true,
    'confluence.comments[2].resolved: only inline comments resolve',
  ],
  [
    ['confluence', 'comments', 0, 'replies', 0, 'author'],
    'ghost',
    'confluence.comments[0].replies[0].author: unknown user "ghost"',
  ],
] as const)('a fixture broken at %j fails with the JSON path and the reason', (path, value, expected) => {
  expect(() => parseSiteSeed(setAt(pristine(), path, value), 'broken.json')).toThrow(expected);
});
