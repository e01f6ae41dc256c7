import { jiraError } from '../errors.ts';
import type { SiteStore } from '../store.ts';
import { jiraApiBase } from '../urls.ts';
import { type Actor, canSeeIssue, holds, projectOf, visibleIssue } from './access.ts';
import { renderUser } from './users.ts';

/**
 * Issue watchers (`/issue/{key}/watchers`). Anyone who sees an issue may watch it and stop watching
 * it; changing someone else's watching takes Manage watchers; who the watchers are is shown with View
 * voters and watchers (the count and the caller's own state always are).
 */

function watchersOf(store: SiteStore, issueId: string): Set<string> {
  let set = store.jiraExtras.watchers.get(issueId);
  if (!set) {
    set = new Set();
    store.jiraExtras.watchers.set(issueId, set);
  }
  return set;
}

export function getWatchers(store: SiteStore, actor: Actor, idOrKey: string) {
  const issue = visibleIssue(store, actor, idOrKey);
  const ids = [...watchersOf(store, issue.id)];
  const mayList = holds(store, actor.accountId, projectOf(store, issue), 'VIEW_VOTERS_AND_WATCHERS');
  return {
    self: `${jiraApiBase(store)}/issue/${issue.key}/watchers`,
    isWatching: actor.accountId !== null && ids.includes(actor.accountId),
    watchCount: ids.length,
    watchers: mayList
      ? ids.flatMap((id) => {
          const u = store.users.get(id);
          return u ? [renderUser(store, u, actor)] : [];
        })
      : [],
  };
}

function target(store: SiteStore, actor: Actor, accountId: string | undefined, issueKey: string) {
  const issue = visibleIssue(store, actor, issueKey);
  const who = accountId ?? actor.accountId ?? '';
  if (who !== actor.accountId && !holds(store, actor.accountId, projectOf(store, issue), 'MANAGE_WATCHERS'))
    throw jiraError(403, ['You do not have the permission to manage the watcher list.']);
  return { issue, who };
}

/** `POST /issue/{key}/watchers` (body: an account id as a JSON string, or empty for the caller) → 204. */
export function addWatcher(store: SiteStore, actor: Actor, idOrKey: string, accountId?: string): void {
  const { issue, who } = target(store, actor, accountId, idOrKey);
  const user = store.users.get(who);
  if (!user?.active) throw jiraError(404, [`User with accountId '${who}' does not exist or is not active.`]);
  if (!canSeeIssue(store, { accountId: who }, issue))
    throw jiraError(400, [
      `The user "${user.displayName}" does not have permission to view this issue. This user will not be added to the watch list.`,
    ]);
  watchersOf(store, issue.id).add(who);
}

/** `DELETE /issue/{key}/watchers?accountId=` → 204 (also when the account was not watching). */
export function removeWatcher(store: SiteStore, actor: Actor, idOrKey: string, accountId?: string): void {
  const { issue, who } = target(store, actor, accountId, idOrKey);
  watchersOf(store, issue.id).delete(who);
}
