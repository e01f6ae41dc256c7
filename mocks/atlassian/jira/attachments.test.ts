import { expect, it } from 'vitest';
import { failure, testSite } from '../confluence/test-site.ts';
import {
  addAttachments,
  attachmentContent,
  deleteAttachment,
  getAttachment,
  MAX_ATTACHMENT_BYTES,
  prepareAttachmentDownload,
  prepareAttachmentUpload,
} from './attachments.ts';
import { listChangelogs } from './changelog.ts';
import { getIssue } from './issues.ts';

const file = (name: string, text: string) => ({
  name,
  type: 'text/plain',
  bytes: new TextEncoder().encode(text),
});

it('reads attachment metadata and content as whoever sees the issue does', async () => {
  const { store, actor } = testSite();
  expect(getAttachment(store, actor('viewer'), '10000')).toMatchObject({
    filename: 'checkout-trace.log',
    mimeType: 'text/plain',
    size: 63,
    author: { displayName: 'Max Member' },
  });
  const res = attachmentContent(store, actor('viewer'), '10000');
  expect(res.headers.get('content-disposition')).toBe('attachment; filename="checkout-trace.log"');
  expect(await res.text()).toContain('rounded=10.00');
  expect(getIssue(store, actor('viewer'), 'DEMO-4', { fields: ['attachment'] }).fields.attachment).toEqual([
    getAttachment(store, actor('viewer'), '10000'),
  ]);
  const message = (id: string) =>
    `The attachment with id '${id}' does not exist or you do not have permission to see it.`;
  expect(failure(() => getAttachment(store, actor('viewer'), '10002'))).toEqual({
    status: 404,
    body: { errorMessages: [message('10002')], errors: {} },
  });
  expect(failure(() => getAttachment(store, actor('viewer'), '99999')).body).toEqual({
    errorMessages: [message('99999')],
    errors: {},
  });
});

it('answers a download with a short-lived URL and a curl command, not the bytes', () => {
  const { store, actor } = testSite();
  const d = prepareAttachmentDownload(store, actor('viewer'), '10000');
  expect(d.downloadUrl).toMatch(
    /^https:\/\/acme-conformance\.atlassian\.net\/rest\/api\/3\/attachment\/content\/10000\?redirect=false&token=[\w-]{32}$/,
  );
  expect(d.command).toBe(`curl -sSfL -o 'checkout-trace.log' '${d.downloadUrl}'`);
  expect(d.expiresAt).toBe('2026-10-01T12:10:00.000Z');
  const token = new URL(d.downloadUrl).searchParams.get('token') ?? '';
  expect(store.transfers.redeem(token, 'download', 'jira', '10000', store.now())?.accountId).toBe(
    actor('viewer').accountId,
  );
  expect(store.transfers.redeem(token, 'download', 'jira', '10001', store.now())).toBeUndefined();
  expect(
    store.transfers.redeem(token, 'download', 'jira', '10000', new Date('2026-10-01T12:10:00.000Z')),
  ).toBeUndefined();
  expect(failure(() => prepareAttachmentDownload(store, actor('viewer'), '10002')).status).toBe(404);
});

it('prepares an upload for callers who may attach, and stores uploaded files with history', () => {
  const { store, actor } = testSite();
  const u = prepareAttachmentUpload(store, actor('member'), 'SBX-1', "./my notes's.txt");
  expect(u.command).toBe(
    `curl -sSf -X POST -H 'X-Atlassian-Token: no-check' -F 'file=@./my notes'\\''s.txt' '${u.uploadUrl}'`,
  );
  expect(failure(() => prepareAttachmentUpload(store, actor('viewer'), 'SBX-1'))).toEqual({
    status: 403,
    body: { errorMessages: ['You do not have permission to create attachments for this issue.'], errors: {} },
  });
  const [added] = addAttachments(store, actor('member'), 'SBX-1', [file('notes.txt', 'hello')]);
  expect(added).toMatchObject({ id: '10003', filename: 'notes.txt', size: 5 });
  expect(listChangelogs(store, actor('member'), 'SBX-1').values.at(-1)?.items).toEqual([
    {
      field: 'Attachment',
      fieldtype: 'jira',
      fieldId: 'attachment',
      from: null,
      fromString: null,
      to: '10003',
      toString: 'notes.txt',
    },
  ]);
  expect(failure(() => addAttachments(store, actor('member'), 'SBX-1', [])).status).toBe(400);
  const big = { name: 'big.bin', type: '', bytes: new Uint8Array(MAX_ATTACHMENT_BYTES + 1) };
  expect(failure(() => addAttachments(store, actor('member'), 'SBX-1', [big])).status).toBe(413);
});

it('deletes an attachment for its author or for whoever may delete all', () => {
  const { store, actor } = testSite();
  expect(failure(() => deleteAttachment(store, actor('outsider'), '10000'))).toEqual({
    status: 403,
    body: { errorMessages: ['You do not have permission to delete this attachment.'], errors: {} },
  });
  deleteAttachment(store, actor('member'), '10000');
  expect(failure(() => getAttachment(store, actor('member'), '10000')).status).toBe(404);
  deleteAttachment(store, actor('admin'), '10001');
  const history = listChangelogs(store, actor('admin'), 'OPS-2').values.flatMap((v) => v.items);
  expect(history.find((i) => i.field === 'Attachment')).toMatchObject({
    from: '10001',
    fromString: 'pager-export.csv',
    to: null,
  });
});
