import { jiraError } from '../errors.ts';
import type { SiteStore } from '../store.ts';
import { type Actor, holds, projectOf, visibleIssue } from './access.ts';
import { canReadComment } from './comments.ts';

/**
 * `DELETE /issue/{key}/comment/{id}` → 204: the author with Delete own comments, anyone with Delete
 * all comments. A comment the caller cannot read is a 404 like a missing one.
 */
export function deleteComment(store: SiteStore, actor: Actor, idOrKey: string, commentId: string): void {
  const issue = visibleIssue(store, actor, idOrKey);
  const index = issue.comments.findIndex((c) => c.id === commentId);
  const comment = issue.comments[index];
  if (!comment || !canReadComment(store, actor, issue, comment))
    throw jiraError(404, [`Can not find a comment for the id: ${commentId}.`]);
  const project = projectOf(store, issue);
  const own =
    comment.authorId === actor.accountId && holds(store, actor.accountId, project, 'DELETE_OWN_COMMENTS');
  if (!own && !holds(store, actor.accountId, project, 'DELETE_ALL_COMMENTS'))
    throw jiraError(403, ['You do not have the permission to delete this comment.']);
  issue.comments.splice(index, 1);
  store.touchIssue(issue, actor.accountId);
}
