// Plugs the custom-field types (the Sprint field) into the field registry.
import '../jira/fields/custom/index.ts';
import { expect, it } from 'vitest';
import { failure, testSite } from '../confluence/test-site.ts';
import { editIssue, createIssue } from '../jira/issues.ts';
import { transitionIssue } from '../jira/transitions.ts';
import {
  boardSprintIssues,
  CANNOT_MANAGE_SPRINTS,
  createSprint,
  getSprint,
  listBoardSprints,
  moveIssuesToSprint,
  NO_SPRINTS,
  sprintIssues,
  updateSprint,
} from './sprints.ts';

const keys = (page: { issues: { key: string }[] }) => page.issues.map((i) => i.key);
const messages = (errorMessages: string[]) => ({ errorMessages, errors: {} });

it('lists the sprints of a scrum board by state; a kanban board has none', () => {
  const { store, actor } = testSite();
  const all = listBoardSprints(store, actor('viewer'), 1);
  expect(all.values.map((s) => [s.id, s.state])).toEqual([
    [1, 'closed'],
    [2, 'active'],
    [4, 'future'],
  ]);
  expect(all.values[0]).toMatchObject({
    startDate: '2026-09-14T09:00:00.000Z',
    completeDate: '2026-09-28T10:00:00.000Z',
    originBoardId: 1,
  });
  expect(
    listBoardSprints(store, actor('viewer'), 1, { state: ['future,active'] }).values.map((s) => s.id),
  ).toEqual([2, 4]);
  expect(failure(() => listBoardSprints(store, actor('viewer'), 1, { state: ['open'] })).body).toEqual(
    messages(["'open' is not a sprint state: use future, active or closed."]),
  );
  expect(failure(() => listBoardSprints(store, actor('viewer'), 3))).toEqual({
    status: 400,
    body: messages([NO_SPRINTS]),
  });
  expect(getSprint(store, actor('viewer'), 2)).toMatchObject({
    name: 'SBX Sprint 2',
    goal: 'Keep the sandbox green',
  });
  const hidden = failure(() => getSprint(store, actor('viewer'), 5));
  expect(hidden).toEqual({
    status: 404,
    body: messages(['Sprint with id 5 does not exist or you do not have permission to see it.']),
  });
  expect(failure(() => getSprint(store, actor('viewer'), 99)).status).toBe(404);
});

it('creates a future sprint for those who manage sprints, on scrum boards only', () => {
  const { store, actor } = testSite();
  const s = createSprint(store, actor('member'), { name: ' Sprint X ', originBoardId: 1, goal: 'Ship' });
  expect(s).toMatchObject({ id: 6, name: 'Sprint X', state: 'future', goal: 'Ship', originBoardId: 1 });
  expect(failure(() => createSprint(store, actor('viewer'), { name: 'x', originBoardId: 1 }))).toEqual({
    status: 403,
    body: messages([CANNOT_MANAGE_SPRINTS]),
  });
  expect(failure(() => createSprint(store, actor('member'), { name: 'x', originBoardId: 3 })).status).toBe(
    400,
  );
  expect(failure(() => createSprint(store, actor('member'), { name: 'x' })).body).toEqual({
    errorMessages: [],
    errors: { originBoardId: 'The board the sprint belongs to (originBoardId) is required.' },
  });
  expect(failure(() => createSprint(store, actor('member'), { name: '', originBoardId: 1 })).body).toEqual({
    errorMessages: [],
    errors: { name: 'The sprint name is required.' },
  });
  expect(
    failure(() =>
      createSprint(store, actor('member'), {
        name: 'x',
        originBoardId: 1,
        startDate: '2026-10-10',
        endDate: '2026-10-01',
      }),
    ).body,
  ).toEqual({ errorMessages: [], errors: { endDate: 'The end date must be after the start date.' } });
  expect(
    failure(() => createSprint(store, actor('member'), { name: 'x', originBoardId: 1, startDate: 'soon' }))
      .body,
  ).toEqual({
    errorMessages: [],
    errors: { startDate: 'startDate is not a date' },
  });
});

it('starts a sprint only from future with dates while no other is active, and closes an active one', () => {
  const { store, actor } = testSite();
  const m = actor('member');
  expect(failure(() => updateSprint(store, m, 4, { state: 'active' })).body).toEqual(
    messages(['A sprint can only be started with a start date and an end date.']),
  );
  const dates = { startDate: '2026-10-12T09:00:00.000Z', endDate: '2026-10-26T09:00:00.000Z' };
  expect(failure(() => updateSprint(store, m, 4, { ...dates, state: 'active' })).body).toEqual(
    messages(["Sprint 'SBX Sprint 2' is already active on this board."]),
  );
  expect(updateSprint(store, m, 2, { state: 'closed' })).toMatchObject({
    state: 'closed',
    completeDate: '2026-10-01T12:00:00.000Z',
  });
  expect(updateSprint(store, m, 4, { ...dates, state: 'active' })).toMatchObject({
    state: 'active',
    ...dates,
  });
  expect(failure(() => updateSprint(store, m, 4, { state: 'future' })).body).toEqual(
    messages(['A sprint cannot change from active to future.']),
  );
  // A closed sprint takes a new name and goal; its dates and state stay.
  expect(
    updateSprint(store, m, 2, { name: 'Renamed', goal: '', startDate: '2020-01-01', state: 'active' }),
  ).toMatchObject({
    name: 'Renamed',
    goal: '',
    state: 'closed',
    startDate: '2026-09-28T09:00:00.000Z',
  });
  expect(failure(() => updateSprint(store, actor('viewer'), 4, { name: 'x' })).status).toBe(403);
});

it('refuses to close a sprint over a done issue with an open subtask', () => {
  const { store, actor } = testSite();
  const a = actor('admin');
  // DEMO-2 (in sprint 3) has the open subtask DEMO-5.
  updateSprint(store, a, 3, { startDate: '2026-10-01', endDate: '2026-10-14', state: 'active' });
  transitionIssue(store, a, 'DEMO-2', { transition: { id: '41' } });
  expect(failure(() => updateSprint(store, a, 3, { state: 'closed' })).body).toEqual(
    messages(['The sprint cannot be closed: DEMO-2 is done but has open subtasks.']),
  );
});

it('replaces everything on a full update, and needs the state there', () => {
  const { store, actor } = testSite();
  expect(updateSprint(store, actor('member'), 4, { name: 'Full', state: 'future' }, true)).toEqual(
    expect.objectContaining({ name: 'Full', goal: '', state: 'future' }),
  );
  expect(failure(() => updateSprint(store, actor('member'), 4, { name: 'x' }, true)).body).toEqual({
    errorMessages: [],
    errors: { state: 'The sprint state is required.' },
  });
});

it('moves issues into an open sprint through the Sprint field, all or nothing', () => {
  const { store, actor } = testSite();
  const { key } = createIssue(store, actor('member'), {
    fields: { project: { key: 'SBX' }, issuetype: { name: 'Task' }, summary: 'Sprint me' },
  });
  moveIssuesToSprint(store, actor('member'), 4, { issues: [key, 'SBX-1'] });
  expect(keys(sprintIssues(store, actor('member'), 4))).toEqual(['SBX-1', key]);
  // SBX-1 keeps the closed sprint 1 and left the active sprint 2.
  expect(keys(sprintIssues(store, actor('member'), 2))).toEqual([]);
  expect(keys(sprintIssues(store, actor('member'), 1))).toEqual(['SBX-1']);
  expect(keys(sprintIssues(store, actor('member'), 4, { jql: 'summary ~ "Sprint me"' }))).toEqual([key]);
  expect(keys(boardSprintIssues(store, actor('member'), 1, 4, { jql: 'key = SBX-1' }))).toEqual(['SBX-1']);
  expect(failure(() => moveIssuesToSprint(store, actor('member'), 1, { issues: ['SBX-1'] })).body).toEqual(
    messages(['Issues cannot be moved to a closed sprint.']),
  );
  expect(failure(() => moveIssuesToSprint(store, actor('member'), 3, { issues: ['DEMO-5'] })).body).toEqual(
    messages(['DEMO-5 is a subtask: it moves with its parent.']),
  );
  expect(failure(() => moveIssuesToSprint(store, actor('viewer'), 4, { issues: ['SBX-1'] })).status).toBe(
    403,
  );
  expect(failure(() => moveIssuesToSprint(store, actor('member'), 4, { issues: ['SEC-9'] })).body).toEqual(
    messages(["Issue 'SEC-9' does not exist or you do not have permission to see it."]),
  );
  expect(failure(() => moveIssuesToSprint(store, actor('member'), 4, { issues: [] })).body).toEqual(
    messages(["Send 1 to 50 issue keys or ids in 'issues'."]),
  );
  expect(failure(() => boardSprintIssues(store, actor('member'), 3, 4)).status).toBe(400);
  editIssue(store, actor('member'), key, { fields: { summary: 'still in sprint' } });
  expect(keys(sprintIssues(store, actor('member'), 4))).toContain(key);
});
