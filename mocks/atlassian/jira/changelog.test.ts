// Plugs the custom-field types (the Sprint field) into the field registry.
import './fields/custom/index.ts';
import { expect, it } from 'vitest';
import { failure, testSite } from '../confluence/test-site.ts';
import { listChangelogs } from './changelog.ts';
import { createIssue, editIssue } from './issues.ts';
import { transitionIssue } from './transitions.ts';

it('lists the seeded history oldest first, with authors and items', () => {
  const { store, actor } = testSite();
  const page = listChangelogs(store, actor('viewer'), 'DEMO-3');
  expect(page).toMatchObject({ startAt: 0, maxResults: 100, total: 2, isLast: true });
  expect(page.values.map((v) => [v.author?.displayName, v.created, v.items.map((i) => i.toString)])).toEqual([
    ['Ada Admin', '2026-10-05T12:00:00.000+0000', ['In Progress']],
    ['Ada Admin', '2026-10-06T16:00:00.000+0000', ['Done']],
  ]);
  expect(page).not.toHaveProperty('nextPage');
});

it('records edits and transitions made through the site, as their author', () => {
  const { store, actor } = testSite();
  const { key } = createIssue(store, actor('member'), {
    fields: { project: { key: 'SBX' }, issuetype: { name: 'Task' }, summary: 'Before' },
  });
  expect(listChangelogs(store, actor('member'), key).total).toBe(0);
  editIssue(store, actor('member'), key, { fields: { summary: 'After', labels: ['a', 'b'] } });
  transitionIssue(store, actor('outsider'), key, { transition: { id: '21' } });
  const values = listChangelogs(store, actor('member'), key).values;
  expect(values.map((v) => v.author?.displayName)).toEqual(['Max Member', 'Otto Outsider']);
  expect(values[0]?.items).toEqual([
    {
      field: 'summary',
      fieldtype: 'jira',
      fieldId: 'summary',
      from: null,
      fromString: 'Before',
      to: null,
      toString: 'After',
    },
    {
      field: 'labels',
      fieldtype: 'jira',
      fieldId: 'labels',
      from: null,
      fromString: null,
      to: null,
      toString: 'a b',
    },
  ]);
  expect(values[1]?.items).toEqual([
    {
      field: 'status',
      fieldtype: 'jira',
      fieldId: 'status',
      from: '10000',
      fromString: 'To Do',
      to: '3',
      toString: 'In Progress',
    },
  ]);
  editIssue(store, actor('member'), key, { fields: { customfield_10020: 4 } });
  expect(listChangelogs(store, actor('member'), key).values[2]?.items).toEqual([
    {
      field: 'Sprint',
      fieldtype: 'custom',
      fieldId: 'customfield_10020',
      from: null,
      fromString: null,
      to: null,
      toString: 'SBX Sprint 3',
    },
  ]);
});

it('records a cleared field with an empty "to"', () => {
  const { store, actor } = testSite();
  editIssue(store, actor('admin'), 'DEMO-4', { fields: { assignee: null } });
  // The test clock (1 October) is earlier than the seeded history, which sorts after it.
  const first = listChangelogs(store, actor('admin'), 'DEMO-4').values[0];
  expect(first?.items).toEqual([
    {
      field: 'assignee',
      fieldtype: 'jira',
      fieldId: 'assignee',
      from: actor('member').accountId,
      fromString: 'Max Member',
      to: null,
      toString: null,
    },
  ]);
});

it('pages with nextPage, refuses a page size below 1, and hides the history of invisible issues', () => {
  const { store, actor } = testSite();
  const first = listChangelogs(store, actor('member'), 'DEMO-3', 0, 1);
  expect(first).toMatchObject({ maxResults: 1, total: 2, isLast: false });
  expect(first.nextPage).toMatch(/\/issue\/DEMO-3\/changelog\?maxResults=1&startAt=1$/);
  expect(listChangelogs(store, actor('member'), 'DEMO-3', 1, 500)).toMatchObject({
    maxResults: 100,
    isLast: true,
  });
  expect(failure(() => listChangelogs(store, actor('member'), 'DEMO-3', 0, 0)).status).toBe(400);
  expect(failure(() => listChangelogs(store, actor('viewer'), 'SEC-1')).status).toBe(404);
});
