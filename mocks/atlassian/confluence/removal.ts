import { z } from 'zod';
import { confluenceError } from '../errors.ts';
import type { Actor } from '../jira/access.ts';
import type { SiteStore } from '../store.ts';
import {
  canEditPage,
  canEditSpace,
  canViewSpace,
  pageNotFound,
  spaceOf,
  visiblePage,
  visibleSpace,
} from './access.ts';

export const CANNOT_DELETE = 'You do not have permission to delete this page';

/**
 * `DELETE /wiki/api/v2/pages/{id}`: a current page goes to the trash (its children move up to its
 * parent); `?purge=true` removes a trashed page for good. The mock lets whoever may edit the page delete
 * it and whoever may edit the space purge it (Confluence's separate delete and purge permissions are
 * not modelled); its comments go with it.
 */
export function deletePage(store: SiteStore, actor: Actor, id: string, purge: boolean): void {
  if (purge) {
    // Trashed pages are invisible to every other route; purging reaches them through their space.
    const page = store.pages.get(id);
    if (!page || !canViewSpace(store, actor, spaceOf(store, page))) throw pageNotFound();
    if (page.status !== 'trashed')
      throw confluenceError(400, 'INVALID_REQUEST_PARAMETER', 'Only a trashed page can be purged');
    if (!canEditSpace(store, actor, spaceOf(store, page)))
      throw confluenceError(403, 'FORBIDDEN', CANNOT_DELETE);
    store.pages.delete(page.id);
    for (const [cid, c] of store.contentComments) if (c.pageId === page.id) store.contentComments.delete(cid);
    return;
  }
  const page = visiblePage(store, actor, id);
  if (!canEditPage(store, actor, page)) throw confluenceError(403, 'FORBIDDEN', CANNOT_DELETE);
  for (const child of store.pages.values()) if (child.parentId === page.id) child.parentId = page.parentId;
  page.status = 'trashed';
}

/** `POST /wiki/rest/api/content/{id}/label` (v1): adds global labels; answers the page's labels. */
export function addPageLabels(store: SiteStore, actor: Actor, id: string, raw: unknown) {
  const page = visiblePage(store, actor, id);
  if (!canEditPage(store, actor, page))
    throw confluenceError(403, 'FORBIDDEN', 'You do not have permission to label this page');
  const items = Array.isArray(raw) ? raw : [raw];
  for (const item of items) {
    const name = z.object({ name: z.string() }).safeParse(item).data?.name ?? '';
    if (!/^[^\s:]{1,255}$/.test(name))
      throw confluenceError(400, 'INVALID_REQUEST_PARAMETER', `Invalid label name: "${name}"`);
    if (!page.labels.includes(name)) page.labels.push(name);
  }
  return {
    results: page.labels.map((name) => ({ prefix: 'global', name, id: name, label: name })),
    size: page.labels.length,
  };
}

/** `GET /wiki/api/v2/spaces/{id}/operations`: what the caller may do in a space (read, create pages). */
export function spaceOperations(store: SiteStore, actor: Actor, id: string) {
  const space = visibleSpace(store, actor, id);
  const operations = [{ operation: 'read', targetType: 'space' }];
  if (canViewSpace(store, actor, space) && canEditSpace(store, actor, space))
    operations.push({ operation: 'create', targetType: 'page' }, { operation: 'delete', targetType: 'page' });
  return { id: space.id, operations };
}
