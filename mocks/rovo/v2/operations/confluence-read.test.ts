import { expect, it } from 'vitest';
import { operationSite } from './test-call.ts';

const GUIDE = '229378';

it('reads content as a summary by default, or its outline, or the full body in a format', () => {
  const { call } = operationSite();
  const summary = call('getConfluenceContent', 'viewer', { content_id: GUIDE });
  expect(summary).toMatchObject({
    title: 'Checkout Guide',
    excerpt: expect.stringContaining('Add items to the cart') as unknown,
    counts: { headings: 1 },
    snapshotToken: expect.any(String) as unknown,
  });
  expect(summary).not.toHaveProperty('body');
  expect(call('getConfluenceContent', 'viewer', { content_id: GUIDE, detail: 'outline' })).toMatchObject({
    outline: [{ level: 2, text: 'Steps' }],
  });
  expect(call('getConfluenceContent', 'viewer', { content_id: GUIDE, detail: 'full' })).toMatchObject({
    body: expect.stringMatching(/^## Steps/) as unknown,
    appliedContentFormat: 'markdown',
  });
  expect(
    call('getConfluenceContent', 'viewer', { content_id: GUIDE, detail: 'full', content_format: 'html' }),
  ).toMatchObject({
    body: expect.stringMatching(/^<h2>Steps<\/h2>/) as unknown,
  });
  expect(
    call('getConfluenceContent', 'viewer', { content_id: GUIDE, detail: 'full', content_format: 'adf' }),
  ).toMatchObject({
    body: { type: 'doc' },
  });
  const folder = call('getConfluenceContent', 'viewer', { content_id: '229380', detail: 'full' });
  expect(folder).toMatchObject({ type: 'folder' });
  expect(folder).not.toHaveProperty('snapshotToken');
});

it('says what Markdown loses, and refuses AI summaries and database CSV as not modelled', () => {
  const { call, refusal } = operationSite();
  const underlined = {
    type: 'doc',
    version: 1,
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'Mind this', marks: [{ type: 'underline' }] }] },
    ],
  };
  const page = call('createConfluenceContent', 'member', {
    parent: { spaceId: '65541' },
    contentType: 'page',
    title: 'Underlined',
    body: { format: 'adf', value: underlined },
  }) as { id: string };
  expect(call('getConfluenceContent', 'viewer', { content_id: page.id, detail: 'full' })).toMatchObject({
    body: 'Mind this',
    lossyConversion: true,
    lostFeatures: ['underline'],
  });
  expect(
    call('getConfluenceContent', 'viewer', { content_id: page.id, detail: 'full', content_format: 'html' }),
  ).not.toHaveProperty('lossyConversion');
  expect(
    refusal('getConfluenceContent', 'viewer', { content_id: GUIDE, detail: 'ai_summary' }),
  ).toMatchObject({
    code: 'NOT_MODELLED',
    message: 'getConfluenceContent: the fake site does not model AI summaries',
  });
  expect(
    refusal('getConfluenceContent', 'viewer', { content_id: '229383', content_format: 'csv' }),
  ).toMatchObject({
    code: 'NOT_MODELLED',
  });
  expect(refusal('getConfluenceContent', 'viewer', { content_id: '196610' })).toMatchObject({ status: 404 });
});

it('searches, guides formats, lists spaces and content of a type', () => {
  const { call, refusal } = operationSite();
  expect(call('searchConfluence', 'viewer', { cql: 'space = DOCS AND type = folder' })).toMatchObject({
    results: [{ content: { id: '229380' } }],
  });
  expect(call('getContentFormatGuide', 'viewer', { toolName: 'createConfluencePage' })).toMatchObject({
    default: 'markdown',
  });
  expect(refusal('getContentFormatGuide', 'viewer', { toolName: 'createConfluenceContent' })).toMatchObject({
    code: 'OPERATION_INPUT_INVALID',
  });
  expect(call('listConfluenceSpaces', 'viewer', { keys: ['DOCS'] })).toMatchObject({
    results: [{ key: 'DOCS' }],
  });
  expect(call('getConfluenceSpace', 'viewer', { spaceIdOrKey: 'DOCS' })).toMatchObject({
    homepageId: '229377',
  });
  expect(call('listConfluenceContent', 'viewer', { type: 'whiteboard', spaceId: '65541' })).toMatchObject({
    results: [{ title: 'Service Map' }],
  });
  expect(refusal('listConfluenceContent', 'viewer', { type: 'embed', spaceId: '65541' })).toMatchObject({
    message: 'listConfluenceContent: the fake site does not model embed content',
  });
});

it('walks the tree, lists and reads comments with replies', () => {
  const { call, store } = operationSite();
  expect(call('getConfluenceContentDescendants', 'viewer', { contentId: '229380' })).toMatchObject({
    results: [{}, {}],
  });
  expect(call('getConfluenceContentAncestors', 'viewer', { contentId: '229382' })).toMatchObject({
    results: [{ id: '229380', type: 'folder' }],
  });
  const open = call('listConfluenceComments', 'viewer', {
    'content-id': GUIDE,
    'comment-type': 'inline',
    'resolution-status': ['open'],
  }) as { results: { id: string }[] };
  expect(open.results).toHaveLength(1);
  expect(call('listConfluenceComments', 'viewer', { 'content-id': GUIDE })).toMatchObject({ results: [{}] });
  const top = open.results[0]?.id ?? '';
  expect(call('getConfluenceComment', 'viewer', { commentId: top, includeReplies: true })).toMatchObject({
    replies: [{ body: { atlas_doc_format: {} } }],
  });
  expect(call('getConfluenceComment', 'viewer', { commentId: top })).not.toHaveProperty('replies');
  expect(store.contentComments.size).toBeGreaterThan(0);
});

it('lists and reads attachments, versions, diffs, restrictions and tasks', () => {
  const { call } = operationSite();
  expect(call('listConfluenceAttachments', 'viewer', { contentId: GUIDE })).toMatchObject({
    results: [{ id: 'att400001' }],
  });
  expect(call('getConfluenceAttachment', 'viewer', { attachmentId: 'att400001' })).toMatchObject({
    title: 'checkout-flow.txt',
  });
  expect(call('downloadConfluenceAttachment', 'viewer', { attachmentId: 'att400001' })).toMatchObject({
    command: expect.stringContaining("-o 'checkout-flow.txt'") as unknown,
  });
  expect(
    call('listConfluenceContentVersions', 'viewer', { contentId: GUIDE, sort: 'modified-date' }),
  ).toMatchObject({
    results: [{ number: 1 }, { number: 2 }, { number: 3 }],
  });
  expect(call('getConfluenceContentVersion', 'viewer', { contentId: GUIDE, versionNumber: 1 })).toMatchObject(
    {
      body: '## Steps\n\n1. Add items to the cart\n2. Pay',
    },
  );
  expect(
    call('getConfluenceContentVersion', 'viewer', {
      contentId: GUIDE,
      versionNumber: 1,
      content_format: 'adf',
    }),
  ).toMatchObject({
    body: { type: 'doc' },
  });
  expect(
    call('diffConfluenceContentVersions', 'viewer', { contentId: GUIDE, fromVersion: 2, toVersion: 3 }),
  ).toMatchObject({
    added: 2,
    removed: 0,
  });
  expect(call('getConfluenceContentPermissions', 'admin', { contentId: '163842' })).toMatchObject({
    size: 2,
  });
  expect(call('getConfluenceContentRestrictionState', 'admin', { contentId: '163843' })).toMatchObject({
    state: 'EDIT_RESTRICTED',
  });
  const tasks = call('listConfluenceTasks', 'viewer', { status: 'incomplete', contentId: '98310' }) as {
    results: { id: string }[];
  };
  expect(tasks.results).toHaveLength(2);
  expect(call('listConfluenceTasks', 'viewer', { spaceId: '65537' })).toMatchObject({
    results: [{}, {}, {}],
  });
  expect(call('getConfluenceTask', 'viewer', { taskId: tasks.results[0]?.id })).toMatchObject({
    status: 'incomplete',
  });
});
