import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, expect, it } from 'vitest';
import { adfToMarkdown } from '../../../lib/content/index.ts';
import type { FakeCloud } from '../../../mocks/cloud.ts';
import { connect, type Session } from '../../connect/session.ts';
import { UnsupportedVerbError } from '../../errors.ts';
import { setupFor } from '../../kinds/index.ts';
import { closeWorkerCloud } from '../../kinds/worker-cloud.ts';
import { mutantSettings } from '../../scenario/mutants.ts';
import type { TargetSpec } from '../../targets/spec.ts';
import type { Driver } from '../types.ts';
import { dialects } from '../index.ts';
import { mappedDriver } from '../mapped/driver.ts';
import { builtInDialect } from '../mapped/load.ts';
import { DialectFileSchema } from '../mapped/schema.ts';
import { TargetError } from '../tool-call.ts';

/**
 * Each verb against the in-process reference server: the tool it called and the arguments it sent,
 * and the fake site's own state afterwards, so a verb that maps onto the wrong tool, drops an argument
 * or misreads an answer fails here.
 */
const TARGET: TargetSpec = {
  name: 'legacy-mock',
  kind: 'legacy-mock',
  dialect: 'legacy',
  reason: 'driver test',
};
const RUN_LABEL = 'rovo-mcp-conformance-driver-test';

let cloud: FakeCloud;
let session: Session;
let driver: Driver;

beforeEach(async () => {
  const setup = await setupFor(TARGET, mutantSettings());
  const member = setup.site.identities.member;
  if (!setup.cloud || !member) throw new Error('the fixture has no member');
  cloud = setup.cloud;
  session = await connect(TARGET, { credentials: member, requestTimeoutMs: 10_000, ...setup.connect });
  driver = dialects.legacy.driver({ session, cloudId: cloud.store.site.cloudId, runLabel: RUN_LABEL });
});
afterEach(async () => {
  await session.close();
});
afterAll(async () => {
  await closeWorkerCloud();
});

/** The tools/call requests the driver sent, in order. */
function calls(): { name: string; arguments: unknown }[] {
  return session.frames.flatMap((f) =>
    f.direction === 'sent' && 'method' in f.message && f.message.method === 'tools/call'
      ? [f.message.params as { name: string; arguments: unknown }]
      : [],
  );
}

const stored = (key: string) => {
  const issue = cloud.store.issueByIdOrKey(key);
  if (!issue) throw new Error(`${key} is not in the store`);
  return issue;
};
const typeName = (key: string) => cloud.store.issueTypes.get(stored(key).issueTypeId)?.name;
const member = () => cloud.store.userByHandle('member');

it('whoAmI reads jira_test_connection', async () => {
  expect(await driver.whoAmI()).toEqual({
    accountId: member()?.accountId,
    displayName: member()?.displayName,
    email: member()?.email,
  });
  expect(calls().map((c) => c.name)).toEqual(['jira_test_connection']);
});

it("issueTypes lists the project's types from jira_get_project", async () => {
  const sbx = cloud.store.projectByIdOrKey('SBX');
  const expected = sbx?.issueTypeIds.map((id) => cloud.store.issueTypes.get(id));
  expect(await driver.issueTypes('SBX')).toEqual(
    expected?.map((t) => ({ id: t?.id, name: t?.name, subtask: t?.subtask })),
  );
  expect(calls()).toEqual([{ name: 'jira_get_project', arguments: { projectKey: 'SBX' } }]);
});

it('createFields asks jira_get_create_fields by issue type name and filters required-only', async () => {
  const task = (await driver.issueTypes('SBX')).find((t) => t.name === 'Task');
  const all = await driver.createFields('SBX', task?.id ?? '');
  const required = await driver.createFields('SBX', task?.id ?? '', { requiredOnly: true });
  expect(all.map((f) => f.id)).toEqual(expect.arrayContaining(['summary', 'description', 'labels']));
  expect(required.map((f) => f.id)).toContain('summary');
  expect(required.every((f) => f.required) && required.length < all.length).toBe(true);
  expect(calls().find((c) => c.name === 'jira_get_create_fields')?.arguments).toEqual({
    project: 'SBX',
    issuetype: 'Task',
  });
});

it('createIssue maps type, parent, labels, assignee and extra fields onto jira_create_issue', async () => {
  const epic = await driver.createEpic({ project: 'SBX', summary: 'Epic', description: 'Why it matters.' });
  expect([
    typeName(epic.key),
    adfToMarkdown(stored(epic.key).description ?? { type: 'doc', version: 1, content: [] }),
  ]).toEqual(['Epic', 'Why it matters.']);
  const ref = await driver.createIssue({
    project: 'SBX',
    issueType: 'Story',
    summary: 'A story',
    description: 'Plain words.',
    labels: ['one'],
    parent: epic.key,
    assignee: member()?.accountId ?? '',
    fields: { priority: { name: 'High' } },
  });
  const issue = stored(ref.key);
  expect(ref.id).toBe(issue.id);
  expect(typeName(ref.key)).toBe('Story');
  expect(issue).toMatchObject({
    summary: 'A story',
    labels: ['one', RUN_LABEL],
    assigneeId: member()?.accountId,
  });
  expect(issue.parentId).toBe(stored(epic.key).id);
  expect(cloud.store.priorities.find((p) => p.id === issue.priorityId)?.name).toBe('High');
  expect(calls().map((c) => c.name)).toEqual(['jira_create_epic', 'jira_create_issue']);
});

it('getIssue reads jira_get_issue into the common shape, the description as Markdown', async () => {
  const epic = await driver.createEpic({ project: 'SBX', summary: 'Parent' });
  const ref = await driver.createIssue({
    project: 'SBX',
    issueType: 'Story',
    summary: 'Read me',
    description: 'Line with *stars*',
    labels: ['x'],
    parent: epic.key,
    assignee: member()?.accountId ?? '',
  });
  const issue = await driver.getIssue(ref.key);
  expect(issue).toMatchObject({
    id: ref.id,
    key: ref.key,
    summary: 'Read me',
    status: 'To Do',
    issueType: 'Story',
    labels: ['x', RUN_LABEL],
    parentKey: epic.key,
    assigneeAccountId: member()?.accountId,
    priority: 'Medium',
    // Wrapped literally by the server, so the Markdown reader sees escaped stars.
    description: 'Line with \\*stars\\*',
  });
  expect(calls().at(-1)).toEqual({ name: 'jira_get_issue', arguments: { issueKey: ref.key } });
});

it('editIssue sends summary, description, labels and fields as jira_update_issue updates', async () => {
  const ref = await driver.createIssue({
    project: 'SBX',
    issueType: 'Task',
    summary: 'Before',
    labels: ['a'],
  });
  await driver.editIssue(ref.key, {
    summary: 'After',
    description: 'New text',
    labels: ['b'],
    fields: { priority: { name: 'Low' } },
  });
  const issue = stored(ref.key);
  expect(issue).toMatchObject({ summary: 'After', labels: ['b'] });
  expect(issue.description && adfToMarkdown(issue.description)).toBe('New text');
  expect(cloud.store.priorities.find((p) => p.id === issue.priorityId)?.name).toBe('Low');
  expect(calls().at(-1)?.name).toBe('jira_update_issue');
});

it('editIssue adds labels by reading the current ones and writing the union', async () => {
  const ref = await driver.createIssue({ project: 'SBX', issueType: 'Task', summary: 'Add', labels: ['a'] });
  await driver.editIssue(ref.key, { addLabels: ['b'] });
  expect([...stored(ref.key).labels].sort()).toEqual(['a', 'b', RUN_LABEL].sort());
  expect(
    calls()
      .slice(-2)
      .map((c) => c.name),
  ).toEqual(['jira_get_issue', 'jira_update_issue']);
});

it('searchIssues returns a complete page, and is unsupported when matches do not fit one page', async () => {
  const refs = [];
  for (const s of ['s1', 's2', 's3'])
    refs.push(await driver.createIssue({ project: 'SBX', issueType: 'Task', summary: s, labels: ['srch'] }));
  const page = await driver.searchIssues('labels = srch ORDER BY key DESC', { maxResults: 3 });
  expect(page.issues.map((i) => i.key)).toEqual(refs.map((r) => r.key).reverse());
  expect(page.nextPageToken).toBeUndefined();
  expect(calls().at(-1)).toEqual({
    name: 'jira_search_issues',
    arguments: { jql: 'labels = srch ORDER BY key DESC', maxResults: 4 },
  });
  await expect(driver.searchIssues('labels = srch', { maxResults: 2 })).rejects.toThrow(
    /searchIssues is unsupported: .*no page token: more than 2 issues match/,
  );
  await expect(driver.searchIssues('labels = srch', { pageToken: 't' })).rejects.toBeInstanceOf(
    UnsupportedVerbError,
  );
});

it('bulk create is native: one jira_bulk_create_issues call per 50, failures at their index', async () => {
  const task = (summary: string, issueType = 'Task') => ({
    project: 'SBX',
    issueType,
    summary,
    labels: ['bulk'],
  });
  const inputs = Array.from({ length: 53 }, (_, i) => task(`b${i}`, i === 1 || i === 51 ? 'Saga' : 'Task'));
  const result = await driver.bulkCreate(inputs);
  expect([result.mode, result.calls]).toEqual(['native', 2]);
  expect(calls().map((c) => c.name)).toEqual(['jira_bulk_create_issues', 'jira_bulk_create_issues']);
  const invalid = {
    error: 'issuetype: The issue type selected is invalid.',
    fields: ['issuetype'],
    attempts: 1,
  };
  expect(result.items.filter((i) => i.error !== undefined)).toEqual([
    { index: 1, ...invalid },
    { index: 51, ...invalid },
  ]);
  for (const item of result.items)
    if (item.key)
      expect(stored(item.key)).toMatchObject({ summary: `b${item.index}`, labels: ['bulk', RUN_LABEL] });
  // Every item refused: Jira answers 400 with its CreatedIssues body, which the tool passes on as error text.
  const allBad = await driver.bulkCreate([task('x', 'Saga')]);
  expect(allBad.items).toEqual([{ index: 0, ...invalid }]);
});

it.each(Object.keys(builtInDialect('legacy').unsupported))(
  '%s is unsupported with a reason, and calls nothing',
  async (verb) => {
    const run: unknown = Reflect.get(driver, verb);
    expect(typeof run).toBe('function');
    const error: unknown = await (run as () => Promise<unknown>)().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedVerbError);
    expect(error instanceof UnsupportedVerbError && error.verb).toBe(verb);
    expect(error instanceof UnsupportedVerbError && error.reason).toMatch(/legacy dialect|jira_/);
    expect(calls()).toEqual([]);
  },
);

it('the legacy dialect file is valid against the dialect schema and maps every verb it does not refuse', () => {
  const raw: unknown = JSON.parse(readFileSync(join(import.meta.dirname, 'legacy.json'), 'utf8'));
  const file = DialectFileSchema.parse(raw);
  const verbs = Object.keys(driver).filter((k) => typeof Reflect.get(driver, k) === 'function');
  const decided = new Set([...Object.keys(file.verbs), ...Object.keys(file.unsupported), 'bulkEdit']);
  expect(verbs.filter((v) => !decided.has(v))).toEqual([]);
});

it('a verb mapped to a tool the server does not list is unsupported, naming the tool; a listed tool keeps its error', async () => {
  const file = builtInDialect('legacy');
  const issueTypes = { ...file.verbs.issueTypes, tool: 'jira_get_project_metadata' };
  const renamed = mappedDriver('legacy', { ...file, verbs: { ...file.verbs, issueTypes } })({
    session,
    cloudId: cloud.store.site.cloudId,
  });
  const error: unknown = await renamed.issueTypes('SBX').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UnsupportedVerbError);
  expect(String(error)).toMatch(
    /does not list jira_get_project_metadata, the tool the legacy dialect maps issueTypes/,
  );
  await expect(driver.getIssue('SBX-999')).rejects.toBeInstanceOf(TargetError);
});

it('a filter or page token the mapping has no input for is unsupported, naming it, and calls nothing', async () => {
  const legacy = builtInDialect('legacy');
  const file = DialectFileSchema.parse({
    ...legacy,
    verbs: {
      ...legacy.verbs,
      listProjects: { tool: 'jira_list_projects', args: {}, answer: { list: 'projects' } },
    },
  });
  const d = mappedDriver('file', file)({ session, cloudId: cloud.store.site.cloudId, runLabel: RUN_LABEL });
  const refused = await d.listProjects({ action: 'create' }).catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(UnsupportedVerbError);
  expect((refused as UnsupportedVerbError).reason).toMatch(
    /jira_list_projects has no input the legacy dialect maps to "action" \(asked action="create"\)/,
  );
  expect(calls()).toEqual([]);
});
