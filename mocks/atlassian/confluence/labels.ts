import { confluenceError } from '../errors.ts';
import type { Actor } from '../jira/access.ts';
import type { SiteStore } from '../store.ts';
import type { Page } from '../entities/confluence.ts';
import { wikiBase } from '../urls.ts';
import { canEditPage } from './access.ts';
import { PLURAL, visibleContent } from './content.ts';
import { labelId } from './extras.ts';
import { type CursorRequest, cursorPage } from './paging.ts';

/**
 * Content labels: listed through REST v2 (`/{pages|blogposts}/{id}/labels`) and v1
 * (`/content/{id}/label`), removed through v1. The fake site's labels are all `global`; adding them is
 * removal.ts's `addPageLabels`.
 */

function labelled(store: SiteStore, actor: Actor, id: string): Page {
  const item = visibleContent(store, actor, id);
  if (item.contentType !== 'page' && item.contentType !== 'blogpost')
    throw confluenceError(400, 'INVALID_REQUEST_PARAMETER', `A ${item.contentType} takes no labels`);
  return item;
}

export interface LabelQuery extends CursorRequest {
  /** Only `global` labels exist on the fake site; any other prefix lists none. */
  prefix?: string | undefined;
}

/** `GET /{pages|blogposts}/{id}/labels`: cursor-paged `{id, name, prefix}`. */
export function listContentLabels(store: SiteStore, actor: Actor, id: string, q: LabelQuery = {}) {
  const item = labelled(store, actor, id);
  const names = q.prefix === undefined || q.prefix === 'global' ? item.labels : [];
  const path = `/wiki/api/v2/${PLURAL[item.contentType]}/${item.id}/labels`;
  return cursorPage(store, names, q, path, { prefix: q.prefix }, (name) => ({
    id: labelId(name),
    name,
    prefix: 'global',
  }));
}

/** `GET /wiki/rest/api/content/{id}/label` (v1, offset paging). */
export function listContentLabelsV1(store: SiteStore, actor: Actor, id: string, start = 0, limit = 200) {
  const item = labelled(store, actor, id);
  const results = item.labels
    .slice(start, start + limit)
    .map((name) => ({ prefix: 'global', name, id: labelId(name), label: name }));
  return { results, start, limit, size: results.length, _links: { base: wikiBase(store) } };
}

/** `DELETE /wiki/rest/api/content/{id}/label/{label}` → 204; needs edit permission. */
export function removeContentLabel(store: SiteStore, actor: Actor, id: string, name: string): void {
  const item = labelled(store, actor, id);
  if (!canEditPage(store, actor, item))
    throw confluenceError(403, 'FORBIDDEN', 'You do not have permission to remove labels from this content');
  const index = item.labels.indexOf(name);
  if (index < 0) throw confluenceError(404, 'NOT_FOUND', `The label "${name}" is not on this content`);
  item.labels.splice(index, 1);
}
