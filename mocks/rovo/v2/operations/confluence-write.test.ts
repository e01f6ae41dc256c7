import { expect, it } from 'vitest';
import { adfToMarkdown } from '../../../../lib/content/index.ts';
import { operationSite } from './test-call.ts';

const GUIDE = '229378';

it('creates pages, blog posts and typed content under a parent, and refuses types it does not model', () => {
  const { call, refusal, store } = operationSite();
  const page = call('createConfluenceContent', 'member', {
    parent: { spaceId: '65541', parentContentId: '229380' },
    contentType: 'page',
    title: 'In the folder',
    body: { format: 'markdown', value: 'Hello **v2**' },
  }) as { id: string; parentType: string; snapshotToken: string };
  expect(page).toMatchObject({ type: 'page', parentId: '229380', parentType: 'folder' });
  expect(page.snapshotToken).toEqual(expect.any(String));
  const stored = store.pages.get(page.id);
  expect(stored && adfToMarkdown(stored.body)).toBe('Hello **v2**');
  expect(
    call('createConfluenceContent', 'member', {
      parent: { spaceId: '65541' },
      contentType: 'blogpost',
      title: 'News',
      body: { format: 'html', value: '<p>n</p>' },
    }),
  ).toMatchObject({ type: 'blogpost' });
  expect(
    call('createConfluenceContent', 'member', {
      parent: { spaceId: '65541' },
      contentType: 'whiteboard',
      title: 'W',
    }),
  ).toMatchObject({
    type: 'whiteboard',
  });
  expect(
    refusal('createConfluenceContent', 'member', {
      parent: { spaceId: '65541' },
      contentType: 'embed',
      title: 'E',
    }),
  ).toMatchObject({
    code: 'NOT_MODELLED',
    message: 'createConfluenceContent: the fake site does not model embed content',
  });
  expect(
    refusal('createConfluenceContent', 'member', {
      parent: { spaceId: '65541' },
      contentType: 'page',
      title: 'Bad',
      body: { format: 'adf', value: '{"type":"nope"}' },
    }),
  ).toMatchObject({ code: 'OPERATION_INPUT_INVALID' });
});

it('updates with the snapshot token, refuses a stale one with the current token, and does no node edits', () => {
  const { call, refusal } = operationSite();
  const read = call('getConfluenceContent', 'member', { content_id: GUIDE }) as { snapshotToken: string };
  const saved = call('updateConfluenceContent', 'member', {
    contentId: GUIDE,
    snapshotToken: read.snapshotToken,
    body: { value: 'New' },
    versionMessage: 'v4',
  }) as { snapshotToken: string };
  expect(saved).toMatchObject({ content: { version: { number: 4 } } });
  expect(
    refusal('updateConfluenceContent', 'member', {
      contentId: GUIDE,
      snapshotToken: read.snapshotToken,
      title: 'x',
    }),
  ).toMatchObject({
    status: 409,
    body: { errors: [{ code: 'snapshot_stale' }], currentSnapshotToken: saved.snapshotToken },
  });
  expect(
    call('updateConfluenceContent', 'member', { contentId: GUIDE, title: 'Dry', dryRun: true }),
  ).toMatchObject({
    dryRun: true,
  });
  expect(
    refusal('updateConfluenceContent', 'member', { contentId: GUIDE, edits: [{ op: 'replaceNode' }] }),
  ).toMatchObject({
    message: 'updateConfluenceContent: the fake site does not model node edits by localId',
  });
});

it('comments (footer, inline on selected text, replies), edits its own and resolves', () => {
  const { call, refusal } = operationSite();
  const footer = call('createConfluenceComment', 'outsider', { contentId: GUIDE, body: 'Nice' }) as {
    id: string;
  };
  expect(footer).toMatchObject({ pageId: GUIDE });
  const inline = call('createConfluenceComment', 'member', {
    contentId: GUIDE,
    commentType: 'inline',
    body: 'Which receipt?',
    textSelection: 'receipt',
  }) as { id: string };
  expect(inline).toMatchObject({
    resolutionStatus: 'open',
    properties: { inlineOriginalSelection: 'receipt' },
  });
  expect(
    call('createConfluenceComment', 'admin', {
      parentCommentId: inline.id,
      body: '<p>The email</p>',
      contentFormat: 'html',
    }),
  ).toMatchObject({
    parentCommentId: inline.id,
  });
  expect(call('updateConfluenceComment', 'outsider', { commentId: footer.id, body: 'Nicer' })).toMatchObject({
    version: { number: 2 },
  });
  expect(refusal('updateConfluenceComment', 'member', { commentId: footer.id, body: 'x' })).toMatchObject({
    status: 403,
  });
  expect(
    call('updateConfluenceCommentResolution', 'member', { commentId: inline.id, resolved: true }),
  ).toMatchObject({
    resolutionStatus: 'resolved',
  });
  expect(
    refusal('createConfluenceComment', 'member', {
      contentId: GUIDE,
      commentType: 'inline',
      body: 'x',
      textSelection: 'absent',
    }),
  ).toMatchObject({
    status: 400,
  });
});

it('prepares uploads, restores versions, restricts, completes tasks, labels, copies, moves and archives', () => {
  const { call, actor } = operationSite();
  expect(call('createConfluenceAttachment', 'member', { contentId: GUIDE, filePath: 'x.png' })).toMatchObject(
    {
      command: expect.stringContaining("'file=@x.png'") as unknown,
    },
  );
  expect(
    call('restoreConfluenceContentVersion', 'member', {
      contentId: GUIDE,
      versionNumber: 1,
      restoreTitle: true,
    }),
  ).toMatchObject({
    number: 4,
    page: { title: 'Checkout' },
  });
  const viewer = actor('viewer').accountId;
  const me = actor('member').accountId;
  call('addConfluenceContentPermissions', 'member', {
    contentId: '229379',
    operation: 'update',
    accountIds: [me, viewer],
  });
  expect(
    call('removeConfluenceContentPermissions', 'member', {
      contentId: '229379',
      operation: 'update',
      accountIds: [viewer],
    }),
  ).toMatchObject({
    results: [{}, { restrictions: { user: { size: 1 } } }],
  });
  expect(
    call('replaceConfluenceContentPermissions', 'member', {
      contentId: '229379',
      operation: 'read',
      groups: ['confluence-users'],
    }),
  ).toMatchObject({
    results: [{ restrictions: { group: { size: 1 } } }, { restrictions: { user: { size: 0 } } }],
  });
  expect(
    call('setConfluenceContentRestrictionState', 'member', { contentId: '229379', state: 'OPEN' }),
  ).toMatchObject({ state: 'OPEN' });
  const task = (
    call('listConfluenceTasks', 'member', { status: 'incomplete' }) as { results: { id: string }[] }
  ).results[0]?.id;
  expect(call('completeConfluenceTask', 'member', { taskId: task })).toMatchObject({ status: 'complete' });
  expect(call('reopenConfluenceTask', 'member', { taskId: task })).toMatchObject({ status: 'incomplete' });
  expect(
    call('addLabelsToConfluenceContent', 'member', { contentId: '229379', labels: ['release'] }),
  ).toMatchObject({ size: 1 });
  const folder = call('createConfluenceFolder', 'member', {
    spaceId: '65541',
    title: 'Archive',
    parentContentId: '229377',
  }) as { id: string };
  expect(folder).toMatchObject({ type: 'folder', parentId: '229377' });
  expect(
    call('copyConfluenceContent', 'member', {
      contentId: '229379',
      destinationType: 'parent_page',
      destinationId: folder.id,
      title: 'Copy',
    }),
  ).toMatchObject({ parentId: folder.id });
  expect(
    call('moveConfluenceContent', 'member', {
      contentId: '229379',
      position: 'append',
      targetContentId: folder.id,
    }),
  ).toEqual({
    pageId: '229379',
  });
  expect(call('archiveConfluenceContent', 'member', { contentId: '229379' })).toMatchObject({
    status: 'archived',
  });
  expect(call('unarchiveConfluenceContent', 'member', { contentId: '229379' })).toMatchObject({
    status: 'current',
  });
});

it('watches and unwatches content, spaces and labels', () => {
  const { call } = operationSite();
  expect(call('watchConfluenceContent', 'viewer', { contentId: GUIDE })).toEqual({ watching: true });
  expect(call('unwatchConfluenceContent', 'viewer', { contentId: GUIDE })).toEqual({ watching: false });
  expect(call('watchConfluenceSpace', 'viewer', { spaceIdOrKey: 'DOCS' })).toEqual({ watching: true });
  expect(call('unwatchConfluenceSpace', 'viewer', { spaceIdOrKey: 'DOCS' })).toEqual({ watching: false });
  expect(call('watchConfluenceLabel', 'viewer', { label: 'adr' })).toEqual({ watching: true });
  expect(call('unwatchConfluenceLabel', 'viewer', { label: 'adr' })).toEqual({ watching: false });
});
