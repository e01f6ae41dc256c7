import { z } from 'zod';
import { confluenceError } from '../errors.ts';
import type { Actor } from '../jira/access.ts';
import type { SiteStore } from '../store.ts';
import type { Page } from '../entities/confluence.ts';
import { canEditPage, canEditSpace, spaceOf, visibleSpace } from './access.ts';
import { renderContent, visibleContent } from './content.ts';
import { CANNOT_EDIT, createPageRecord, DUPLICATE_TITLE } from './pages.ts';

/**
 * Archiving, copying and moving content (REST v1 `/content/archive`, `/content/{id}/copy`,
 * `/content/{id}/move/{position}/{targetId}`). Each needs edit permission on the content; copies and
 * moves also on the target space.
 */

function editable(store: SiteStore, actor: Actor, id: string): Page {
  const item = visibleContent(store, actor, id);
  if (!canEditPage(store, actor, item)) throw confluenceError(403, 'FORBIDDEN', CANNOT_EDIT);
  return item;
}

/** Archives current pages and blog posts (one by one, as the REST long task reports them). */
export function archiveContent(store: SiteStore, actor: Actor, ids: readonly string[]) {
  const items = ids.map((id) => editable(store, actor, id));
  for (const item of items)
    if (item.status !== 'current')
      throw confluenceError(
        400,
        'INVALID_REQUEST_PARAMETER',
        `Content ${item.id} is ${item.status}: only current content is archived`,
      );
  for (const item of items) item.status = 'archived';
  return items.map((item) => renderContent(store, item));
}

/** Brings archived content back to current. */
export function unarchiveContent(store: SiteStore, actor: Actor, id: string) {
  const item = editable(store, actor, id);
  if (item.status !== 'archived')
    throw confluenceError(400, 'INVALID_REQUEST_PARAMETER', `Content ${item.id} is not archived`);
  item.status = 'current';
  return renderContent(store, item);
}

const CopySchema = z
  .object({
    destination: z
      .object({ type: z.enum(['space', 'parent_page', 'parent_content']), value: z.string() })
      .loose(),
    pageTitle: z.string().optional(),
    copyLabels: z.boolean().optional(),
  })
  .loose();

/**
 * `POST /content/{id}/copy` → the copy (a page or blog post) at version 1, at the top of a space or
 * under a parent; in the same space it needs a new title, as titles are unique there.
 */
export function copyContent(store: SiteStore, actor: Actor, id: string, raw: unknown) {
  const item = visibleContent(store, actor, id);
  if (item.contentType !== 'page' && item.contentType !== 'blogpost')
    throw confluenceError(400, 'INVALID_REQUEST_PARAMETER', `A ${item.contentType} cannot be copied here`);
  const parsed = CopySchema.safeParse(raw ?? {});
  if (!parsed.success)
    throw confluenceError(
      400,
      'INVALID_REQUEST_PARAMETER',
      'destination {type: space|parent_page|parent_content, value} is required',
    );
  const { destination, pageTitle, copyLabels } = parsed.data;
  const parent = destination.type === 'space' ? undefined : visibleContent(store, actor, destination.value);
  const space = parent ? spaceOf(store, parent) : visibleSpace(store, actor, destination.value);
  const copy = createPageRecord(
    store,
    actor,
    {
      spaceId: space.id,
      title: pageTitle ?? item.title,
      ...(parent ? { parentId: parent.id } : {}),
      body: { representation: 'atlas_doc_format', value: item.body },
    },
    { contentType: item.contentType, rootLevel: parent === undefined },
  );
  if (copyLabels !== false) copy.labels = [...item.labels];
  return renderContent(store, copy);
}

function subtree(store: SiteStore, root: Page): Page[] {
  const out = [root];
  for (let i = 0; i < out.length; i++)
    for (const p of store.pages.values()) if (p.parentId === out[i]?.id) out.push(p);
  return out;
}

/**
 * `PUT /content/{id}/move/{position}/{targetId}`: `append` puts the content under the target,
 * `before`/`after` beside it. Moving into another space takes the subtree along; a page title already
 * used there is refused.
 */
export function moveContent(store: SiteStore, actor: Actor, id: string, position: string, targetId: string) {
  const item = editable(store, actor, id);
  if (item.contentType === 'blogpost')
    throw confluenceError(400, 'INVALID_REQUEST_PARAMETER', 'A blog post has no place in the page tree');
  if (!['append', 'before', 'after'].includes(position))
    throw confluenceError(
      400,
      'INVALID_REQUEST_PARAMETER',
      `position must be append, before or after, not ${position}`,
    );
  const target = visibleContent(store, actor, targetId);
  const targetSpace = spaceOf(store, target);
  if (!canEditSpace(store, actor, targetSpace)) throw confluenceError(403, 'FORBIDDEN', CANNOT_EDIT);
  if (target.contentType === 'blogpost')
    throw confluenceError(
      400,
      'INVALID_REQUEST_PARAMETER',
      'Content cannot be moved next to or under a blog post',
    );
  const parentId = position === 'append' ? target.id : target.parentId;
  const moved = subtree(store, item);
  if (parentId !== null && moved.some((p) => p.id === parentId))
    throw confluenceError(
      400,
      'INVALID_REQUEST_PARAMETER',
      'Content cannot be moved under itself or its descendants',
    );
  if (targetSpace.id !== item.spaceId)
    for (const p of moved) {
      const clash = [...store.pages.values()].some(
        (o) =>
          o.spaceId === targetSpace.id &&
          o.contentType === 'page' &&
          p.contentType === 'page' &&
          o.status === 'current' &&
          o.title.trim().toLowerCase() === p.title.trim().toLowerCase(),
      );
      if (clash) throw confluenceError(400, 'BAD_REQUEST', DUPLICATE_TITLE);
    }
  for (const p of moved) p.spaceId = targetSpace.id;
  item.parentId = parentId;
  return { pageId: item.id };
}
