import { adfToPlainText } from '../../../lib/content/index.ts';
import { confluenceError } from '../errors.ts';
import type { Actor } from '../jira/access.ts';
import type { SiteStore } from '../store.ts';
import type { ConfluenceComment, Page } from '../entities/confluence.ts';
import { canEditSpace, pageNotFound, spaceOf, visibleComment, visiblePage } from './access.ts';
import { parseWriteBody } from './body.ts';
import { type CursorRequest, cursorPage } from './paging.ts';
import { type BodyFormat, renderComment } from './render.ts';

/**
 * Footer and inline comments (Confluence REST v2). A top-level comment anchors on a page; a reply
 * names its parent comment and lands on the same page. Whoever may edit the space may comment;
 * a page the caller cannot view, or cannot comment on, is a 404 (jira-semantics.md part B).
 */

export type CommentKind = ConfluenceComment['kind'];

export const CANNOT_COMMENT = 'You do not have permission to comment on this page';

export interface CommentListQuery extends CursorRequest {
  sort?: string | undefined;
  status?: readonly string[] | undefined;
  bodyFormat?: BodyFormat | undefined;
  /** Inline comments only: `open`, `resolved` (several allowed). */
  resolutionStatus?: readonly string[] | undefined;
}

const SORTS: Record<string, (a: ConfluenceComment, b: ConfluenceComment) => number> = {
  'created-date': (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || Number(a.id) - Number(b.id),
  'modified-date': (a, b) =>
    a.version.createdAt.getTime() - b.version.createdAt.getTime() || Number(a.id) - Number(b.id),
};

function sorter(sort: string | undefined) {
  const s = sort ?? 'created-date';
  const desc = s.startsWith('-');
  const by = SORTS[desc ? s.slice(1) : s];
  if (!by) throw confluenceError(400, 'INVALID_REQUEST_PARAMETER', `Invalid value for sort: ${s}`);
  return desc ? (a: ConfluenceComment, b: ConfluenceComment) => by(b, a) : by;
}

export type CommentRender<R> = (c: ConfluenceComment) => R;

function listed<R>(
  store: SiteStore,
  comments: ConfluenceComment[],
  q: CommentListQuery,
  path: string,
  render: CommentRender<R>,
) {
  const statuses = q.status?.length ? q.status : ['current'];
  const open = (c: ConfluenceComment) => c.resolutionStatus ?? 'open';
  const kept = comments
    .filter(() => statuses.includes('current'))
    .filter((c) => c.kind !== 'inline' || !q.resolutionStatus?.length || q.resolutionStatus.includes(open(c)))
    .sort(sorter(q.sort));
  const query = {
    sort: q.sort,
    status: q.status?.join(','),
    'resolution-status': q.resolutionStatus?.join(','),
    'body-format': q.bodyFormat,
  };
  return cursorPage(store, kept, q, path, query, render);
}

/**
 * `GET /pages/{id}/footer-comments` and `/inline-comments`: the page's top-level comments of that
 * kind, cursor-paged; `render` defaults to the v2 shape with the `body-format` asked for.
 */
export function listPageComments<R = ReturnType<typeof renderComment>>(
  store: SiteStore,
  actor: Actor,
  pageId: string,
  kind: CommentKind,
  q: CommentListQuery = {},
  render?: CommentRender<R>,
) {
  const page = visiblePage(store, actor, pageId);
  const comments = [...store.contentComments.values()].filter(
    (c) => c.pageId === page.id && c.kind === kind && c.parentCommentId === null,
  );
  const kindPath = page.contentType === 'blogpost' ? 'blogposts' : 'pages';
  const path = `/wiki/api/v2/${kindPath}/${page.id}/${kind}-comments`;
  return listed(store, comments, q, path, render ?? ((c) => renderComment(store, c, q.bodyFormat) as R));
}

/** `GET /footer-comments/{id}/children` and `/inline-comments/{id}/children`: direct replies. */
export function listCommentChildren<R = ReturnType<typeof renderComment>>(
  store: SiteStore,
  actor: Actor,
  commentId: string,
  kind: CommentKind,
  q: CommentListQuery = {},
  render?: CommentRender<R>,
) {
  const parent = visibleComment(store, actor, commentId, kind);
  const replies = [...store.contentComments.values()].filter((c) => c.parentCommentId === parent.id);
  const path = `/wiki/api/v2/${kind}-comments/${parent.id}/children`;
  return listed(store, replies, q, path, render ?? ((c) => renderComment(store, c, q.bodyFormat) as R));
}

/** `GET /footer-comments/{id}` and `/inline-comments/{id}`. */
export function getComment(
  store: SiteStore,
  actor: Actor,
  id: string,
  kind: CommentKind,
  bodyFormat?: BodyFormat,
) {
  return renderComment(store, visibleComment(store, actor, id, kind), bodyFormat);
}

export interface InlineSelection {
  textSelection: string;
  textSelectionMatchCount: number;
  textSelectionMatchIndex: number;
}

function record(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : undefined;
}

function idField(b: Record<string, unknown>, name: string): string | undefined {
  const v = b[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  throw confluenceError(400, 'INVALID_REQUEST_PARAMETER', `${name} must be a string`);
}

function occurrences(text: string, needle: string): number {
  let count = 0;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + needle.length)) count += 1;
  return count;
}

/** The selection must name text on the page, how often it occurs, and which occurrence is meant. */
function checkSelection(page: Page, raw: unknown): InlineSelection {
  const s = record(raw);
  const bad = (title: string) => confluenceError(400, 'INVALID_REQUEST_PARAMETER', title);
  if (!s) throw bad('inlineCommentProperties are required for a top-level inline comment');
  const { textSelection, textSelectionMatchCount, textSelectionMatchIndex } = s;
  if (typeof textSelection !== 'string' || textSelection === '')
    throw bad('inlineCommentProperties.textSelection must be the non-empty text being commented on');
  const count = occurrences(adfToPlainText(page.body), textSelection);
  if (count === 0) throw bad(`The text selection "${textSelection}" was not found on the page`);
  if (textSelectionMatchCount !== count)
    throw bad(
      `inlineCommentProperties.textSelectionMatchCount must be ${count}: the selection occurs ${count} time(s)`,
    );
  if (
    typeof textSelectionMatchIndex !== 'number' ||
    !Number.isInteger(textSelectionMatchIndex) ||
    textSelectionMatchIndex < 0 ||
    textSelectionMatchIndex >= count
  )
    throw bad(`inlineCommentProperties.textSelectionMatchIndex must be between 0 and ${count - 1}`);
  return { textSelection, textSelectionMatchCount: count, textSelectionMatchIndex };
}

/** Validates and stores a comment or reply; returns the stored comment. */
export function createCommentRecord(
  store: SiteStore,
  actor: Actor,
  kind: CommentKind,
  raw: unknown,
): ConfluenceComment {
  const b = record(raw) ?? {};
  const parentCommentId = idField(b, 'parentCommentId');
  const pageId = idField(b, 'pageId') ?? idField(b, 'blogPostId');
  for (const other of ['attachmentId', 'customContentId'])
    if (idField(b, other) !== undefined)
      throw confluenceError(404, 'NOT_FOUND', `No content was found for ${other} ${String(b[other])}`);
  let page: Page;
  let parent: ConfluenceComment | undefined;
  if (parentCommentId !== undefined) {
    parent = visibleComment(store, actor, parentCommentId, kind);
    page = visiblePage(store, actor, parent.pageId);
    if (pageId !== undefined && pageId !== page.id)
      throw confluenceError(400, 'INVALID_REQUEST_PARAMETER', 'The parent comment is on another page');
  } else if (pageId !== undefined) {
    page = visiblePage(store, actor, pageId);
    // Folders, whiteboards and databases take no comments here.
    if (page.contentType !== 'page' && page.contentType !== 'blogpost') throw pageNotFound();
  } else {
    throw confluenceError(
      400,
      'INVALID_REQUEST_PARAMETER',
      'One of pageId, blogPostId or parentCommentId is required',
    );
  }
  if (!canEditSpace(store, actor, spaceOf(store, page)))
    throw confluenceError(404, 'NOT_FOUND', CANNOT_COMMENT);
  const inline = kind === 'inline' && !parent ? checkSelection(page, b.inlineCommentProperties) : undefined;
  const body = parseWriteBody(b.body);
  const now = store.now();
  const authorId = actor.accountId ?? '';
  const comment: ConfluenceComment = {
    id: store.nextId('contentCommentId'),
    kind,
    pageId: page.id,
    parentCommentId: parent?.id ?? null,
    body,
    authorId,
    createdAt: now,
    version: { number: 1, message: '', minorEdit: false, authorId, createdAt: now },
    ...(kind === 'inline' ? { resolutionStatus: 'open' as const } : {}),
    ...(inline ? { inlineProperties: inline } : {}),
  };
  store.contentComments.set(comment.id, comment);
  return comment;
}

/** `POST /footer-comments` / `POST /inline-comments` → 201 with the comment. */
export function createComment(store: SiteStore, actor: Actor, kind: CommentKind, raw: unknown) {
  const comment = createCommentRecord(store, actor, kind, raw);
  const sent = record(record(raw)?.body)?.representation;
  return renderComment(store, comment, sent === 'atlas_doc_format' ? 'atlas_doc_format' : 'storage');
}
