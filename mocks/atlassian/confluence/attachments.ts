import { confluenceError } from '../errors.ts';
import type { Actor } from '../jira/access.ts';
import type { SiteStore } from '../store.ts';
import type { Page } from '../entities/confluence.ts';
import { downloadCommand, fileResponse, uploadCommand } from '../transfers.ts';
import { siteUrl } from '../urls.ts';
import { canEditPage, canViewPage } from './access.ts';
import { PLURAL, visibleContent } from './content.ts';
import { derivedUuid, type WikiAttachment } from './extras.ts';
import { type CursorRequest, cursorPage } from './paging.ts';

/**
 * Page and blog post attachments: listed and read through REST v2 (`/{type}/{id}/attachments`,
 * `/attachments/{id}`), downloaded and uploaded through v1 (`/content/{id}/child/attachment`) behind
 * short-lived transfer URLs (transfers.ts): Rovo answers both with a `curl` command.
 */

export const MAX_WIKI_ATTACHMENT_BYTES = 100 * 1024 * 1024;
export const attachmentNotFound = () => confluenceError(404, 'NOT_FOUND', 'Attachment not found');

function downloadPath(a: WikiAttachment): string {
  return `/wiki/rest/api/content/${a.pageId}/child/attachment/${a.id}/download`;
}

export function renderWikiAttachment(store: SiteStore, a: WikiAttachment) {
  const page = store.pages.get(a.pageId);
  return {
    id: a.id,
    status: 'current',
    title: a.filename,
    createdAt: a.createdAt.toISOString(),
    ...(page?.contentType === 'blogpost' ? { blogPostId: a.pageId } : { pageId: a.pageId }),
    mediaType: a.mimeType,
    comment: a.comment,
    fileId: a.fileId,
    fileSize: a.content.byteLength,
    webuiLink: `/pages/viewpageattachments.action?pageId=${a.pageId}&preview=${encodeURIComponent(`/${a.pageId}/${a.id}/${a.filename}`)}`,
    downloadLink: downloadPath(a),
    version: {
      number: 1,
      message: '',
      minorEdit: false,
      authorId: a.authorId,
      createdAt: a.createdAt.toISOString(),
    },
    _links: { download: downloadPath(a) },
  };
}

function container(store: SiteStore, actor: Actor, id: string): Page {
  const item = visibleContent(store, actor, id);
  if (item.contentType !== 'page' && item.contentType !== 'blogpost')
    throw confluenceError(400, 'INVALID_REQUEST_PARAMETER', `A ${item.contentType} holds no attachments`);
  return item;
}

/** `GET /{pages|blogposts}/{id}/attachments`: cursor-paged, oldest first; `filename` filters exactly. */
export function listAttachments(
  store: SiteStore,
  actor: Actor,
  id: string,
  q: CursorRequest & { filename?: string | undefined } = {},
) {
  const item = container(store, actor, id);
  const list = [...store.wikiExtras.attachments.values()].filter(
    (a) => a.pageId === item.id && (q.filename === undefined || a.filename === q.filename),
  );
  const path = `/wiki/api/v2/${PLURAL[item.contentType]}/${item.id}/attachments`;
  return cursorPage(store, list, q, path, { filename: q.filename }, (a) => renderWikiAttachment(store, a));
}

/** An attachment on content the caller may view; the same 404 whether it is missing or hidden. */
export function visibleWikiAttachment(store: SiteStore, actor: Actor, id: string): WikiAttachment {
  const a = store.wikiExtras.attachments.get(id);
  const page = a ? store.pages.get(a.pageId) : undefined;
  if (!a || !page || !canViewPage(store, actor, page)) throw attachmentNotFound();
  return a;
}

/** `GET /wiki/api/v2/attachments/{id}`. */
export function getWikiAttachment(store: SiteStore, actor: Actor, id: string) {
  return renderWikiAttachment(store, visibleWikiAttachment(store, actor, id));
}

/** The file itself (v1 download). */
export function wikiAttachmentContent(store: SiteStore, actor: Actor, id: string): Response {
  const a = visibleWikiAttachment(store, actor, id);
  return fileResponse(a.content, a.mimeType, a.filename);
}

/** A ticket to download without a credential, and the `curl` command that does it. */
export function prepareWikiDownload(store: SiteStore, actor: Actor, id: string) {
  const a = visibleWikiAttachment(store, actor, id);
  const ticket = store.transfers.issue('download', 'confluence', a.id, actor.accountId ?? '', store.now());
  const url = `${siteUrl(store)}${downloadPath(a)}?token=${ticket.token}`;
  return {
    attachment: renderWikiAttachment(store, a),
    downloadUrl: url,
    expiresAt: ticket.expiresAt.toISOString(),
    command: downloadCommand(url, a.filename),
  };
}

function attachable(store: SiteStore, actor: Actor, id: string): Page {
  const item = container(store, actor, id);
  if (!canEditPage(store, actor, item))
    throw confluenceError(403, 'FORBIDDEN', 'You do not have permission to add attachments to this content');
  return item;
}

/** A ticket to upload to a page or blog post without a credential, and the `curl` command. */
export function prepareWikiUpload(store: SiteStore, actor: Actor, id: string, localPath = './file') {
  const item = attachable(store, actor, id);
  const ticket = store.transfers.issue('upload', 'confluence', item.id, actor.accountId ?? '', store.now());
  const url = `${siteUrl(store)}/wiki/rest/api/content/${item.id}/child/attachment?token=${ticket.token}`;
  return {
    contentId: item.id,
    uploadUrl: url,
    expiresAt: ticket.expiresAt.toISOString(),
    command: uploadCommand(url, localPath),
  };
}

export interface WikiUpload {
  name: string;
  type: string;
  bytes: Uint8Array;
  comment?: string | undefined;
}

/**
 * `POST /wiki/rest/api/content/{id}/child/attachment` → 200 `{results}`. A file named like one already
 * on the content is refused, as Confluence refuses it on POST.
 */
export function addWikiAttachments(store: SiteStore, actor: Actor, id: string, files: readonly WikiUpload[]) {
  const item = attachable(store, actor, id);
  if (files.length === 0)
    throw confluenceError(
      400,
      'INVALID_REQUEST_PARAMETER',
      'No file was sent: use the multipart part named "file".',
    );
  const existing = new Set(
    [...store.wikiExtras.attachments.values()].filter((a) => a.pageId === item.id).map((a) => a.filename),
  );
  for (const f of files) {
    if (existing.has(f.name))
      throw confluenceError(
        400,
        'INVALID_REQUEST_PARAMETER',
        `Cannot add a new attachment with same file name as an existing attachment: ${f.name}`,
      );
    if (f.bytes.byteLength > MAX_WIKI_ATTACHMENT_BYTES)
      throw confluenceError(413, 'PAYLOAD_TOO_LARGE', `The file ${f.name} is larger than the limit`);
    existing.add(f.name);
  }
  const now = store.now();
  const results = files.map((f) => {
    const attachmentId = store.wikiExtras.nextAttachmentId();
    const a: WikiAttachment = {
      id: attachmentId,
      pageId: item.id,
      filename: f.name,
      mimeType: f.type || 'application/octet-stream',
      authorId: actor.accountId ?? '',
      createdAt: now,
      comment: f.comment ?? '',
      fileId: derivedUuid(attachmentId),
      content: f.bytes,
    };
    store.wikiExtras.attachments.set(a.id, a);
    return renderWikiAttachment(store, a);
  });
  return { results, size: results.length };
}
