import { jiraError } from '../errors.ts';
import type { SiteStore } from '../store.ts';
import type { Issue } from '../entities/jira.ts';
import { downloadCommand, fileResponse, uploadCommand } from '../transfers.ts';
import { jiraApiBase, siteUrl } from '../urls.ts';
import { type Actor, canSeeIssue, holds, projectOf, visibleIssue } from './access.ts';
import { jiraDateTime } from './dates.ts';
import type { Attachment } from './extras.ts';
import { renderUserRef } from './users.ts';

/**
 * Issue attachments. Reads follow the issue's visibility; adding takes Create attachments, deleting
 * Delete own (or all) attachments. Transfers go through short-lived URLs on the site (transfers.ts):
 * Rovo hands out a `curl` command for them, never the bytes.
 */

/** Jira Cloud's default attachment size limit. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export const attachmentNotFound = (id: string) =>
  jiraError(404, [`The attachment with id '${id}' does not exist or you do not have permission to see it.`]);

export function renderAttachment(store: SiteStore, a: Attachment, viewer: Actor) {
  return {
    self: `${jiraApiBase(store)}/attachment/${a.id}`,
    id: a.id,
    filename: a.filename,
    author: renderUserRef(store, a.authorId, viewer),
    created: jiraDateTime(a.created),
    size: a.content.byteLength,
    mimeType: a.mimeType,
    content: `${jiraApiBase(store)}/attachment/content/${a.id}`,
  };
}

/** The issue's attachments, oldest first: the read-only `attachment` field. */
export function issueAttachments(store: SiteStore, issue: Issue, viewer: Actor) {
  return [...store.jiraExtras.attachments.values()]
    .filter((a) => a.issueId === issue.id)
    .map((a) => renderAttachment(store, a, viewer));
}

/** An attachment on an issue the caller can see; the same 404 whether it is missing or hidden. */
export function visibleAttachment(
  store: SiteStore,
  actor: Actor,
  id: string,
): { a: Attachment; issue: Issue } {
  const a = store.jiraExtras.attachments.get(id);
  const issue = a ? store.issues.get(a.issueId) : undefined;
  if (!a || !issue || !canSeeIssue(store, actor, issue)) throw attachmentNotFound(id);
  return { a, issue };
}

/** `GET /rest/api/3/attachment/{id}`: the metadata. */
export function getAttachment(store: SiteStore, actor: Actor, id: string) {
  return renderAttachment(store, visibleAttachment(store, actor, id).a, actor);
}

/** `GET /rest/api/3/attachment/content/{id}`: the file itself, served as `redirect=false` would. */
export function attachmentContent(store: SiteStore, actor: Actor, id: string): Response {
  const { a } = visibleAttachment(store, actor, id);
  return fileResponse(a.content, a.mimeType, a.filename);
}

/** A ticket to fetch the file without a credential, and the command that does it. */
export function prepareAttachmentDownload(store: SiteStore, actor: Actor, id: string) {
  const { a } = visibleAttachment(store, actor, id);
  const ticket = store.transfers.issue('download', 'jira', a.id, actor.accountId ?? '', store.now());
  const url = `${siteUrl(store)}/rest/api/3/attachment/content/${a.id}?redirect=false&token=${ticket.token}`;
  return {
    attachment: renderAttachment(store, a, actor),
    downloadUrl: url,
    expiresAt: ticket.expiresAt.toISOString(),
    command: downloadCommand(url, a.filename),
  };
}

function attachable(store: SiteStore, actor: Actor, idOrKey: string): Issue {
  const issue = visibleIssue(store, actor, idOrKey);
  if (!holds(store, actor.accountId, projectOf(store, issue), 'CREATE_ATTACHMENTS'))
    throw jiraError(403, ['You do not have permission to create attachments for this issue.']);
  return issue;
}

/** A ticket to upload to the issue without a credential, and the `curl` command for a local file. */
export function prepareAttachmentUpload(
  store: SiteStore,
  actor: Actor,
  idOrKey: string,
  localPath = './file',
) {
  const issue = attachable(store, actor, idOrKey);
  const ticket = store.transfers.issue('upload', 'jira', issue.id, actor.accountId ?? '', store.now());
  const url = `${siteUrl(store)}/rest/api/3/issue/${issue.key}/attachments?token=${ticket.token}`;
  return {
    issueKey: issue.key,
    uploadUrl: url,
    expiresAt: ticket.expiresAt.toISOString(),
    command: uploadCommand(url, localPath),
  };
}

/** One file of a multipart upload. */
export interface UploadedFile {
  name: string;
  type: string;
  bytes: Uint8Array;
}

/**
 * `POST /rest/api/3/issue/{key}/attachments` (multipart, `X-Atlassian-Token: no-check`) → 200 with the
 * new attachments. Each file is one history entry.
 */
export function addAttachments(
  store: SiteStore,
  actor: Actor,
  idOrKey: string,
  files: readonly UploadedFile[],
) {
  const issue = attachable(store, actor, idOrKey);
  if (files.length === 0) throw jiraError(400, ['No file was sent: use the multipart part named "file".']);
  const tooBig = files.find((f) => f.bytes.byteLength > MAX_ATTACHMENT_BYTES);
  if (tooBig)
    throw jiraError(413, [
      `The file '${tooBig.name}' is larger than the limit of ${MAX_ATTACHMENT_BYTES} bytes.`,
    ]);
  const now = store.now();
  const added = files.map((f) => {
    const a: Attachment = {
      id: store.jiraExtras.nextId('attachment'),
      issueId: issue.id,
      filename: f.name,
      mimeType: f.type || 'application/octet-stream',
      authorId: actor.accountId ?? '',
      created: now,
      content: f.bytes,
    };
    store.jiraExtras.attachments.set(a.id, a);
    store.jiraExtras.record(issue.id, actor.accountId, now, [
      {
        field: 'Attachment',
        fieldtype: 'jira',
        fieldId: 'attachment',
        from: null,
        fromString: null,
        to: a.id,
        toString: a.filename,
      },
    ]);
    return renderAttachment(store, a, actor);
  });
  store.touchIssue(issue, actor.accountId);
  return added;
}

/** `DELETE /rest/api/3/attachment/{id}` → 204: the author with Delete own attachments, or Delete all. */
export function deleteAttachment(store: SiteStore, actor: Actor, id: string): void {
  const { a, issue } = visibleAttachment(store, actor, id);
  const project = projectOf(store, issue);
  const own =
    a.authorId === actor.accountId && holds(store, actor.accountId, project, 'DELETE_OWN_ATTACHMENTS');
  if (!own && !holds(store, actor.accountId, project, 'DELETE_ALL_ATTACHMENTS'))
    throw jiraError(403, ['You do not have permission to delete this attachment.']);
  store.jiraExtras.attachments.delete(a.id);
  store.jiraExtras.record(issue.id, actor.accountId, store.now(), [
    {
      field: 'Attachment',
      fieldtype: 'jira',
      fieldId: 'attachment',
      from: a.id,
      fromString: a.filename,
      to: null,
      toString: null,
    },
  ]);
  store.touchIssue(issue, actor.accountId);
}
