import { expect, it } from 'vitest';
import { AtlassianError } from '../../../atlassian/errors.ts';
import { runOperation } from './index.ts';
import { operationSite } from './test-call.ts';

it('reads issues, searches and project metadata through the site', () => {
  const { call } = operationSite();
  expect(call('getJiraIssue', 'member', { issueIdOrKey: 'DEMO-1', fields: ['summary'] })).toMatchObject({
    key: 'DEMO-1',
    fields: { summary: expect.any(String) as unknown },
  });
  expect(
    call('searchJiraIssuesUsingJql', 'member', { jql: 'project = DEMO ORDER BY key', maxResults: 2 }),
  ).toMatchObject({
    isLast: false,
    issues: [{}, {}],
  });
  expect(call('listJiraProjects', 'viewer', { action: 'create' })).toMatchObject({ total: 0 });
  expect(call('listJiraProjects', 'member', { searchString: 'ops' })).toMatchObject({
    values: [{ key: 'OPS' }],
  });
  expect(call('listJiraProjectIssueTypesMetadata', 'member', { projectIdOrKey: 'OPS' })).toMatchObject({
    total: 4,
  });
  expect(
    call('getJiraIssueTypeMetaWithFields', 'member', { projectIdOrKey: 'DEMO', issueTypeId: '10002' }),
  ).toMatchObject({
    fields: expect.arrayContaining([
      expect.objectContaining({ fieldId: 'summary', required: true }),
    ]) as unknown,
  });
  expect(call('listJiraIssueTransitions', 'member', { issueIdOrKey: 'DEMO-1' })).toMatchObject({
    transitions: [{}, {}, {}, {}],
  });
  expect(
    call('listJiraIssueComments', 'viewer', { issueIdOrKey: 'OPS-2', orderBy: '-created', maxResults: 1 }),
  ).toMatchObject({
    total: 2,
    comments: [{}],
  });
});

it('finds people, link types, remote links, worklogs and history', () => {
  const { call, actor } = operationSite();
  expect(call('lookupJiraAccountId', 'viewer', { query: 'ada' })).toMatchObject([
    { displayName: 'Ada Admin' },
  ]);
  expect(call('findJiraIssueAssignableUsers', 'viewer', { projectIdOrKey: 'DEMO' })).toHaveLength(3);
  expect(
    call('listJiraIssueAssignableUsers', 'viewer', { issueIdOrKey: 'OPS-1', query: 'ot' }),
  ).toMatchObject([{ displayName: 'Otto Outsider' }]);
  expect(call('listJiraIssueLinkTypes', 'viewer')).toMatchObject({
    issueLinkTypes: [{ name: 'Blocks' }, {}, {}, {}],
  });
  expect(call('listJiraIssueRemoteIssueLinks', 'viewer', { issueIdOrKey: 'DEMO-4' })).toHaveLength(1);
  expect(
    call('listJiraIssueRemoteIssueLinks', 'viewer', {
      issueIdOrKey: 'DEMO-4',
      globalId: 'system=https://status.acme-conformance.example&id=42',
    }),
  ).toMatchObject({ relationship: 'mentioned in' });
  expect(call('listJiraIssueWorklogs', 'viewer', { issueIdOrKey: 'DEMO-4' })).toMatchObject({ total: 2 });
  expect(call('listJiraIssueChangelogs', 'viewer', { issueIdOrKey: 'DEMO-3' })).toMatchObject({ total: 2 });
  expect(call('getJiraCurrentUser', 'viewer')).toMatchObject({ displayName: 'Vera Viewer' });
  expect(call('getJiraUser', 'viewer', { accountId: actor('member').accountId })).toMatchObject({
    displayName: 'Max Member',
  });
  expect(call('listJiraStatuses', 'viewer')).toHaveLength(4);
  expect(call('listJiraStatuses', 'viewer', { projectIdOrKey: 'OPS' })).toHaveLength(4);
});

it('reads components, versions, boards, sprints, filters, dashboards, properties and attachments', () => {
  const { call } = operationSite();
  expect(call('listJiraProjectComponents', 'viewer', { projectIdOrKey: 'DEMO' })).toMatchObject({ total: 2 });
  expect(
    call('getJiraProjectVersions', 'viewer', { projectIdOrKey: 'DEMO', status: ['unreleased'] }),
  ).toMatchObject({
    values: [{ name: '1.1' }],
  });
  expect(call('getJiraProjectVersionRelatedWork', 'viewer', { versionId: '10001' })).toHaveLength(1);
  expect(call('listJiraBoards', 'viewer', { type: 'scrum' })).toMatchObject({ total: 2 });
  expect(call('getJiraBoardConfig', 'viewer', { boardId: 3 })).toMatchObject({ type: 'kanban' });
  expect(call('getJiraBoardIssueData', 'viewer', { boardId: 2, backlog: true })).toMatchObject({ total: 3 });
  expect(call('getJiraBoardIssueData', 'viewer', { boardId: 2 })).toMatchObject({ total: 5 });
  expect(call('listJiraBoardSprints', 'viewer', { boardId: 1, state: 'all' })).toMatchObject({ total: 3 });
  expect(call('listJiraBoardSprints', 'viewer', { boardId: 1, state: 'closed' })).toMatchObject({ total: 1 });
  expect(call('listJiraFilters', 'viewer', { filterName: 'bugs' })).toMatchObject({ total: 1 });
  expect(call('listJiraDashboards', 'viewer')).toMatchObject({ total: 2 });
  expect(call('getJiraEntityProperty', 'viewer', { entityType: 'issue', entityId: 'SBX-1' })).toEqual({
    keys: [],
  });
  expect(call('downloadJiraIssueAttachment', 'viewer', { attachmentId: '10000' })).toMatchObject({
    command: expect.stringMatching(/^curl -sSfL -o 'checkout-trace\.log' 'https:/) as unknown,
  });
});

it('finds a board sprint by id, by name, or the active one, and says when there is none', () => {
  const { call, refusal } = operationSite();
  expect(call('getJiraBoardSprintData', 'viewer', { boardId: 1 })).toMatchObject({
    sprint: { id: 2, state: 'active' },
    total: 1,
  });
  expect(call('getJiraBoardSprintData', 'viewer', { boardId: 1, sprintName: 'sbx sprint 1' })).toMatchObject({
    sprint: { id: 1 },
  });
  expect(call('getJiraBoardSprintData', 'viewer', { boardId: 2, sprintId: 3 })).toMatchObject({
    sprint: { id: 3 },
    issues: [{ key: 'DEMO-2' }],
  });
  expect(refusal('getJiraBoardSprintData', 'viewer', { boardId: 2 })).toMatchObject({
    status: 404,
    body: { errorMessages: ['The board has no active sprint: pass sprintId or sprintName.'] },
  });
  expect(refusal('getJiraBoardSprintData', 'viewer', { boardId: 1, sprintName: 'Nope' })).toMatchObject({
    body: { errorMessages: ["The board has no sprint named 'Nope'."] },
  });
});

it('refuses an entity it does not model, inputs that do not fit, and keeps invisible data invisible', () => {
  const { refusal } = operationSite();
  expect(
    refusal('getJiraEntityProperty', 'viewer', { entityType: 'project', entityId: 'DEMO' }),
  ).toMatchObject({
    name: 'NotModelledError',
    code: 'NOT_MODELLED',
    message: 'getJiraEntityProperty: the fake site does not model project properties',
  });
  expect(refusal('getJiraBoardConfig', 'viewer', { boardId: 'one' })).toMatchObject({
    name: 'OperationInputError',
    code: 'OPERATION_INPUT_INVALID',
    message: expect.stringContaining('boardId') as unknown,
  });
  expect(
    refusal('listJiraIssueComments', 'viewer', { issueIdOrKey: 'DEMO-1', maxResults: 101 }),
  ).toMatchObject({
    name: 'OperationInputError',
  });
  expect(refusal('getJiraIssue', 'viewer', { issueIdOrKey: 'SEC-1' })).toEqual(
    refusal('getJiraIssue', 'viewer', { issueIdOrKey: 'SEC-99' }),
  );
});

it('answers no current user to an anonymous caller', () => {
  const { store } = operationSite();
  for (const name of ['getJiraCurrentUser', 'atlassianUserInfo'])
    expect(() => runOperation(name, {}, { store, actor: { accountId: null } })).toThrow(AtlassianError);
  expect(() => runOperation('noSuchOperation', {}, { store, actor: { accountId: null } })).toThrow(
    'No site service backs the operation "noSuchOperation"',
  );
});

it('drops inputs it does not know, as Rovo does', () => {
  const { call } = operationSite();
  expect(call('listJiraIssueLinkTypes', 'viewer', { surprise: true })).toMatchObject({
    issueLinkTypes: [{}, {}, {}, {}],
  });
});
