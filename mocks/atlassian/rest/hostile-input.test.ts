import { afterEach, expect, it } from 'vitest';
import { FakeCloud } from '../../cloud.ts';
import { MAX_NESTING } from '../jira/jql/parser.ts';

let cloud: FakeCloud;
afterEach(async () => {
  await cloud.close();
});

function basic(handle: string): string {
  const u = cloud.store.userByHandle(handle);
  return `Basic ${Buffer.from(`${u?.email}:${u?.apiToken}`).toString('base64')}`;
}

async function call(url: string, init: RequestInit = {}) {
  const res = await cloud.handle(new Request(url, { ...init, headers: { authorization: basic('member') } }));
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

const host = () => `https://${cloud.store.site.host}`;

it.each<[string, unknown]>([
  ['/rest/api/3/issue/%E0%A4%A', { errorMessages: [expect.stringContaining("'%E0%A4%A'")], errors: {} }],
  [
    '/rest/api/3/issue/DEMO-1%ZZ/comment',
    { errorMessages: [expect.stringContaining('malformed %-escape')], errors: {} },
  ],
  [
    '/wiki/api/v2/pages/%C0',
    { errors: [expect.objectContaining({ status: 400, code: 'INVALID_REQUEST_PARAMETER' })] },
  ],
  ['/wiki/rest/api/content/%FF/label', expect.objectContaining({ statusCode: 400 })],
])('a malformed percent-escape in %s is the client’s 400, not the mock’s 500', async (path, body) => {
  cloud = new FakeCloud();
  const method = path.endsWith('/label') ? 'POST' : 'GET';
  expect(await call(`${host()}${path}`, { method })).toEqual({ status: 400, body });
});

const nested = (depth: number, clause: string) => `${'('.repeat(depth)}${clause}${')'.repeat(depth)}`;

it('JQL nested deeper than Jira takes is refused in Jira’s words, however deep (no stack overflow)', async () => {
  cloud = new FakeCloud();
  const search = (jql: string) => call(`${host()}/rest/api/3/search/jql?jql=${encodeURIComponent(jql)}`);
  expect((await search(nested(MAX_NESTING, 'project = DEMO'))).status).toBe(200);
  const refusal = {
    status: 400,
    body: {
      errorMessages: [
        `Error in the JQL Query: The query is nested too deeply: at most ${MAX_NESTING} levels of parentheses and NOT are allowed. (line 1, character ${MAX_NESTING + 1})`,
      ],
      errors: {},
    },
  };
  expect(await search(nested(MAX_NESTING + 1, 'project = DEMO'))).toEqual(refusal);
  expect(await search(nested(100_000, 'project = DEMO'))).toEqual(refusal);
  expect((await search(`${'NOT '.repeat(100_000)}project = DEMO`)).status).toBe(400);
});

it('CQL nested that deep gets Confluence’s one sentence for any query it cannot run', async () => {
  cloud = new FakeCloud();
  const search = (cql: string) => call(`${host()}/wiki/rest/api/search?cql=${encodeURIComponent(cql)}`);
  expect((await search(nested(MAX_NESTING, 'type = page'))).status).toBe(200);
  for (const cql of [nested(MAX_NESTING + 1, 'type = page'), `${'not '.repeat(100_000)}type = page`]) {
    const answer = await search(cql);
    expect(answer).toMatchObject({
      status: 400,
      body: { statusCode: 400, message: `Could not parse cql : ${cql}` },
    });
  }
});

it('a client id with a malformed %-escape is an unknown client (401), not a crash', async () => {
  cloud = new FakeCloud();
  const res = await cloud.handle(
    new Request('https://auth.atlassian.com/oauth/token', {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from('%E0%A4%A:secret').toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=refresh_token&refresh_token=nope',
    }),
  );
  expect(res.status).toBeLessThan(500);
  expect(await res.json()).toMatchObject({
    error: expect.stringMatching(/^invalid_(client|grant)$/) as unknown,
  });
});
