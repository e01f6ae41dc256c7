import { issueNotFound } from '../errors.ts';
import type { PermissionKey } from '../seed/schema.ts';
import type { SiteStore } from '../store.ts';
import type { Issue, Project } from '../entities/jira.ts';
import type { User } from '../entities/people.ts';

/** Who is calling: an account, or nobody (anonymous). */
export interface Actor {
  accountId: string | null;
}

function grantHolds(grant: string, user: User, project: Project): boolean {
  if (grant === 'anyone') return true;
  if (grant.startsWith('group:')) return user.groups.has(grant.slice(6));
  if (grant.startsWith('role:')) return project.roles.get(grant.slice(5))?.has(user.accountId) ?? false;
  if (grant.startsWith('user:')) return grant.slice(5) === user.accountId;
  return false;
}

/** Does the account hold `key` in `project` under its permission scheme? Deactivated accounts hold nothing. */
export function holds(
  store: SiteStore,
  accountId: string | null,
  project: Project,
  key: PermissionKey,
): boolean {
  if (accountId === null) return false;
  const user = store.users.get(accountId);
  if (!user?.active) return false;
  return (project.grants[key] ?? []).some((g) => grantHolds(g, user, project));
}

export function browsableProjects(store: SiteStore, actor: Actor): Project[] {
  return [...store.projects.values()].filter((p) => holds(store, actor.accountId, p, 'BROWSE_PROJECTS'));
}

/** Is the account a member of the security level (deactivated accounts are not)? */
export function inSecurityLevel(
  store: SiteStore,
  accountId: string | null,
  project: Project,
  levelId: string,
): boolean {
  const user = accountId === null ? undefined : store.users.get(accountId);
  const level = project.securityLevels.find((l) => l.id === levelId);
  return !!user?.active && !!level && level.members.some((g) => grantHolds(g, user, project));
}

/** Browse projects, and for a secured issue membership of its security level. */
export function canSeeIssue(store: SiteStore, actor: Actor, issue: Issue): boolean {
  const project = store.projects.get(issue.projectId);
  if (project === undefined || !holds(store, actor.accountId, project, 'BROWSE_PROJECTS')) return false;
  return (
    issue.securityLevelId === null || inSecurityLevel(store, actor.accountId, project, issue.securityLevelId)
  );
}

/** The issue, or Jira's single 404 for both "missing" and "not yours to see". */
export function visibleIssue(store: SiteStore, actor: Actor, idOrKey: string): Issue {
  const issue = store.issueByIdOrKey(idOrKey);
  if (!issue || !canSeeIssue(store, actor, issue)) throw issueNotFound();
  return issue;
}

export function projectOf(store: SiteStore, issue: Issue): Project {
  const project = store.projects.get(issue.projectId);
  if (!project) throw new Error(`issue ${issue.key} has no project`);
  return project;
}
