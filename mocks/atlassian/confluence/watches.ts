import { confluenceError } from '../errors.ts';
import type { Actor } from '../jira/access.ts';
import type { SiteStore } from '../store.ts';
import { visibleSpace } from './access.ts';
import { visibleContent } from './content.ts';
import type { WatchTarget } from './extras.ts';

/**
 * Watching content, spaces and labels (REST v1 `/user/watch/content/{id}`, `/space/{key}`,
 * `/label/{name}`): each caller watches for themself; content and spaces must be visible to them.
 */

export type WatchKind = 'content' | 'space' | 'label';

function target(store: SiteStore, actor: Actor, kind: WatchKind, ref: string): WatchTarget {
  if (actor.accountId === null) throw confluenceError(401, 'UNAUTHORIZED', 'Only a signed-in user can watch');
  if (kind === 'content') return `content:${visibleContent(store, actor, ref).id}`;
  if (kind === 'space') return `space:${visibleSpace(store, actor, ref).id}`;
  return `label:${ref}`;
}

export function isWatching(store: SiteStore, actor: Actor, kind: WatchKind, ref: string) {
  return { watching: store.wikiExtras.watchers(target(store, actor, kind, ref)).has(actor.accountId ?? '') };
}

export function watch(store: SiteStore, actor: Actor, kind: WatchKind, ref: string): void {
  store.wikiExtras.watchers(target(store, actor, kind, ref)).add(actor.accountId ?? '');
}

export function unwatch(store: SiteStore, actor: Actor, kind: WatchKind, ref: string): void {
  store.wikiExtras.watchers(target(store, actor, kind, ref)).delete(actor.accountId ?? '');
}
