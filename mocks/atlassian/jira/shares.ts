import type { SiteStore } from '../store.ts';
import { type Actor, holds } from './access.ts';
import type { Share } from './extras.ts';

/**
 * Who sees a saved filter or dashboard: its owner, and whoever one of its share permissions admits
 * (`project`: those who browse the project; `group`; `user`; `authenticated`: every signed-in user).
 * Deactivated and anonymous callers see nothing shared.
 */
export function canSeeShared(
  store: SiteStore,
  actor: Actor,
  item: { ownerId: string; shares: readonly Share[] },
): boolean {
  const user = actor.accountId === null ? undefined : store.users.get(actor.accountId);
  if (!user?.active) return false;
  if (item.ownerId === user.accountId) return true;
  return item.shares.some((s) => {
    switch (s.type) {
      case 'authenticated':
        return true;
      case 'group':
        return user.groups.has(s.group);
      case 'user':
        return s.accountId === user.accountId;
      case 'project': {
        const project = store.projects.get(s.projectId);
        return project !== undefined && holds(store, user.accountId, project, 'BROWSE_PROJECTS');
      }
    }
  });
}

export function renderShares(store: SiteStore, shares: readonly Share[]) {
  return shares.map((s) => {
    switch (s.type) {
      case 'authenticated':
        return { type: 'authenticated' };
      case 'group':
        return { type: 'group', group: { name: s.group } };
      case 'user':
        return { type: 'user', user: { accountId: s.accountId } };
      case 'project': {
        const p = store.projects.get(s.projectId);
        return { type: 'project', project: { id: s.projectId, key: p?.key ?? '', name: p?.name ?? '' } };
      }
    }
  });
}

/** Jira's offset page of `values` (`startAt`, `maxResults` capped at `max`, `total`, `isLast`). */
export function offsetPage<T, R>(
  items: readonly T[],
  startAt: number | undefined,
  maxResults: number | undefined,
  max: number,
  render: (item: T) => R,
) {
  const from = Math.max(0, startAt ?? 0);
  const size = Math.max(1, Math.min(maxResults ?? 50, max));
  const values = items.slice(from, from + size).map(render);
  return {
    startAt: from,
    maxResults: size,
    total: items.length,
    isLast: from + values.length >= items.length,
    values,
  };
}
