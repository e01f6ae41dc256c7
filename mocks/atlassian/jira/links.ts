import { validateAdfDoc } from '../../../lib/content/index.ts';
import { jiraError } from '../errors.ts';
import type { SiteStore } from '../store.ts';
import type { Issue } from '../entities/jira.ts';
import { jiraApiBase } from '../urls.ts';
import { type Actor, canSeeIssue, holds, projectOf } from './access.ts';
import { renderIssueType, renderPriority, renderStatus } from './fields/system.ts';
import { addComment } from './comments.ts';
import { visibleLinkEnds } from './link-ends.ts';

export function renderLinkTypes(store: SiteStore) {
  return {
    issueLinkTypes: store.linkTypes.map((t) => ({
      ...t,
      self: `${jiraApiBase(store)}/issueLinkType/${t.id}`,
    })),
  };
}

function linkedIssue(store: SiteStore, issue: Issue) {
  return {
    id: issue.id,
    key: issue.key,
    self: `${jiraApiBase(store)}/issue/${issue.id}`,
    fields: {
      summary: issue.summary,
      status: renderStatus(store, issue.statusId),
      priority: renderPriority(store, issue.priorityId),
      issuetype: renderIssueType(store, issue.issueTypeId),
    },
  };
}

/** The `issuelinks` field: links to issues the viewer can also see. */
export function renderIssueLinks(store: SiteStore, issue: Issue, viewer: Actor) {
  return visibleLinkEnds(store, issue, viewer).map(({ link, type, other, outward }) => ({
    id: link.id,
    self: `${jiraApiBase(store)}/issueLink/${link.id}`,
    type,
    [outward ? 'outwardIssue' : 'inwardIssue']: linkedIssue(store, other),
  }));
}

function issueRef(store: SiteStore, actor: Actor, ref: unknown): Issue {
  const r = (typeof ref === 'object' && ref !== null ? ref : {}) as Record<string, unknown>;
  const issue =
    typeof r.key === 'string'
      ? store.issueByKey(r.key)
      : typeof r.id === 'string'
        ? store.issues.get(r.id)
        : undefined;
  if (!issue || !canSeeIssue(store, actor, issue))
    throw jiraError(404, [`Issue does not exist or you do not have permission to see it.`]);
  return issue;
}

export interface LinkInput {
  type: unknown;
  inwardIssue: unknown;
  outwardIssue: unknown;
  comment?: { body: unknown } | undefined;
}

/**
 * `POST /issueLink`: 201 with an empty body. Link types match by name or id (not by the
 * "blocks"/"is blocked by" phrases); repeating an existing link succeeds without a duplicate.
 */
export function createIssueLink(store: SiteStore, actor: Actor, input: LinkInput): void {
  const t = (typeof input.type === 'object' && input.type !== null ? input.type : {}) as Record<
    string,
    unknown
  >;
  const type = store.linkTypes.find((lt) => lt.id === t.id || lt.name === t.name);
  if (!type) throw jiraError(404, [`No issue link type with name '${String(t.name ?? t.id)}' found.`]);
  const inward = issueRef(store, actor, input.inwardIssue);
  const outward = issueRef(store, actor, input.outwardIssue);
  if (!holds(store, actor.accountId, projectOf(store, inward), 'LINK_ISSUES'))
    throw jiraError(404, ['You do not have the permission to link issues in this project.']);
  if (input.comment !== undefined && validateAdfDoc(input.comment.body).ok === false)
    throw jiraError(400, [], { comment: 'Comment must be an Atlassian Document.' });
  const exists = store.links.some(
    (l) => l.typeId === type.id && l.inwardIssueId === inward.id && l.outwardIssueId === outward.id,
  );
  if (!exists) {
    store.links.push({
      id: store.nextId('linkId'),
      typeId: type.id,
      inwardIssueId: inward.id,
      outwardIssueId: outward.id,
    });
    store.touchIssue(inward);
    store.touchIssue(outward);
  }
  if (input.comment !== undefined) addComment(store, actor, inward.key, { body: input.comment.body });
}
