import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { CallToolResultSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, expect, it } from 'vitest';
import { FakeCloud } from '../cloud.ts';
import { fetchInto } from '../../lib/request-handler.ts';
import { LEGACY_OAUTH_CLIENT, consentTokens } from '../legacy/consent.ts';
import { memoryTokenStore } from '../legacy/oauth.ts';
import { createLegacyServer } from '../legacy/server.ts';

const open: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((close) => close()));
});

/** The reference server for one account, its REST calls answered in-process by a fresh fake cloud. */
async function legacy(handle = 'member') {
  const cloud = new FakeCloud();
  const user = cloud.store.userByHandle(handle);
  if (!user) throw new Error(`no fixture user ${handle}`);
  const tokens = memoryTokenStore(consentTokens(cloud, user.accountId));
  const rest: string[] = [];
  const server = createLegacyServer({
    cloudId: cloud.store.site.cloudId,
    siteUrl: `https://${cloud.store.site.host}`,
    client: LEGACY_OAUTH_CLIENT,
    tokens,
    fetch: (input, init) => {
      const request = new Request(input, init);
      rest.push(`${request.method} ${new URL(request.url).pathname.replace(/^.*\/rest\/api\/3/, '')}`);
      return fetchInto(cloud)(request);
    },
  });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.server.connect(serverSide);
  const client = new Client({ name: 'legacy-test', version: '0' });
  await client.connect(clientSide);
  open.push(() => client.close());
  const call = async (name: string, args: Record<string, unknown> = {}) => {
    const result = CallToolResultSchema.parse(await client.callTool({ name, arguments: args }));
    const first = result.content[0];
    const text = first?.type === 'text' ? first.text : '';
    return {
      isError: result.isError ?? false,
      text,
      json: () => JSON.parse(text) as Record<string, unknown>,
    };
  };
  return { cloud, server, tokens, client, call, rest, user };
}

it('lists the pre-Rovo tool set with JSON Schemas', async () => {
  const { client } = await legacy();
  const { tools } = await client.listTools();
  expect(tools.map((t) => t.name).sort()).toEqual([
    'jira_bulk_create_issues',
    'jira_create_epic',
    'jira_create_issue',
    'jira_get_create_fields',
    'jira_get_issue',
    'jira_get_project',
    'jira_search_issues',
    'jira_test_connection',
    'jira_update_issue',
  ]);
  const create = tools.find((t) => t.name === 'jira_create_issue');
  expect(create?.inputSchema.required).toEqual(['summary', 'project']);
});

it('creates an epic and a labelled story under it, custom fields passed through', async () => {
  const { call, cloud } = await legacy();
  const epic = (await call('jira_create_epic', { summary: 'Checkout v2', project: 'SBX' })).json();
  expect(epic.url).toBe(`https://${cloud.store.site.host}/browse/${String(epic.key)}`);
  const story = await call('jira_create_issue', {
    summary: 'Pay on one page',
    project: 'SBX',
    epicKey: epic.key,
    labels: ['pm-os'],
    fields: { priority: { name: 'High' } },
  });
  expect(story.isError, story.text).toBe(false);
  const stored = cloud.store.issueByIdOrKey(String(story.json().key));
  expect(stored?.labels).toEqual(['pm-os']);
  expect(stored?.parentId).toBe(cloud.store.issueByIdOrKey(String(epic.key))?.id);
  expect(cloud.store.issueTypes.get(stored?.issueTypeId ?? '')?.name).toBe('Story');
  expect(stored?.priorityId).not.toBe(cloud.store.defaultPriorityId);
});

/** Story point estimate, a number field on the SBX create screen of the site fixture. */
const STORY_POINTS = 'customfield_10016';

it('passes custom fields through `fields` on create and update, and reads them back by id', async () => {
  const { call, cloud } = await legacy();
  const { key } = (
    await call('jira_create_issue', { summary: 's', project: 'SBX', fields: { [STORY_POINTS]: 5 } })
  ).json();
  expect(cloud.store.issueByIdOrKey(String(key))?.customFields[STORY_POINTS]).toBe(5);
  expect((await call('jira_get_issue', { issueKey: key })).json().customFields).toMatchObject({
    [STORY_POINTS]: 5,
  });
  await call('jira_update_issue', { issueKey: key, updates: { fields: { [STORY_POINTS]: null } } });
  expect((await call('jira_get_issue', { issueKey: key })).json().customFields).toMatchObject({
    [STORY_POINTS]: null,
  });
  const refused = await call('jira_create_issue', {
    summary: 's',
    project: 'SBX',
    fields: { [STORY_POINTS]: 'five' },
  });
  expect(refused.text).toMatch(/Jira API error 400: .*"customfield_10016":/);
});

it('wraps Markdown into one literal ADF paragraph and reads it back as ADF', async () => {
  const { call } = await legacy();
  const created = (
    await call('jira_create_issue', {
      summary: 'x',
      project: 'SBX',
      issuetype: 'Task',
      description: '**bold**',
    })
  ).json();
  const issue = (await call('jira_get_issue', { issueKey: created.key })).json();
  expect(issue.description).toEqual({
    type: 'doc',
    version: 1,
    content: [{ type: 'paragraph', content: [{ type: 'text', text: '**bold**' }] }],
  });
  expect(issue).toMatchObject({ issuetype: 'Task', status: 'To Do', labels: [], parent: null });
});

it("flattens Jira's errors into text with isError, and names bad arguments", async () => {
  const { call } = await legacy();
  const missing = await call('jira_get_issue', { issueKey: 'SBX-99999' });
  expect(missing.isError).toBe(true);
  expect(missing.text).toMatch(/^Error: Jira API error 404: \{"errorMessages":\["Issue does not exist/);
  const bad = await call('jira_create_issue', { project: 'SBX' });
  expect(bad).toMatchObject({ isError: true });
  expect(bad.text).toMatch(/^Error: Invalid arguments for jira_create_issue: summary: /);
  expect((await call('createJiraIssue')).text).toBe('Error: Unknown tool: createJiraIssue');
});

it('bulk-creates through one REST call and returns Jira per-item errors as they are', async () => {
  const { call, rest } = await legacy();
  rest.length = 0;
  const result = await call('jira_bulk_create_issues', {
    issues: [
      { summary: 'one', project: 'SBX', issuetype: 'Task' },
      { summary: 'two', project: 'SBX', issuetype: 'No Such Type' },
      { summary: 'three', project: 'SBX', issuetype: 'Task' },
    ],
  });
  expect(result.isError, result.text).toBe(false);
  const body = result.json();
  expect((body.issues as unknown[]).length).toBe(2);
  expect(body.errors).toEqual([
    {
      status: 400,
      elementErrors: { errorMessages: [], errors: { issuetype: 'The issue type selected is invalid.' } },
      failedElementNumber: 1,
    },
  ]);
  expect(rest).toEqual(['POST /issue/bulk']);
  const tooMany = await call('jira_bulk_create_issues', {
    issues: Array.from({ length: 51 }, (_, i) => ({ summary: `n${i}`, project: 'SBX' })),
  });
  expect(tooMany.text).toMatch(/issues: at most 50 issues per call/);
});

it('replaces labels on update and survives the 204 without a body', async () => {
  const { call, cloud } = await legacy();
  const { key } = (
    await call('jira_create_issue', { summary: 's', project: 'SBX', labels: ['a', 'b'] })
  ).json();
  const updated = await call('jira_update_issue', {
    issueKey: key,
    updates: { summary: 't', labels: ['c'] },
  });
  expect(updated.isError, updated.text).toBe(false);
  expect(cloud.store.issueByIdOrKey(String(key))).toMatchObject({ summary: 't', labels: ['c'] });
});

it('searches up to maxResults, following Jira pages itself, and has no total', async () => {
  const { call, rest } = await legacy();
  const batch = (from: number, n: number) =>
    Array.from({ length: n }, (_, i) => ({ summary: `s${from + i}`, project: 'SBX', labels: ['srch'] }));
  for (const [from, n] of [
    [0, 50],
    [50, 50],
    [100, 5],
  ] as const)
    expect((await call('jira_bulk_create_issues', { issues: batch(from, n) })).isError).toBe(false);
  rest.length = 0;
  const page = (
    await call('jira_search_issues', { jql: 'labels = srch ORDER BY key ASC', maxResults: 103 })
  ).json();
  expect(page.total).toBeUndefined();
  const issues = page.issues as { summary: string }[];
  expect(issues.map((i) => i.summary)).toEqual(batch(0, 103).map((i) => i.summary));
  expect(issues[0]).toMatchObject({ status: 'To Do', issuetype: 'Story', labels: ['srch'], parent: null });
  expect(rest).toEqual(['GET /search/jql', 'GET /search/jql']);
});

it('reads project metadata with issue types, and create fields by issue type name', async () => {
  const { call } = await legacy();
  const project = (await call('jira_get_project', { projectKey: 'SBX' })).json();
  expect(project).toMatchObject({ key: 'SBX', style: 'classic' });
  expect((project.issueTypes as { name: string }[]).map((t) => t.name)).toContain('Epic');
  const meta = (await call('jira_get_create_fields', { project: 'SBX', issuetype: 'task' })).json();
  expect(meta.issuetype).toMatchObject({ name: 'Task' });
  expect(meta.fields).toContainEqual(expect.objectContaining({ fieldId: 'summary', required: true }));
  const unknown = await call('jira_get_create_fields', { project: 'SBX', issuetype: 'Saga' });
  expect(unknown.text).toMatch(/issue type "Saga" is not available in SBX \(available: Epic/);
});

it('refreshes once after a 401 for concurrent calls and keeps the rotated refresh token', async () => {
  const { call, cloud, tokens, server } = await legacy();
  const before = tokens.load();
  cloud.tokens.expireAccessTokens();
  const results = await Promise.all([1, 2, 3].map(() => call('jira_test_connection')));
  expect(results.every((r) => !r.isError)).toBe(true);
  expect(server.auth.refreshes).toBe(1);
  expect(cloud.tokens.events.filter((e) => e.kind === 'refreshed')).toHaveLength(1);
  expect(tokens.load().refresh_token).not.toBe(before.refresh_token);
  // The old refresh token is spent: replaying it would revoke the grant, so the server must not.
  expect(cloud.tokens.events.some((e) => e.kind === 'refresh-refused')).toBe(false);
});

it('refreshes ahead of expiry by its own clock, and says what to do when the grant is gone', async () => {
  const { call, tokens, cloud, server } = await legacy();
  tokens.save({ ...tokens.load(), created_at: Date.now() - 3600_000 });
  expect((await call('jira_test_connection')).isError).toBe(false);
  expect(server.auth.refreshes).toBe(1);
  const grant = cloud.tokens.events.find((e) => e.kind === 'issued')?.grantId ?? '';
  cloud.tokens.revokeGrant(grant);
  const denied = await call('jira_test_connection');
  expect(denied.isError).toBe(true);
  expect(denied.text).toMatch(/Token refresh failed: 403 .*invalid_grant.*run the OAuth consent again/);
});

it('waits out a 429 with Retry-After and retries', async () => {
  const { call, cloud, rest } = await legacy();
  let limited = 1;
  cloud.rest.interceptors.push(() =>
    limited-- > 0 ? new Response('{}', { status: 429, headers: { 'retry-after': '0' } }) : undefined,
  );
  rest.length = 0;
  expect((await call('jira_get_project', { projectKey: 'SBX' })).isError).toBe(false);
  expect(rest).toEqual(['GET /project/SBX', 'GET /project/SBX']);
});
