import { issueAttachments } from './attachments.ts';
import { renderCommentPage } from './comments.ts';
import type { FieldHandler } from './fields/types.ts';
import { renderIssueLinks } from './links.ts';
import { renderWorklog } from './worklogs.ts';

/** Read-only fields that hold an issue's relations (comments, links, worklogs). */
function relation(
  id: string,
  name: string,
  schema: FieldHandler['schema'],
  read: FieldHandler['read'],
): FieldHandler {
  return {
    id,
    name,
    custom: false,
    schema,
    orderable: false,
    navigable: true,
    operations: [],
    onScreen: () => false,
    required: () => false,
    set: () => `Field '${id}' cannot be set. It is not on the appropriate screen, or unknown.`,
    hasValue: () => true,
    read,
  };
}

export const RELATION_FIELDS: readonly FieldHandler[] = [
  relation('comment', 'Comment', { type: 'comments-page', system: 'comment' }, (i, store, viewer) =>
    renderCommentPage(store, i, viewer),
  ),
  relation(
    'issuelinks',
    'Linked Issues',
    { type: 'array', items: 'issuelinks', system: 'issuelinks' },
    (i, store, viewer) => renderIssueLinks(store, i, viewer),
  ),
  relation(
    'attachment',
    'Attachment',
    { type: 'array', items: 'attachment', system: 'attachment' },
    (i, store, viewer) => issueAttachments(store, i, viewer),
  ),
  relation(
    'worklog',
    'Log Work',
    { type: 'array', items: 'worklog', system: 'worklog' },
    (i, store, viewer) => ({
      startAt: 0,
      maxResults: 20,
      total: i.worklogs.length,
      worklogs: i.worklogs.slice(0, 20).map((w) => renderWorklog(store, i, w, viewer)),
    }),
  ),
];
