import { expect, it } from 'vitest';
import { failure, testSite } from '../confluence/test-site.ts';
import { findAssignableUsers, getUser } from './people.ts';

it('finds any account by id, and answers 404 or 400 otherwise', () => {
  const { store, actor } = testSite();
  expect(getUser(store, actor('viewer'), actor('former').accountId ?? '')).toMatchObject({
    displayName: 'Fiona Former',
    active: false,
  });
  expect(failure(() => getUser(store, actor('viewer'), 'nobody'))).toEqual({
    status: 404,
    body: { errorMessages: ["User with accountId 'nobody' does not exist."], errors: {} },
  });
  expect(failure(() => getUser(store, actor('viewer'), '')).status).toBe(400);
});

it('lists the active users assignable in a project or an issue, matching the query', () => {
  const { store, actor } = testSite();
  const names = (q: Parameters<typeof findAssignableUsers>[2]) =>
    findAssignableUsers(store, actor('viewer'), q).map((u) => u.displayName);
  expect(names({ project: 'DEMO' })).toEqual(['Ada Admin', 'Max Member', 'Otto Outsider']);
  expect(names({ issueKey: 'DEMO-1', query: 'ot' })).toEqual(['Otto Outsider']);
  expect(names({ project: 'DEMO', startAt: 1, maxResults: 1 })).toEqual(['Max Member']);
  expect(failure(() => names({}))).toEqual({
    status: 400,
    body: { errorMessages: ["One of 'issueKey' or 'project' must be specified."], errors: {} },
  });
  expect(failure(() => names({ project: 'SEC' })).status).toBe(404);
  expect(failure(() => names({ issueKey: 'SEC-1' })).status).toBe(404);
});
