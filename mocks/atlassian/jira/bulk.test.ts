import { beforeEach, expect, it } from 'vitest';
import { testSite } from '../confluence/test-site.ts';
import { RestApi } from '../rest/router.ts';

let rest: RestApi;
beforeEach(() => {
  rest = new RestApi(testSite().store);
});

function auth(handle = 'member'): Record<string, string> {
  const u = rest.store.userByHandle(handle);
  return {
    authorization: `Basic ${Buffer.from(`${u?.email}:${u?.apiToken}`).toString('base64')}`,
    'content-type': 'application/json',
  };
}

async function bulk(issueUpdates: unknown, handle = 'member') {
  const res = await rest.handle(
    new Request(`https://api.atlassian.com/ex/jira/${rest.store.site.cloudId}/rest/api/3/issue/bulk`, {
      method: 'POST',
      headers: auth(handle),
      body: JSON.stringify({ issueUpdates }),
    }),
  );
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const task = (summary: string, extra: Record<string, unknown> = {}) => ({
  fields: { project: { key: 'SBX' }, issuetype: { name: 'Task' }, summary, ...extra },
});

const count = () => rest.store.issues.size;

it('creates every valid element in order and reports each failure by its index (201)', async () => {
  const before = count();
  const res = await bulk([
    task('first'),
    task('bad label', { labels: ['two words'] }),
    task('third'),
    task('bad field', { customfield_10050: { value: 'High' } }),
  ]);
  expect(res.status).toBe(201);
  expect(res.body.issues).toMatchObject([{ key: 'SBX-2' }, { key: 'SBX-3' }]);
  expect(res.body.errors).toEqual([
    {
      status: 400,
      elementErrors: {
        errorMessages: [],
        errors: { labels: "The label 'two words' contains spaces which is invalid." },
      },
      failedElementNumber: 1,
    },
    {
      status: 400,
      elementErrors: {
        errorMessages: [],
        errors: {
          customfield_10050:
            "Field 'customfield_10050' cannot be set. It is not on the appropriate screen, or unknown.",
        },
      },
      failedElementNumber: 3,
    },
  ]);
  expect(count()).toBe(before + 2);
});

it('answers 400 with every error when no element could be created', async () => {
  const res = await bulk(
    [task(''), { fields: { project: { key: 'SEC' }, issuetype: { name: 'Task' } } }],
    'outsider',
  );
  expect(res.status).toBe(400);
  expect(res.body.issues).toEqual([]);
  expect((res.body.errors as { failedElementNumber: number }[]).map((e) => e.failedElementNumber)).toEqual([
    0, 1,
  ]);
});

it('refuses more than 50 elements, or none, as a whole and creates nothing', async () => {
  const before = count();
  const over = await bulk(Array.from({ length: 51 }, (_, i) => task(`item ${i}`)));
  expect(over.status).toBe(400);
  expect(over.body.errorMessages).toEqual([
    expect.stringMatching(/at most 50 issues per request; this one has 51/),
  ]);
  expect((await bulk([])).status).toBe(400);
  expect((await bulk('not a list')).status).toBe(400);
  expect(count()).toBe(before);
});

it('takes exactly 50', async () => {
  const res = await bulk(Array.from({ length: 50 }, (_, i) => task(`item ${i}`)));
  expect(res.status).toBe(201);
  expect(res.body.issues).toHaveLength(50);
  expect(res.body.errors).toEqual([]);
});
