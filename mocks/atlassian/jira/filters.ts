import { jiraError } from '../errors.ts';
import type { SiteStore } from '../store.ts';
import { jiraApiBase } from '../urls.ts';
import type { Actor } from './access.ts';
import type { Filter } from './extras.ts';
import { canSeeShared, offsetPage, renderShares } from './shares.ts';
import { renderUserRef } from './users.ts';

/** Jira's 400 for a filter that is missing or not shared with the caller (the two are one answer). */
export const FILTER_NOT_FOUND =
  'The selected filter is not available to you, perhaps it has been deleted or had its permissions changed.';

export function renderFilter(store: SiteStore, f: Filter, viewer: Actor) {
  return {
    self: `${jiraApiBase(store)}/filter/${f.id}`,
    id: f.id,
    name: f.name,
    description: f.description,
    owner: renderUserRef(store, f.ownerId, viewer),
    jql: f.jql,
    viewUrl: `https://${store.site.host}/issues/?filter=${f.id}`,
    searchUrl: `${jiraApiBase(store)}/search/jql?jql=${encodeURIComponent(f.jql)}`,
    favourite: false,
    sharePermissions: renderShares(store, f.shares),
  };
}

/** A filter the caller may see; one they may not is answered like a missing one. */
export function visibleFilter(store: SiteStore, actor: Actor, id: string): Filter {
  const f = store.jiraExtras.filters.get(id);
  if (!f || !canSeeShared(store, actor, f)) throw jiraError(400, [FILTER_NOT_FOUND]);
  return f;
}

export function getFilter(store: SiteStore, actor: Actor, id: string) {
  return renderFilter(store, visibleFilter(store, actor, id), actor);
}

export interface FilterSearch {
  filterName?: string | undefined;
  accountId?: string | undefined;
  startAt?: number | undefined;
  maxResults?: number | undefined;
}

/** `GET /rest/api/3/filter/search`: visible filters, name containing `filterName`, by name. */
export function searchFilters(store: SiteStore, actor: Actor, q: FilterSearch = {}) {
  const name = q.filterName?.toLowerCase() ?? '';
  const matching = [...store.jiraExtras.filters.values()]
    .filter((f) => canSeeShared(store, actor, f))
    .filter((f) => f.name.toLowerCase().includes(name))
    .filter((f) => q.accountId === undefined || f.ownerId === q.accountId)
    .sort((a, b) => a.name.localeCompare(b.name) || Number(a.id) - Number(b.id));
  return {
    self: `${jiraApiBase(store)}/filter/search`,
    ...offsetPage(matching, q.startAt, q.maxResults, 100, (f) => renderFilter(store, f, actor)),
  };
}
