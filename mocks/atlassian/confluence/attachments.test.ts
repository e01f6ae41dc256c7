import { expect, it } from 'vitest';
import {
  addWikiAttachments,
  getWikiAttachment,
  listAttachments,
  prepareWikiDownload,
  prepareWikiUpload,
  wikiAttachmentContent,
} from './attachments.ts';
import { failure, testSite, v2Title } from './test-site.ts';

const file = (name: string, text = 'x') => ({
  name,
  type: 'text/plain',
  bytes: new TextEncoder().encode(text),
});

it('lists and reads attachments of content the caller may view', async () => {
  const { store, actor } = testSite();
  const list = listAttachments(store, actor('viewer'), '229378');
  expect(list.results).toMatchObject([
    { id: 'att400001', title: 'checkout-flow.txt', fileSize: 27, pageId: '229378' },
  ]);
  expect(listAttachments(store, actor('viewer'), '229378', { filename: 'nope' }).results).toEqual([]);
  expect(getWikiAttachment(store, actor('viewer'), 'att400002')).toMatchObject({
    mediaType: 'text/csv',
    downloadLink: '/wiki/rest/api/content/229379/child/attachment/att400002/download',
  });
  expect(await wikiAttachmentContent(store, actor('viewer'), 'att400001').text()).toBe(
    'cart -> payment -> receipt\n',
  );
  expect(failure(() => getWikiAttachment(store, actor('viewer'), 'att1')).status).toBe(404);
  expect(v2Title(failure(() => listAttachments(store, actor('viewer'), '229380')).body)).toBe(
    'A folder holds no attachments',
  );
});

it('answers download and upload with short-lived URLs and curl commands', () => {
  const { store, actor } = testSite();
  const d = prepareWikiDownload(store, actor('viewer'), 'att400001');
  expect(d.downloadUrl).toMatch(
    /^https:\/\/acme-conformance\.atlassian\.net\/wiki\/rest\/api\/content\/229378\/child\/attachment\/att400001\/download\?token=[\w-]{32}$/,
  );
  expect(d.command).toBe(`curl -sSfL -o 'checkout-flow.txt' '${d.downloadUrl}'`);
  const u = prepareWikiUpload(store, actor('member'), '229378', 'diagram.png');
  expect(u.command).toContain(`-F 'file=@diagram.png' '${u.uploadUrl}'`);
  expect(failure(() => prepareWikiUpload(store, actor('viewer'), '229378')).status).toBe(403);
});

it('stores uploaded files, refusing a name already on the content and empty uploads', () => {
  const { store, actor } = testSite();
  const added = addWikiAttachments(store, actor('member'), '229378', [file('notes.txt', 'hello')]);
  expect(added).toMatchObject({ size: 1, results: [{ id: 'att400003', title: 'notes.txt', fileSize: 5 }] });
  expect(
    v2Title(failure(() => addWikiAttachments(store, actor('member'), '229378', [file('notes.txt')])).body),
  ).toBe('Cannot add a new attachment with same file name as an existing attachment: notes.txt');
  expect(failure(() => addWikiAttachments(store, actor('member'), '229378', [])).status).toBe(400);
  expect(
    failure(() => addWikiAttachments(store, actor('member'), '229378', [file('a.txt'), file('a.txt')]))
      .status,
  ).toBe(400);
});
