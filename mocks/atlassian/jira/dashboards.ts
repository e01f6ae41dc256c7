import { jiraError } from '../errors.ts';
import type { SiteStore } from '../store.ts';
import { jiraApiBase } from '../urls.ts';
import type { Actor } from './access.ts';
import type { Dashboard } from './extras.ts';
import { canSeeShared, offsetPage, renderShares } from './shares.ts';
import { renderUserRef } from './users.ts';

export function renderDashboard(store: SiteStore, d: Dashboard, viewer: Actor) {
  return {
    id: d.id,
    isFavourite: false,
    name: d.name,
    description: d.description,
    owner: renderUserRef(store, d.ownerId, viewer),
    popularity: 0,
    self: `${jiraApiBase(store)}/dashboard/${d.id}`,
    sharePermissions: renderShares(store, d.shares),
    view: `https://${store.site.host}/jira/dashboards/${d.id}`,
  };
}

export interface DashboardList {
  /** `my`: owned by the caller; `favourite`: none (the fake site keeps no favourites). */
  filter?: 'my' | 'favourite' | undefined;
  startAt?: number | undefined;
  maxResults?: number | undefined;
}

function visible(store: SiteStore, actor: Actor): Dashboard[] {
  return [...store.jiraExtras.dashboards.values()]
    .filter((d) => canSeeShared(store, actor, d))
    .sort((a, b) => a.name.localeCompare(b.name) || Number(a.id) - Number(b.id));
}

/** `GET /rest/api/3/dashboard`: the dashboards the caller may see (max 1000 a page). */
export function listDashboards(store: SiteStore, actor: Actor, q: DashboardList = {}) {
  const all = visible(store, actor).filter(
    (d) => q.filter === undefined || (q.filter === 'my' && d.ownerId === actor.accountId),
  );
  const page = offsetPage(all, q.startAt, q.maxResults ?? 20, 1000, (d) => renderDashboard(store, d, actor));
  return { startAt: page.startAt, maxResults: page.maxResults, total: page.total, dashboards: page.values };
}

/** `GET /rest/api/3/dashboard/{id}`; a dashboard the caller may not see is a 404 like a missing one. */
export function getDashboard(store: SiteStore, actor: Actor, id: string) {
  const d = store.jiraExtras.dashboards.get(id);
  if (!d || !canSeeShared(store, actor, d))
    throw jiraError(404, [`The dashboard with id '${id}' does not exist.`]);
  return renderDashboard(store, d, actor);
}
