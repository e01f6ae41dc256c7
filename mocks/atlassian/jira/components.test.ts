import { expect, it } from 'vitest';
import { failure, testSite } from '../confluence/test-site.ts';
import { createComponent, getComponent, pagedProjectComponents, projectComponents } from './components.ts';
import { listStatuses, projectStatuses } from './statuses.ts';

it('lists components by name with the assignee Jira would pick', () => {
  const { store, actor } = testSite();
  const list = projectComponents(store, actor('viewer'), 'DEMO');
  expect(list.map((c) => [c.name, c.assigneeType, c.realAssigneeType, c.realAssignee?.displayName])).toEqual([
    ['Checkout UI', 'PROJECT_DEFAULT', 'PROJECT_LEAD', 'Ada Admin'],
    ['Payments API', 'COMPONENT_LEAD', 'COMPONENT_LEAD', 'Ada Admin'],
  ]);
  expect(list[0]).toMatchObject({ lead: { displayName: 'Max Member' }, project: 'DEMO', projectId: 10000 });
  expect(failure(() => projectComponents(store, actor('viewer'), 'SEC')).status).toBe(404);
});

it('pages components with their visible issue count, and finds one by id', () => {
  const { store, actor } = testSite();
  const page = pagedProjectComponents(store, actor('member'), 'DEMO', { query: 'payments' });
  expect(page).toMatchObject({ total: 1, isLast: true, values: [{ name: 'Payments API', issueCount: 1 }] });
  expect(getComponent(store, actor('member'), '10003').name).toBe('Key management');
  const hidden = failure(() => getComponent(store, actor('viewer'), '10003'));
  expect(hidden).toEqual({
    status: 404,
    body: { errorMessages: ['The component with id 10003 does not exist.'], errors: {} },
  });
  expect(failure(() => getComponent(store, actor('viewer'), '999')).status).toBe(404);
});

it('creates a component for project administrators, refusing duplicates and unknown leads', () => {
  const { store, actor } = testSite();
  const c = createComponent(store, actor('admin'), {
    project: 'SBX',
    name: 'Fixtures',
    leadAccountId: actor('member').accountId,
  });
  expect(c).toMatchObject({ id: '10005', name: 'Fixtures', lead: { displayName: 'Max Member' } });
  expect(failure(() => createComponent(store, actor('member'), { project: 'SBX', name: 'x' }))).toEqual({
    status: 403,
    body: { errorMessages: ['You cannot edit the configuration of this project.'], errors: {} },
  });
  expect(failure(() => createComponent(store, actor('admin'), { name: 'x' })).body).toEqual({
    errorMessages: [],
    errors: { project: 'The component must belong to a project.' },
  });
  expect(
    failure(() =>
      createComponent(store, actor('admin'), {
        project: 'SBX',
        name: 'fixtures',
        leadAccountId: actor('former').accountId,
      }),
    ).body,
  ).toEqual({
    errorMessages: [],
    errors: {
      name: 'A component with the name fixtures already exists in this project.',
      leadAccountId: `The user ${actor('former').accountId ?? ''} does not exist or is not active.`,
    },
  });
  expect(
    failure(() => createComponent(store, actor('admin'), { project: 'SBX', name: '' })).body,
  ).toMatchObject({
    errors: { name: 'The component name specified is invalid - cannot be empty.' },
  });
  expect(failure(() => createComponent(store, actor('admin'), [])).status).toBe(400);
});

it('lists the statuses of browsable projects, and per issue type for one project', () => {
  const { store, actor } = testSite();
  expect(listStatuses(store, actor('viewer')).map((s) => s.name)).toEqual([
    'To Do',
    'In Progress',
    'In Review',
    'Done',
  ]);
  const ops = projectStatuses(store, actor('viewer'), 'OPS');
  expect(ops.map((t) => t.name)).toEqual(['Epic', 'Task', 'Bug', 'Subtask']);
  expect(ops[0]?.statuses.map((s) => [s.name, s.statusCategory.key])).toEqual([
    ['To Do', 'new'],
    ['In Progress', 'indeterminate'],
    ['In Review', 'indeterminate'],
    ['Done', 'done'],
  ]);
  expect(failure(() => projectStatuses(store, actor('viewer'), 'SEC')).status).toBe(404);
});
