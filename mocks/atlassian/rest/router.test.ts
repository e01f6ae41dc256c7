import { beforeEach, expect, it } from 'vitest';
import { testSite } from '../confluence/test-site.ts';
import { RestApi } from './router.ts';

let rest: RestApi;
beforeEach(() => {
  rest = new RestApi(testSite().store);
});

const gateway = () => `https://api.atlassian.com/ex/jira/${rest.store.site.cloudId}/rest/api/3`;
const site = () => `https://${rest.store.site.host}/rest/api/3`;

function basic(handle: string): string {
  const u = rest.store.userByHandle(handle);
  return `Basic ${Buffer.from(`${u?.email}:${u?.apiToken}`).toString('base64')}`;
}

async function call(url: string, init: RequestInit = {}) {
  const res = await rest.handle(new Request(url, init));
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

it('answers the gateway without a credential with its own 401 shape', async () => {
  expect(await call(`${gateway()}/myself`)).toEqual({
    status: 401,
    body: { code: 401, message: 'Unauthorized' },
  });
});

it('lets anonymous callers search the site host but shows them nothing', async () => {
  const res = await call(`${site()}/search/jql?jql=project%20%3D%20DEMO`);
  expect(res.status).toBe(400);
  expect(JSON.stringify(res.body)).toContain("does not exist for the field 'project'");
  const open = await call(`${site()}/search/jql?jql=${encodeURIComponent('created >= -3650d')}`);
  expect(open).toEqual({ status: 200, body: { issues: [], isLast: true } });
});

it('creates (201), reads, edits (204) and deletes (204) an issue as Jira REST does', async () => {
  const headers = { authorization: basic('admin'), 'content-type': 'application/json' };
  const doc = {
    type: 'doc',
    version: 1,
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'hi' }] }],
  };
  const created = await call(`${site()}/issue`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      fields: { project: { key: 'SBX' }, issuetype: { name: 'Task' }, summary: 'REST', description: doc },
    }),
  });
  expect(created).toMatchObject({ status: 201, body: { key: 'SBX-2' } });
  expect((await call(`${site()}/issue/SBX-2`, { headers })).body).toMatchObject({
    fields: { summary: 'REST', description: doc },
  });
  expect(
    (
      await call(`${site()}/issue/SBX-2`, {
        method: 'PUT',
        headers,
        body: JSON.stringify({ fields: { summary: 'Edited' } }),
      })
    ).status,
  ).toBe(204);
  expect((await call(`${site()}/issue/SBX-2`, { method: 'DELETE', headers })).status).toBe(204);
  expect((await call(`${site()}/issue/SBX-2`, { headers })).status).toBe(404);
});

it('refuses a plain-string description with the ADF message keyed by field', async () => {
  const res = await call(`${site()}/issue`, {
    method: 'POST',
    headers: { authorization: basic('member'), 'content-type': 'application/json' },
    body: JSON.stringify({
      fields: { project: { key: 'SBX' }, issuetype: { name: 'Task' }, summary: 'x', description: 'plain' },
    }),
  });
  expect(res).toEqual({
    status: 400,
    body: {
      errorMessages: [],
      errors: {
        description: 'Operation value must be an Atlassian Document (see the Atlassian Document Format)',
      },
    },
  });
});

it('answers the removed search endpoint with 410, a body that is not JSON with 400, a wrong cloudId with 404', async () => {
  const headers = { authorization: basic('member') };
  expect((await call(`${site()}/search?jql=x`, { headers })).status).toBe(410);
  const bad = await rest.handle(
    new Request(`${site()}/issue`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: '{',
    }),
  );
  expect(bad.status).toBe(400);
  expect(
    (
      await call(`https://api.atlassian.com/ex/jira/00000000-0000-0000-0000-000000000000/rest/api/3/myself`, {
        headers,
      })
    ).status,
  ).toBe(404);
});
