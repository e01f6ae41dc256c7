import { expect, it } from 'vitest';
import { adfToMarkdown } from '../../../../lib/content/index.ts';
import { operationSite } from './test-call.ts';

it('creates an issue by type name with priority, assignee, parent and Markdown description', () => {
  const { call, store, actor } = operationSite();
  const created = call('createJiraIssue', 'member', {
    projectKey: 'DEMO',
    issueType: 'Task',
    summary: 'From v2',
    description: 'Some **bold** text',
    priority: 'High',
    assignee: actor('outsider').accountId,
    parent: 'DEMO-1',
    additional_fields: { labels: ['v2'] },
  }) as { key: string };
  const issue = store.issueByKey(created.key);
  expect(issue && adfToMarkdown(issue.description ?? { type: 'doc', version: 1, content: [] })).toBe(
    'Some **bold** text',
  );
  expect(issue).toMatchObject({ labels: ['v2'], priorityId: '2', parentId: store.issueByKey('DEMO-1')?.id });
});

it('edits fields (Markdown description to ADF) and answers the changed fields', () => {
  const { call } = operationSite();
  const edited = call('editJiraIssue', 'member', {
    issueIdOrKey: 'SBX-1',
    fields: { summary: 'Renamed', description: '# Title' },
  });
  expect(edited).toMatchObject({ fields: { summary: 'Renamed', description: { type: 'doc' } } });
  expect(call('editJiraIssue', 'member', { issueIdOrKey: 'SBX-1', fields: { labels: ['x'] } })).toMatchObject(
    {
      fields: { labels: ['x'] },
    },
  );
});

it('transitions by id, by transition name or by target status name, and lists what is available otherwise', () => {
  const { call, refusal } = operationSite();
  expect(
    call('transitionJiraIssue', 'member', { issueIdOrKey: 'SBX-1', transitionName: 'in progress' }),
  ).toMatchObject({
    fields: { status: { name: 'In Progress' } },
  });
  expect(call('transitionJiraIssue', 'member', { issueIdOrKey: 'SBX-1', transitionId: '41' })).toMatchObject({
    fields: { status: { name: 'Done' }, resolution: { name: 'Done' } },
  });
  // OPS-1 (Software Simplified Workflow): "In Review" is both a transition and a status name.
  expect(
    call('transitionJiraIssue', 'member', { issueIdOrKey: 'DEMO-4', transitionName: 'In Review' }),
  ).toMatchObject({
    fields: { status: { name: 'In Review' } },
  });
  expect(
    refusal('transitionJiraIssue', 'member', { issueIdOrKey: 'SBX-1', transitionName: 'Shipped' }),
  ).toMatchObject({
    status: 400,
    body: {
      errorMessages: ["No transition named 'Shipped' is available; available: To Do, In Progress, Done."],
    },
  });
  expect(refusal('transitionJiraIssue', 'member', { issueIdOrKey: 'SBX-1' })).toMatchObject({ status: 400 });
});

it('adds and edits comments, links issues, logs and edits work', () => {
  const { call, refusal } = operationSite();
  const comment = call('addOrEditJiraIssueComment', 'member', {
    issueIdOrKey: 'SBX-1',
    commentBody: '<p>Hi</p>',
    contentFormat: 'html',
  }) as {
    id: string;
  };
  expect(
    call('addOrEditJiraIssueComment', 'member', {
      issueIdOrKey: 'SBX-1',
      commentBody: 'Edited',
      commentId: comment.id,
    }),
  ).toMatchObject({
    id: comment.id,
  });
  expect(
    call('createJiraIssueLink', 'member', {
      linkType: 'Blocks',
      inwardIssue: 'SBX-1',
      outwardIssue: 'DEMO-1',
      comment: 'see',
    }),
  ).toEqual({
    linkType: 'Blocks',
    inwardIssue: 'SBX-1',
    outwardIssue: 'DEMO-1',
  });
  const log = call('addOrEditJiraIssueWorklog', 'member', {
    issueIdOrKey: 'SBX-1',
    timeSpent: '1h',
    comment: 'done',
  }) as { id: string };
  expect(
    call('addOrEditJiraIssueWorklog', 'member', {
      issueIdOrKey: 'SBX-1',
      worklogId: log.id,
      timeSpent: '2h',
    }),
  ).toMatchObject({
    timeSpent: '2h',
  });
  expect(refusal('addOrEditJiraIssueWorklog', 'member', { issueIdOrKey: 'SBX-1' })).toMatchObject({
    status: 400,
    body: { errors: { timeSpent: "timeSpent is required for action 'add'." } },
  });
});

it('prepares uploads, watches, sets properties and remote links, creates boards', () => {
  const { call, refusal } = operationSite();
  expect(
    call('uploadAttachmentToJiraIssue', 'member', { issueIdOrKey: 'SBX-1', filePath: './a.txt' }),
  ).toMatchObject({
    command: expect.stringContaining("-F 'file=@./a.txt'") as unknown,
  });
  expect(call('watchJiraIssue', 'viewer', { issueIdOrKey: 'SBX-1' })).toMatchObject({ isWatching: true });
  expect(call('watchJiraIssue', 'viewer', { issueIdOrKey: 'SBX-1', watch: false })).toMatchObject({
    isWatching: false,
  });
  const prop = { entityType: 'issue', entityId: 'SBX-1', propertyKey: 'k' };
  expect(call('editJiraEntityProperty', 'member', { ...prop, value: { a: 1 } })).toEqual({
    key: 'k',
    created: true,
  });
  expect(call('editJiraEntityProperty', 'member', { ...prop, delete: true })).toEqual({
    key: 'k',
    deleted: true,
  });
  expect(refusal('editJiraEntityProperty', 'member', { ...prop, entityType: 'user' })).toMatchObject({
    code: 'NOT_MODELLED',
  });
  expect(
    call('createJiraIssueRemoteIssueLink', 'member', {
      issueIdOrKey: 'SBX-1',
      url: 'https://x.example',
      title: 'X',
    }),
  ).toMatchObject({
    id: 10003,
  });
  expect(
    call('createJiraBoard', 'member', {
      name: 'B',
      type: 'kanban',
      filterId: '10004',
      projectKeyOrId: 'OPS',
    }),
  ).toMatchObject({
    id: 5,
  });
});

it('manages versions and their related work by action, asking for what an action needs', () => {
  const { call, refusal } = operationSite();
  const v = call('manageJiraProjectVersion', 'admin', {
    action: 'create',
    projectIdOrKey: 'SBX',
    name: 'v9',
  }) as { id: string };
  expect(
    call('manageJiraProjectVersion', 'admin', { action: 'update', versionId: v.id, description: 'Nine' }),
  ).toMatchObject({
    description: 'Nine',
  });
  expect(call('manageJiraProjectVersion', 'admin', { action: 'release', versionId: v.id })).toMatchObject({
    released: true,
  });
  expect(call('manageJiraProjectVersion', 'admin', { action: 'archive', versionId: v.id })).toMatchObject({
    archived: true,
  });
  expect(call('manageJiraProjectVersion', 'viewer', { action: 'get', versionId: '10002' })).toMatchObject({
    issuesStatusForFixVersion: { toDo: 1 },
  });
  expect(refusal('manageJiraProjectVersion', 'admin', { action: 'release' })).toMatchObject({
    body: { errors: { versionId: "versionId is required for action 'release'." } },
  });
  expect(refusal('manageJiraProjectVersion', 'admin', { action: 'create', name: 'x' })).toMatchObject({
    body: { errors: { projectIdOrKey: "projectIdOrKey is required for action 'create'." } },
  });
  const work = call('manageJiraProjectVersionRelatedWork', 'member', {
    action: 'add',
    versionId: '10002',
    category: 'Design',
    url: 'https://x.example',
  }) as { relatedWorkId: string };
  expect(
    call('manageJiraProjectVersionRelatedWork', 'member', {
      action: 'update',
      versionId: '10002',
      relatedWorkId: work.relatedWorkId,
      title: 'T',
    }),
  ).toMatchObject({ title: 'T' });
  expect(
    call('manageJiraProjectVersionRelatedWork', 'member', {
      action: 'remove',
      versionId: '10002',
      relatedWorkId: work.relatedWorkId,
    }),
  ).toEqual({ relatedWorkId: work.relatedWorkId, removed: true });
  expect(
    refusal('manageJiraProjectVersionRelatedWork', 'member', { action: 'remove', versionId: '10002' }),
  ).toMatchObject({
    status: 400,
  });
});

it('creates, updates, starts and closes sprints and moves issues into them', () => {
  const { call, refusal } = operationSite();
  const s = call('manageJiraSprint', 'member', { action: 'create', boardId: 1, name: 'v2 sprint' }) as {
    id: number;
  };
  expect(
    call('manageJiraSprint', 'member', { action: 'addIssues', sprintId: s.id, issues: ['SBX-1'] }),
  ).toEqual({
    sprintId: s.id,
    moved: ['SBX-1'],
  });
  expect(call('manageJiraSprint', 'member', { action: 'update', sprintId: s.id, goal: 'Go' })).toMatchObject({
    goal: 'Go',
  });
  call('manageJiraSprint', 'member', { action: 'close', sprintId: 2 });
  expect(
    call('manageJiraSprint', 'member', {
      action: 'start',
      sprintId: s.id,
      startDate: '2026-10-01',
      endDate: '2026-10-15',
    }),
  ).toMatchObject({ state: 'active' });
  expect(call('manageJiraSprint', 'member', { action: 'close', sprintId: s.id })).toMatchObject({
    state: 'closed',
  });
  expect(refusal('manageJiraSprint', 'member', { action: 'create', name: 'x' })).toMatchObject({
    body: { errors: { boardId: "boardId is required for action 'create'." } },
  });
  expect(refusal('manageJiraSprint', 'member', { action: 'addIssues', sprintId: 4 })).toMatchObject({
    body: { errors: { issues: "issues is required for action 'addIssues'." } },
  });
});

it('deletes issues, comments and attachments for those allowed to', () => {
  const { call, refusal } = operationSite();
  const comment = call('addOrEditJiraIssueComment', 'member', {
    issueIdOrKey: 'SBX-1',
    commentBody: 'x',
  }) as { id: string };
  expect(call('deleteJiraComment', 'member', { issueIdOrKey: 'SBX-1', commentId: comment.id })).toEqual({
    commentId: comment.id,
    deleted: true,
  });
  expect(call('deleteJiraIssueAttachment', 'member', { attachmentId: '10000' })).toEqual({
    attachmentId: '10000',
    deleted: true,
  });
  expect(refusal('deleteJiraIssue', 'member', { issueIdOrKey: 'SBX-1' })).toMatchObject({ status: 403 });
  expect(call('deleteJiraIssue', 'admin', { issueIdOrKey: 'SBX-1' })).toEqual({
    issueIdOrKey: 'SBX-1',
    deleted: true,
  });
});
