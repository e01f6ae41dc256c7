// Plugs the custom-field types (the Sprint field) into the field registry.
import '../jira/fields/custom/index.ts';
import { expect, it } from 'vitest';
import { restSite } from './test-rest.ts';

const A = '/rest/agile/1.0';

it('serves boards on the site host and the gateway, with configuration, issues and backlog', async () => {
  const { call, store } = restSite();
  const site = await call('viewer', 'GET', `${A}/board?type=scrum`);
  const gateway = await call(
    'viewer',
    'GET',
    `https://api.atlassian.com/ex/jira/${store.site.cloudId}${A}/board?type=scrum`,
  );
  expect(site.body).toMatchObject({ total: 2, values: [{ id: 1 }, { id: 2 }] });
  expect(gateway.body).toEqual(site.body);
  expect((await call('viewer', 'GET', `${A}/board/2`)).body).toMatchObject({ name: 'Checkout board' });
  expect((await call('viewer', 'GET', `${A}/board/4`)).status).toBe(404);
  expect((await call('viewer', 'GET', `${A}/board/3/configuration`)).body).toMatchObject({ type: 'kanban' });
  expect(
    (await call('viewer', 'GET', `${A}/board/2/issue?jql=issuetype%3DBug&fields=summary`)).body,
  ).toMatchObject({
    total: 1,
    issues: [{ key: 'DEMO-4', fields: { summary: expect.any(String) as unknown } }],
  });
  expect((await call('viewer', 'GET', `${A}/board/2/backlog?maxResults=1`)).body).toMatchObject({
    total: 3,
    maxResults: 1,
  });
  const created = await call('member', 'POST', `${A}/board`, {
    name: 'REST board',
    type: 'scrum',
    filterId: '10000',
    location: { type: 'project', projectKeyOrId: 'SBX' },
  });
  expect(created).toMatchObject({ status: 201, body: { id: 5 } });
});

it('serves sprints: list by state, create (201), partial and full update, issues and moves (204)', async () => {
  const { call } = restSite();
  expect((await call('viewer', 'GET', `${A}/board/1/sprint?state=active`)).body).toMatchObject({
    values: [{ id: 2 }],
  });
  expect((await call('viewer', 'GET', `${A}/board/3/sprint`)).status).toBe(400);
  const created = await call('member', 'POST', `${A}/sprint`, { name: 'REST sprint', originBoardId: 1 });
  expect(created).toMatchObject({ status: 201, body: { state: 'future' } });
  const id = (created.body as { id: number }).id;
  expect((await call('member', 'POST', `${A}/sprint/${id}`, { goal: 'Partial' })).body).toMatchObject({
    name: 'REST sprint',
    goal: 'Partial',
  });
  expect(
    (await call('member', 'PUT', `${A}/sprint/${id}`, { name: 'Full', state: 'future' })).body,
  ).toMatchObject({
    name: 'Full',
    goal: '',
  });
  expect((await call('viewer', 'GET', `${A}/sprint/${id}`)).body).toMatchObject({ name: 'Full' });
  expect((await call('member', 'POST', `${A}/sprint/${id}/issue`, { issues: ['SBX-1'] })).status).toBe(204);
  expect((await call('viewer', 'GET', `${A}/sprint/${id}/issue`)).body).toMatchObject({
    total: 1,
    issues: [{ key: 'SBX-1' }],
  });
  expect((await call('viewer', 'GET', `${A}/board/1/sprint/${id}/issue`)).body).toMatchObject({ total: 1 });
  expect((await call('viewer', 'GET', `${A}/sprint/5`)).status).toBe(404);
});
