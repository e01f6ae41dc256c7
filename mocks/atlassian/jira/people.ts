import { jiraError } from '../errors.ts';
import type { SiteStore } from '../store.ts';
import type { User } from '../entities/people.ts';
import { type Actor, holds, projectOf, visibleIssue } from './access.ts';
import { visibleProject } from './projects.ts';
import { renderUser } from './users.ts';

/** `GET /rest/api/3/user?accountId=`: any account on the site, 404 for an unknown one. */
export function getUser(store: SiteStore, actor: Actor, accountId: string) {
  if (accountId === '') throw jiraError(400, ['The accountId query parameter needs to be provided.']);
  const user = store.users.get(accountId);
  // Inferred wording; Jira's 404 names no more than this.
  if (!user) throw jiraError(404, [`User with accountId '${accountId}' does not exist.`]);
  return renderUser(store, user, actor);
}

function matches(user: User, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') return true;
  const name = user.displayName.toLowerCase();
  return (
    user.accountId.toLowerCase() === q ||
    user.email.toLowerCase().startsWith(q) ||
    name.startsWith(q) ||
    name.split(/\s+/).some((w) => w.startsWith(q))
  );
}

export interface AssignableSearch {
  project?: string | undefined;
  issueKey?: string | undefined;
  query?: string | undefined;
  startAt?: number | undefined;
  maxResults?: number | undefined;
}

/**
 * `GET /rest/api/3/user/assignable/search`: active users who hold Assignable user in the project of
 * `issueKey` or in `project`; an issue or project the caller cannot see is Jira's usual 404.
 */
export function findAssignableUsers(store: SiteStore, actor: Actor, q: AssignableSearch) {
  if (q.issueKey === undefined && q.project === undefined)
    throw jiraError(400, ["One of 'issueKey' or 'project' must be specified."]);
  const project =
    q.issueKey !== undefined
      ? projectOf(store, visibleIssue(store, actor, q.issueKey))
      : visibleProject(store, actor, q.project ?? '');
  const maxResults = Math.max(1, Math.min(q.maxResults ?? 50, 1000));
  const startAt = Math.max(0, q.startAt ?? 0);
  return [...store.users.values()]
    .filter((u) => u.active && holds(store, u.accountId, project, 'ASSIGNABLE_USER'))
    .filter((u) => matches(u, q.query ?? ''))
    .sort((a, b) => a.displayName.localeCompare(b.displayName))
    .slice(startAt, startAt + maxResults)
    .map((u) => renderUser(store, u, actor));
}
