import { z } from 'zod';
import { confluenceError } from '../errors.ts';
import type { Actor } from '../jira/access.ts';
import type { SiteStore } from '../store.ts';
import type { Page } from '../entities/confluence.ts';
import { canEditPage, canViewPage } from './access.ts';
import { visibleContent } from './content.ts';

/**
 * Content restrictions (REST v1 `/content/{id}/restriction`): `read` restrictions hide the content and
 * everything below it, `update` restrictions limit who edits it. Whoever may edit the content may change
 * them, but never so that they lose their own access (inferred: the public record gives no wording).
 */

export type RestrictionState = 'OPEN' | 'EDIT_RESTRICTED' | 'VIEW_RESTRICTED';
type Operation = 'read' | 'update';
const OPERATIONS: readonly Operation[] = ['read', 'update'];

export const LOCKED_OUT = 'The change would remove your own access to this content';
export const CANNOT_RESTRICT = 'You do not have permission to change the restrictions of this content';

function inheritsViewRestriction(store: SiteStore, item: Page): boolean {
  for (let p = item.parentId === null ? undefined : store.pages.get(item.parentId); p;) {
    if (p.restrictions?.read) return true;
    p = p.parentId === null ? undefined : store.pages.get(p.parentId);
  }
  return false;
}

/** OPEN, EDIT_RESTRICTED or VIEW_RESTRICTED by the item's own restrictions, and whether a parent's apply. */
export function restrictionState(store: SiteStore, actor: Actor, id: string) {
  const item = visibleContent(store, actor, id);
  const own = item.restrictions;
  const state: RestrictionState = own?.read ? 'VIEW_RESTRICTED' : own?.update ? 'EDIT_RESTRICTED' : 'OPEN';
  return { contentId: item.id, state, inheritedViewRestriction: inheritsViewRestriction(store, item) };
}

function renderGrants(store: SiteStore, grants: readonly string[] | undefined) {
  const users = (grants ?? [])
    .filter((g) => g.startsWith('user:'))
    .map((g) => {
      const u = store.users.get(g.slice(5));
      return { type: 'known', accountId: g.slice(5), displayName: u?.displayName ?? 'Former user' };
    });
  const groups = (grants ?? [])
    .filter((g) => g.startsWith('group:'))
    .map((g) => ({ type: 'group', name: g.slice(6) }));
  return { user: { results: users, size: users.length }, group: { results: groups, size: groups.length } };
}

/** `GET /wiki/rest/api/content/{id}/restriction`: both operations, users and groups. */
export function getRestrictions(store: SiteStore, actor: Actor, id: string) {
  const item = visibleContent(store, actor, id);
  const results = OPERATIONS.map((operation) => ({
    operation,
    restrictions: renderGrants(store, item.restrictions?.[operation]),
  }));
  return { results, start: 0, limit: results.length, size: results.length };
}

/** Applies `next` unless the caller would lose view or edit; answers the new restrictions. */
function apply(store: SiteStore, actor: Actor, item: Page, next: Page['restrictions']) {
  if (!canEditPage(store, actor, item)) throw confluenceError(403, 'FORBIDDEN', CANNOT_RESTRICT);
  const before = item.restrictions;
  const cleaned = Object.fromEntries(
    Object.entries(next ?? {}).filter(([, v]) => v !== undefined && v.length > 0),
  );
  if (Object.keys(cleaned).length > 0) item.restrictions = cleaned;
  else delete item.restrictions;
  if (!canViewPage(store, actor, item) || !canEditPage(store, actor, item)) {
    if (before) item.restrictions = before;
    else delete item.restrictions;
    throw confluenceError(400, 'INVALID_REQUEST_PARAMETER', LOCKED_OUT);
  }
  return getRestrictions(store, actor, item.id);
}

/**
 * Sets a whole state: OPEN clears the item's restrictions; EDIT_RESTRICTED lets only the caller edit;
 * VIEW_RESTRICTED lets only the caller view and edit.
 */
export function setRestrictionState(store: SiteStore, actor: Actor, id: string, state: RestrictionState) {
  const item = visibleContent(store, actor, id);
  const me = `user:${actor.accountId ?? ''}`;
  const next =
    state === 'OPEN' ? {} : state === 'EDIT_RESTRICTED' ? { update: [me] } : { read: [me], update: [me] };
  apply(store, actor, item, next);
  return restrictionState(store, actor, id);
}

const EntrySchema = z
  .object({
    operation: z.enum(['read', 'update']),
    restrictions: z
      .object({
        user: z.array(z.object({ accountId: z.string() }).loose()).optional(),
        group: z.array(z.object({ name: z.string() }).loose()).optional(),
      })
      .loose(),
  })
  .loose();

export type RestrictionEntry = z.output<typeof EntrySchema>;

export function parseRestrictionEntries(raw: unknown): RestrictionEntry[] {
  const parsed = z.array(EntrySchema).safeParse(Array.isArray(raw) ? raw : [raw]);
  if (!parsed.success)
    throw confluenceError(
      400,
      'INVALID_REQUEST_PARAMETER',
      'Send [{operation: "read"|"update", restrictions: {user: [{accountId}], group: [{name}]}}]',
    );
  return parsed.data;
}

function grantsOf(store: SiteStore, entry: RestrictionEntry): string[] {
  const users = (entry.restrictions.user ?? []).map((u) => {
    if (!store.users.get(u.accountId)?.active)
      throw confluenceError(400, 'INVALID_REQUEST_PARAMETER', `No active user with accountId ${u.accountId}`);
    return `user:${u.accountId}`;
  });
  return [...users, ...(entry.restrictions.group ?? []).map((g) => `group:${g.name}`)];
}

/**
 * `PUT` (replace: operations named are set, others cleared), `POST` (add) and the removal of grants;
 * each with the caller kept in.
 */
export function changeRestrictions(
  store: SiteStore,
  actor: Actor,
  id: string,
  mode: 'replace' | 'add' | 'remove',
  entries: readonly RestrictionEntry[],
) {
  const item = visibleContent(store, actor, id);
  const next: Partial<Record<Operation, string[]>> =
    mode === 'replace'
      ? {}
      : { read: [...(item.restrictions?.read ?? [])], update: [...(item.restrictions?.update ?? [])] };
  for (const entry of entries) {
    const grants = grantsOf(store, entry);
    const current = next[entry.operation] ?? [];
    next[entry.operation] =
      mode === 'remove' ? current.filter((g) => !grants.includes(g)) : [...new Set([...current, ...grants])];
  }
  return apply(store, actor, item, next);
}
