import { confluenceError } from '../errors.ts';
import type { Actor } from '../jira/access.ts';
import type { SiteStore } from '../store.ts';
import type { ConfluenceComment, Page, Space } from '../entities/confluence.ts';
import type { User } from '../entities/people.ts';

/**
 * Confluence space permissions, reduced to the two the tools need: view (the space's `viewers`
 * grants, default everyone in `confluence-users`) and edit (viewers who also hold an `editors`
 * grant, default the `confluence-editors` group). Anything the caller cannot view answers exactly
 * as if it did not exist.
 */

export const DEFAULT_VIEWERS: readonly string[] = ['group:confluence-users'];
export const DEFAULT_EDITORS: readonly string[] = ['group:confluence-editors'];

function activeUser(store: SiteStore, actor: Actor): User | undefined {
  const user = actor.accountId === null ? undefined : store.users.get(actor.accountId);
  return user?.active ? user : undefined;
}

/** Confluence has no project roles: a grant names a group, an account or anyone. */
function grantHolds(grant: string, user: User): boolean {
  if (grant === 'anyone') return true;
  if (grant.startsWith('group:')) return user.groups.has(grant.slice(6));
  if (grant.startsWith('user:')) return grant.slice(5) === user.accountId;
  return false;
}

export function canViewSpace(store: SiteStore, actor: Actor, space: Space): boolean {
  const user = activeUser(store, actor);
  return user !== undefined && (space.viewers ?? DEFAULT_VIEWERS).some((g) => grantHolds(g, user));
}

export function canEditSpace(store: SiteStore, actor: Actor, space: Space): boolean {
  const user = activeUser(store, actor);
  return (
    user !== undefined &&
    canViewSpace(store, actor, space) &&
    (space.editors ?? DEFAULT_EDITORS).some((g) => grantHolds(g, user))
  );
}

export function viewableSpaces(store: SiteStore, actor: Actor): Space[] {
  return [...store.spaces.values()].filter((s) => canViewSpace(store, actor, s));
}

/** Trashed and deleted content is gone for every reader of these tools. */
function live(page: Page): boolean {
  return page.status !== 'trashed';
}

/** A restriction admits its grants; no restriction admits everyone the space admits. */
function admitted(store: SiteStore, actor: Actor, grants: readonly string[] | undefined): boolean {
  if (grants === undefined) return true;
  const user = activeUser(store, actor);
  return user !== undefined && grants.some((g) => grantHolds(g, user));
}

/** Space view, and every read restriction on the page and its ancestors (they are inherited). */
export function canViewPage(store: SiteStore, actor: Actor, page: Page): boolean {
  const space = store.spaces.get(page.spaceId);
  if (!live(page) || space === undefined || !canViewSpace(store, actor, space)) return false;
  for (let p: Page | undefined = page; p; p = p.parentId === null ? undefined : store.pages.get(p.parentId))
    if (!admitted(store, actor, p.restrictions?.read)) return false;
  return true;
}

/** View, space edit, and the page's own update restriction (not inherited, as in Confluence). */
export function canEditPage(store: SiteStore, actor: Actor, page: Page): boolean {
  const space = store.spaces.get(page.spaceId);
  return (
    space !== undefined &&
    canViewPage(store, actor, page) &&
    canEditSpace(store, actor, space) &&
    admitted(store, actor, page.restrictions?.update)
  );
}

export function spaceNotFound(): ReturnType<typeof confluenceError> {
  return confluenceError(404, 'NOT_FOUND', 'Space not found');
}

export function pageNotFound(): ReturnType<typeof confluenceError> {
  return confluenceError(404, 'NOT_FOUND', 'Page not found');
}

export function commentNotFound(): ReturnType<typeof confluenceError> {
  return confluenceError(404, 'NOT_FOUND', 'Comment not found');
}

/** A space by id or key that the caller may view; the v2 404 otherwise, whether it exists or not. */
export function visibleSpace(store: SiteStore, actor: Actor, idOrKey: string): Space {
  const space = store.spaceByIdOrKey(idOrKey);
  if (!space || !canViewSpace(store, actor, space)) throw spaceNotFound();
  return space;
}

/** A page (or blog post) the caller may view; the v2 404 otherwise. */
export function visiblePage(store: SiteStore, actor: Actor, id: string): Page {
  const page = store.pages.get(id);
  if (!page || !canViewPage(store, actor, page)) throw pageNotFound();
  return page;
}

/** A comment on a page the caller may view; the v2 404 otherwise. */
export function visibleComment(
  store: SiteStore,
  actor: Actor,
  id: string,
  kind?: 'footer' | 'inline',
): ConfluenceComment {
  const comment = store.contentComments.get(id);
  const page = comment ? store.pages.get(comment.pageId) : undefined;
  if (!comment || !page || (kind && comment.kind !== kind) || !canViewPage(store, actor, page))
    throw commentNotFound();
  return comment;
}

export function spaceOf(store: SiteStore, page: Page): Space {
  const space = store.spaces.get(page.spaceId);
  if (!space) throw new Error(`page ${page.id} has no space`);
  return space;
}
