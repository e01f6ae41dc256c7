import { z } from 'zod';
import { confluenceError } from '../errors.ts';
import type { Actor } from '../jira/access.ts';
import type { SiteStore } from '../store.ts';
import { canEditSpace, spaceOf, visibleComment, visiblePage } from './access.ts';
import { parseWriteBody } from './body.ts';
import { versionConflict } from './pages.ts';
import { type BodyFormat, renderComment } from './render.ts';

/**
 * Changing Confluence comments (REST v2 `PUT /footer-comments/{id}`, `PUT /inline-comments/{id}`): the
 * author edits the text, with the version incremented as for pages; top-level inline comments are
 * resolved and reopened by whoever may comment in the space.
 */

export const OWN_COMMENTS_ONLY = 'You can only edit your own comments';

/** A comment of either kind by id (`getConfluenceComment` names no kind). */
export function getCommentById(store: SiteStore, actor: Actor, id: string, bodyFormat?: BodyFormat) {
  return renderComment(store, visibleComment(store, actor, id), bodyFormat);
}

const UpdateSchema = z
  .object({
    version: z.object({ number: z.number().int(), message: z.string().optional() }).loose(),
    body: z.unknown(),
    resolved: z.boolean().optional(),
  })
  .loose();

/** Resolves (or reopens) a top-level inline comment. */
export function setCommentResolution(store: SiteStore, actor: Actor, id: string, resolved: boolean) {
  const comment = visibleComment(store, actor, id);
  if (comment.kind !== 'inline' || comment.parentCommentId !== null)
    throw confluenceError(
      400,
      'INVALID_REQUEST_PARAMETER',
      'Only a top-level inline comment can be resolved or reopened',
    );
  const page = visiblePage(store, actor, comment.pageId);
  if (!canEditSpace(store, actor, spaceOf(store, page)))
    throw confluenceError(403, 'FORBIDDEN', 'You do not have permission to resolve comments on this page');
  comment.resolutionStatus = resolved ? 'resolved' : 'open';
  return renderComment(store, comment, undefined);
}

/** `PUT /{kind}-comments/{id}`: new text as version current + 1; an inline one may also (un)resolve. */
export function updateComment(
  store: SiteStore,
  actor: Actor,
  id: string,
  kind: 'footer' | 'inline',
  raw: unknown,
) {
  const comment = visibleComment(store, actor, id, kind);
  const parsed = UpdateSchema.safeParse(raw ?? {});
  if (!parsed.success)
    throw confluenceError(400, 'INVALID_REQUEST_PARAMETER', 'A comment update needs version.number and body');
  const input = parsed.data;
  if (comment.authorId !== actor.accountId) throw confluenceError(403, 'FORBIDDEN', OWN_COMMENTS_ONLY);
  if (input.version.number !== comment.version.number + 1)
    throw confluenceError(409, 'CONFLICT', versionConflict(comment.version.number));
  const body = parseWriteBody(input.body);
  if (input.resolved !== undefined) setCommentResolution(store, actor, id, input.resolved);
  comment.body = body;
  comment.version = {
    number: input.version.number,
    message: input.version.message ?? '',
    minorEdit: false,
    authorId: actor.accountId,
    createdAt: store.now(),
  };
  const sent = (input.body as { representation?: unknown } | undefined)?.representation;
  return renderComment(store, comment, sent === 'atlas_doc_format' ? 'atlas_doc_format' : 'storage');
}
