import { canViewPage } from './confluence/access.ts';
import { pageWebUrl } from './confluence/render.ts';
import { type Actor, canSeeIssue } from './jira/access.ts';
import { visibleLinkEnds } from './jira/link-ends.ts';
import { fetchByAri, issueAri, pageAri } from './search/rovo-search.ts';
import type { SiteStore } from './store.ts';
import type { Page } from './entities/confluence.ts';
import type { Issue } from './entities/jira.ts';
import { browseUrl } from './urls.ts';

/**
 * Teamwork Graph over the fake site: an object's neighbours (parent, children, links, people,
 * container) in one traversal. Only what the caller can see is ever returned.
 */

export type GraphObject =
  { kind: 'issue'; issue: Issue } | { kind: 'page'; page: Page } | { kind: 'error'; message: string };

export interface GraphNode {
  ari: string;
  type: string;
  title: string;
  url: string;
}

export interface Relationship {
  relation: string;
  node:
    | GraphNode
    | { type: 'user'; accountId: string; displayName: string }
    | { type: 'project' | 'space'; key: string; name: string };
}

function issueNode(store: SiteStore, issue: Issue): GraphNode {
  return {
    ari: issueAri(store, issue),
    type: 'issue',
    title: `${issue.key}: ${issue.summary}`,
    url: browseUrl(store, issue.key),
  };
}

function pageNode(store: SiteStore, page: Page): GraphNode {
  return {
    ari: pageAri(store, page),
    type: page.contentType,
    title: page.title,
    url: pageWebUrl(store, page),
  };
}

const NOT_FOUND = (id: string) => `No object was found for "${id}", or you do not have permission to see it.`;

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isUpper = (c: string | undefined) => c !== undefined && c >= 'A' && c <= 'Z';

/**
 * The issue key an identifier ends with (`DEMO-1`, `.../browse/DEMO-1/`), read backwards in one
 * pass: the regex this replaces retried from every start and took minutes on a 4 MB identifier.
 * Like it, the key is the longest run of capitals and digits before `-digits` that starts with a capital.
 */
export function trailingIssueKey(id: string): string | undefined {
  const end = id.endsWith('/') ? id.length - 1 : id.length;
  let i = end;
  while (isDigit(id[i - 1])) i--;
  if (i === end || id[i - 1] !== '-') return undefined;
  const dash = i - 1;
  let start = dash;
  while (isUpper(id[start - 1]) || isDigit(id[start - 1])) start--;
  while (start < dash && !isUpper(id[start])) start++;
  if (dash - start < 2) return undefined;
  return id.slice(start, end);
}

/** Resolves an ARI, an issue key, a browse URL or a page URL on this site. */
export function resolveObject(store: SiteStore, actor: Actor, identifier: string): GraphObject {
  const id = identifier.trim();
  if (id.startsWith('ari:')) {
    const found = fetchByAri(store, actor, id);
    return found.kind === 'error'
      ? found
      : found.kind === 'issue'
        ? { kind: 'issue', issue: found.issue }
        : { kind: 'page', page: found.page };
  }
  const key = trailingIssueKey(id);
  if (key) {
    const issue = store.issueByKey(key);
    return issue && canSeeIssue(store, actor, issue)
      ? { kind: 'issue', issue }
      : { kind: 'error', message: NOT_FOUND(id) };
  }
  const pageId = /\/pages\/(\d+)/.exec(id)?.[1];
  if (pageId) {
    const page = store.pages.get(pageId);
    return page && page.status !== 'trashed' && canViewPage(store, actor, page)
      ? { kind: 'page', page }
      : { kind: 'error', message: NOT_FOUND(id) };
  }
  return {
    kind: 'error',
    message: `"${identifier}" is not an ARI, an issue key or a Jira/Confluence URL of ${store.site.host}.`,
  };
}

function user(store: SiteStore, relation: string, accountId: string | null): Relationship[] {
  const u = accountId ? store.users.get(accountId) : undefined;
  return u ? [{ relation, node: { type: 'user', accountId: u.accountId, displayName: u.displayName } }] : [];
}

/** The neighbours of an object, each visible to the caller. */
export function relationships(
  store: SiteStore,
  actor: Actor,
  object: Exclude<GraphObject, { kind: 'error' }>,
): Relationship[] {
  if (object.kind === 'issue') {
    const issue = object.issue;
    const visible = (i: Issue | undefined): i is Issue => i !== undefined && canSeeIssue(store, actor, i);
    const project = store.projects.get(issue.projectId);
    const parent = issue.parentId === null ? undefined : store.issues.get(issue.parentId);
    const links = visibleLinkEnds(store, issue, actor).map(({ type, other, outward }) => ({
      relation: outward ? type.outward : type.inward,
      node: issueNode(store, other),
    }));
    return [
      ...(project
        ? [{ relation: 'project', node: { type: 'project' as const, key: project.key, name: project.name } }]
        : []),
      ...(visible(parent) ? [{ relation: 'parent', node: issueNode(store, parent) }] : []),
      ...[...store.issues.values()]
        .filter((c) => c.parentId === issue.id && visible(c))
        .map((c) => ({ relation: 'child', node: issueNode(store, c) })),
      ...links,
      ...user(store, 'assignee', issue.assigneeId),
      ...user(store, 'reporter', issue.reporterId),
      ...[...new Set(issue.comments.map((c) => c.authorId))].flatMap((a) => user(store, 'commenter', a)),
    ];
  }
  const page = object.page;
  const space = store.spaces.get(page.spaceId);
  const parent = page.parentId === null ? undefined : store.pages.get(page.parentId);
  const visible = (p: Page | undefined): p is Page =>
    p !== undefined && p.status !== 'trashed' && canViewPage(store, actor, p);
  return [
    ...(space
      ? [{ relation: 'space', node: { type: 'space' as const, key: space.key, name: space.name } }]
      : []),
    ...(visible(parent) ? [{ relation: 'parent', node: pageNode(store, parent) }] : []),
    ...[...store.pages.values()]
      .filter((c) => c.parentId === page.id && visible(c))
      .map((c) => ({ relation: 'child', node: pageNode(store, c) })),
    ...user(store, 'author', page.authorId),
    ...user(store, 'owner', page.ownerId === page.authorId ? null : page.ownerId),
  ];
}

export function nodeOf(store: SiteStore, object: Exclude<GraphObject, { kind: 'error' }>): GraphNode {
  return object.kind === 'issue' ? issueNode(store, object.issue) : pageNode(store, object.page);
}
