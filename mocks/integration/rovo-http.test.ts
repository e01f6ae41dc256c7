import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterEach, expect, it } from 'vitest';
import { FakeCloud } from '../cloud.ts';
import { fetchInto } from '../../lib/request-handler.ts';
import { RECORDED_EXCHANGES } from '../rovo/http.ts';

const URL_V1 = 'https://mcp.atlassian.com/v1/mcp';
let cloud: FakeCloud;

afterEach(async () => {
  await cloud.close();
});

function basic(handle = 'member'): string {
  const u = cloud.store.userByHandle(handle);
  if (!u) throw new Error(`no ${handle}`);
  return `Basic ${Buffer.from(`${u.email}:${u.apiToken}`).toString('base64')}`;
}

async function client(handle = 'member'): Promise<Client> {
  const c = new Client({ name: 'mock-self-test', version: '0' });
  await c.connect(
    new StreamableHTTPClientTransport(new URL(URL_V1), {
      requestInit: { headers: { authorization: basic(handle) } },
      fetch: fetchInto(cloud),
    }),
  );
  return c;
}

const initialize = (auth: string) =>
  cloud.handle(
    new Request(URL_V1, {
      method: 'POST',
      headers: {
        authorization: auth,
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
      },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '0' } },
      }),
    }),
  );

function textOf(result: Awaited<ReturnType<Client['callTool']>>): string {
  const first = (result.content as { type: string; text?: string }[])[0];
  return first?.text ?? '';
}

it('answers 401 with the gen-1 Bearer challenge when no credential is sent', async () => {
  cloud = new FakeCloud({ profile: 'legacy-captures' });
  const res = await initialize('');
  expect(res.status).toBe(401);
  expect(res.headers.get('www-authenticate')).toBe(
    'Bearer realm="OAuth", error="invalid_token", error_description="Missing or invalid access token"',
  );
});

it('hands out a 64-hex session id, wants it back (400 without), and forgets it after DELETE (404)', async () => {
  cloud = new FakeCloud();
  const init = await initialize(basic());
  const sid = init.headers.get('mcp-session-id') ?? '';
  expect(sid).toMatch(/^[0-9a-f]{64}$/);
  const list = (headers: Record<string, string>) =>
    cloud.handle(
      new Request(URL_V1, {
        method: 'POST',
        headers: {
          authorization: basic(),
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
          ...headers,
        },
        body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' }),
      }),
    );
  expect((await list({})).status).toBe(400);
  const del = await cloud.handle(
    new Request(URL_V1, { method: 'DELETE', headers: { authorization: basic(), 'mcp-session-id': sid } }),
  );
  expect(del.status).toBe(200);
  expect((await list({ 'mcp-session-id': sid })).status).toBe(404);
});

it('names itself atlassian-mcp-server and advertises tools with listChanged', async () => {
  cloud = new FakeCloud();
  const c = await client();
  expect(c.getServerVersion()?.name).toBe('atlassian-mcp-server');
  expect(c.getServerCapabilities()?.tools?.listChanged).toBe(true);
  await c.close();
});

it('refuses an unknown tool with JSON-RPC -32602 and keeps serving the session', async () => {
  cloud = new FakeCloud();
  const c = await client();
  await expect(c.callTool({ name: 'deleteJiraIssue', arguments: {} })).rejects.toThrow(
    /-32602.*deleteJiraIssue not found/,
  );
  const ok = await c.callTool({ name: 'atlassianUserInfo', arguments: {} });
  expect(ok.isError).toBeUndefined();
  await c.close();
});

it('bad arguments, ids and queries get clear errors and change nothing in the store', async () => {
  cloud = new FakeCloud();
  const before = JSON.stringify([...cloud.store.issues.values()].map(({ view: _v, ...i }) => i));
  const c = await client();
  const cloudId = cloud.store.site.cloudId;
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ['createJiraIssue', { cloudId, projectKey: 'SBX', issueTypeName: 'Task' }, /"summary"/],
    [
      'createJiraIssue',
      { cloudId, projectKey: 'SBX', issueTypeName: 'Task', summary: 'x', colour: 'red' },
      /unknown argument "colour"/,
    ],
    [
      'createJiraIssue',
      { cloudId, projectKey: 'NOPE', issueTypeName: 'Task', summary: 'x' },
      /Specify a valid project ID or key/,
    ],
    [
      'createJiraIssue',
      { cloudId, projectKey: 'SBX', issueTypeName: 'Spaceship', summary: 'x' },
      /issue type selected is invalid/,
    ],
    [
      'editJiraIssue',
      { cloudId, issueIdOrKey: 'SBX-1', fields: { summary: '' } },
      /You must specify a summary/,
    ],
    [
      'editJiraIssue',
      { cloudId, issueIdOrKey: 'NOPE-1', fields: { summary: 'x' } },
      /does not exist or you do not have permission/,
    ],
    ['searchJiraIssuesUsingJql', { cloudId, jql: 'project = = SBX' }, /Error in the JQL Query/],
    [
      'getJiraIssue',
      { cloudId: 'elsewhere.atlassian.net', issueIdOrKey: 'SBX-1' },
      /does not match any site/,
    ],
    [
      'transitionJiraIssue',
      { cloudId, issueIdOrKey: 'SBX-1', transition: { id: '999' } },
      /Transition id '999' is not valid/,
    ],
  ];
  for (const [name, args, message] of cases) {
    const result = await c.callTool({ name, arguments: args });
    expect(result.isError, `${name} ${JSON.stringify(args)}`).toBe(true);
    expect(textOf(result)).toMatch(message);
  }
  expect(JSON.stringify([...cloud.store.issues.values()].map(({ view: _v, ...i }) => i))).toBe(before);
  await c.close();
});

it('wraps Jira errors in the {"error":true,"message":...} text envelope', async () => {
  cloud = new FakeCloud();
  const c = await client();
  const result = await c.callTool({
    name: 'getJiraIssue',
    arguments: { cloudId: cloud.store.site.cloudId, issueIdOrKey: 'SBX-999' },
  });
  expect(JSON.parse(textOf(result))).toEqual({
    error: true,
    message:
      '{"errorMessages":["Issue does not exist or you do not have permission to see it."],"errors":{}}',
  });
  await c.close();
});

it('leaves out isError and answers plain JSON under the legacy-captures profile', async () => {
  cloud = new FakeCloud({ profile: 'legacy-captures' });
  const init = await initialize(basic());
  expect(init.headers.get('content-type')).toContain('application/json');
  const c = await client();
  const result = await c.callTool({
    name: 'getJiraIssue',
    arguments: { cloudId: cloud.store.site.cloudId, issueIdOrKey: 'SBX-999' },
  });
  expect(result.isError).toBeUndefined();
  expect(JSON.parse(textOf(result))).toMatchObject({ error: true });
  await c.close();
});

it('keeps only the latest RECORDED_EXCHANGES exchanges, oldest dropped first', async () => {
  cloud = new FakeCloud();
  for (let i = 0; i < RECORDED_EXCHANGES + 50; i++)
    await cloud.handle(new Request(`${URL_V1}?n=${i}`, { method: 'POST', body: '{}' }));
  expect(cloud.rovo.recorded).toHaveLength(RECORDED_EXCHANGES);
  expect(cloud.rovo.recorded.every((e) => e.status === 401)).toBe(true);
  await cloud.handle(new Request(URL_V1, { method: 'OPTIONS' }));
  expect(cloud.rovo.recorded).toHaveLength(RECORDED_EXCHANGES);
  expect(cloud.rovo.recorded.at(-1)).toMatchObject({ method: 'OPTIONS', status: 204 });
});
