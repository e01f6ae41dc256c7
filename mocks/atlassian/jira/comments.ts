import { validateAdfDoc } from '../../../lib/content/index.ts';
import { jiraError } from '../errors.ts';
import type { SiteStore } from '../store.ts';
import type { Comment, Issue } from '../entities/jira.ts';
import { jiraApiBase } from '../urls.ts';
import { type Actor, holds, projectOf, visibleIssue } from './access.ts';
import { jiraDateTime } from './dates.ts';
import { renderUserRef } from './users.ts';

const ADF_REQUIRED = 'Operation value must be an Atlassian Document (see the Atlassian Document Format)';

export interface CommentInput {
  body: unknown;
  visibility?: { type: 'group' | 'role'; value: string } | undefined;
}

export function renderComment(store: SiteStore, issue: Issue, c: Comment, viewer: Actor) {
  return {
    self: `${jiraApiBase(store)}/issue/${issue.id}/comment/${c.id}`,
    id: c.id,
    author: renderUserRef(store, c.authorId, viewer),
    body: c.body,
    updateAuthor: renderUserRef(store, c.updateAuthorId, viewer),
    created: jiraDateTime(c.created),
    updated: jiraDateTime(c.updated),
    jsdPublic: true,
    ...(c.visibility ? { visibility: { ...c.visibility, identifier: c.visibility.value } } : {}),
  };
}

export function canReadComment(store: SiteStore, actor: Actor, issue: Issue, c: Comment): boolean {
  if (!c.visibility) return true;
  const user = actor.accountId ? store.users.get(actor.accountId) : undefined;
  if (!user) return false;
  if (c.visibility.type === 'group') return user.groups.has(c.visibility.value);
  return projectOf(store, issue).roles.get(c.visibility.value)?.has(user.accountId) ?? false;
}

/** `orderBy` of the comment list: `created` (or `+created`) oldest first, `-created` newest first. */
export type CommentOrder = 'created' | '+created' | '-created';

export function renderCommentPage(
  store: SiteStore,
  issue: Issue,
  viewer: Actor,
  startAt = 0,
  maxResults = 5000,
  orderBy: CommentOrder = 'created',
) {
  const visible = issue.comments.filter((c) => canReadComment(store, viewer, issue, c));
  visible.sort(
    (a, b) =>
      (a.created.getTime() - b.created.getTime() || Number(a.id) - Number(b.id)) *
      (orderBy === '-created' ? -1 : 1),
  );
  return {
    self: `${jiraApiBase(store)}/issue/${issue.id}/comment`,
    comments: visible.slice(startAt, startAt + maxResults).map((c) => renderComment(store, issue, c, viewer)),
    maxResults,
    total: visible.length,
    startAt,
  };
}

function checkBody(input: CommentInput, store: SiteStore, issue: Issue) {
  const checked = validateAdfDoc(input.body);
  if (!checked.ok) throw jiraError(400, [], { comment: ADF_REQUIRED });
  const v = input.visibility;
  if (v?.type === 'role' && !projectOf(store, issue).roles.has(v.value))
    throw jiraError(400, [], { commentLevel: `Role '${v.value}' does not exist.` });
  return checked.doc;
}

/** `POST /issue/{key}/comment`: needs Browse + Add comments; the body must be ADF. */
export function addComment(store: SiteStore, actor: Actor, idOrKey: string, input: CommentInput) {
  const issue = visibleIssue(store, actor, idOrKey);
  if (!holds(store, actor.accountId, projectOf(store, issue), 'ADD_COMMENTS'))
    throw jiraError(400, ['You do not have the permission to comment on this issue.']);
  const body = checkBody(input, store, issue);
  const now = store.now();
  const comment: Comment = {
    id: store.nextId('commentId'),
    authorId: actor.accountId ?? '',
    updateAuthorId: actor.accountId ?? '',
    body,
    created: now,
    updated: now,
    ...(input.visibility ? { visibility: input.visibility } : {}),
  };
  issue.comments.push(comment);
  store.touchIssue(issue);
  return renderComment(store, issue, comment, actor);
}

/** `PUT /issue/{key}/comment/{id}`: authors edit their own comments; project administrators edit any. */
export function updateComment(
  store: SiteStore,
  actor: Actor,
  idOrKey: string,
  commentId: string,
  input: CommentInput,
) {
  const issue = visibleIssue(store, actor, idOrKey);
  const comment = issue.comments.find((c) => c.id === commentId);
  if (!comment || !canReadComment(store, actor, issue, comment))
    throw jiraError(404, [`Can not find a comment for the id: ${commentId}.`]);
  const isAdmin =
    projectOf(store, issue)
      .roles.get('Administrators')
      ?.has(actor.accountId ?? '') ?? false;
  if (comment.authorId !== actor.accountId && !isAdmin)
    throw jiraError(400, ['You do not have the permission to edit this comment.']);
  comment.body = checkBody(input, store, issue);
  comment.updated = store.now();
  comment.updateAuthorId = actor.accountId ?? '';
  if (input.visibility) comment.visibility = input.visibility;
  store.touchIssue(issue);
  return renderComment(store, issue, comment, actor);
}

export function listComments(
  store: SiteStore,
  actor: Actor,
  idOrKey: string,
  startAt = 0,
  maxResults = 50,
  orderBy?: string,
) {
  const issue = visibleIssue(store, actor, idOrKey);
  if (orderBy !== undefined && !['created', '+created', '-created'].includes(orderBy))
    throw jiraError(400, [`orderBy '${orderBy}' is not valid: use created, +created or -created.`]);
  return renderCommentPage(store, issue, actor, startAt, maxResults, orderBy as CommentOrder | undefined);
}
