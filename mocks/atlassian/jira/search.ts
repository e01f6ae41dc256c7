import { createHash } from 'node:crypto';
import { adfToPlainText } from '../../../lib/content/index.ts';
import { jiraError } from '../errors.ts';
import type { SiteStore } from '../store.ts';
import type { Issue } from '../entities/jira.ts';
import { type Actor, browsableProjects, canSeeIssue } from './access.ts';
import { jqlCustomValues } from './fields/custom/index.ts';
import { compileJql } from './jql/index.ts';
import { type JqlEnvironment, JqlError, type JqlIssueView } from './jql/types.ts';
import { renderIssue } from './render.ts';

/** The engine's view of an issue, cached on the issue until it next changes. */
export function issueView(store: SiteStore, issue: Issue): JqlIssueView {
  if (issue.view) return issue.view;
  const project = store.projects.get(issue.projectId);
  const type = store.issueTypes.get(issue.issueTypeId);
  const status = store.statuses.get(issue.statusId);
  const priority = store.priorities.find((p) => p.id === issue.priorityId);
  const parent = issue.parentId === null ? undefined : store.issues.get(issue.parentId);
  const view: JqlIssueView = {
    id: issue.id,
    key: issue.key,
    project: { id: issue.projectId, key: project?.key ?? '', name: project?.name ?? '' },
    issueType: { id: issue.issueTypeId, name: type?.name ?? '', subtask: type?.subtask ?? false },
    status: { id: issue.statusId, name: status?.name ?? '', category: status?.category ?? 'new' },
    priority: priority ? { id: priority.id, name: priority.name } : null,
    resolution: store.resolutions.find((r) => r.id === issue.resolutionId)?.name ?? null,
    summary: issue.summary,
    description: issue.description ? adfToPlainText(issue.description) : '',
    comments: issue.comments.map((c) => adfToPlainText(c.body)),
    labels: issue.labels,
    assignee: issue.assigneeId,
    reporter: issue.reporterId,
    parent: parent ? { id: parent.id, key: parent.key } : null,
    created: issue.created,
    updated: issue.updated,
    duedate: issue.duedate,
    customFields: jqlCustomValues(store, issue),
  };
  issue.view = view;
  return view;
}

export function jqlEnvironment(store: SiteStore, actor: Actor): JqlEnvironment {
  const visible = browsableProjects(store, actor);
  return {
    currentAccountId: actor.accountId,
    now: () => store.now(),
    resolveUsers(value) {
      const v = value.toLowerCase();
      return [...store.users.values()]
        .filter(
          (u) => u.accountId === value || u.email.toLowerCase() === v || u.displayName.toLowerCase() === v,
        )
        .map((u) => u.accountId);
    },
    resolveProject(value) {
      const v = value.toLowerCase();
      const p = visible.find(
        (x) => x.id === value || x.key.toLowerCase() === v || x.name.toLowerCase() === v,
      );
      return p ? { id: p.id, key: p.key } : undefined;
    },
    statuses: [...store.statuses.values()],
    issueTypes: [...store.issueTypes.values()].map((t) => ({ id: t.id, name: t.name, subtask: t.subtask })),
    priorities: store.priorities,
    customFields: [...store.customFields.values()].map((f) => ({ id: f.id, name: f.name, kind: f.kind })),
  };
}

/** Runs a JQL query for the caller: only issues in projects they can browse, silently. */
export function matchingIssues(store: SiteStore, actor: Actor, jql: string): Issue[] {
  let compiled;
  try {
    compiled = compileJql(jql, jqlEnvironment(store, actor));
  } catch (e) {
    if (e instanceof JqlError) throw jiraError(400, [...e.errorMessages]);
    throw e;
  }
  if (!compiled.bounded)
    throw jiraError(400, [
      'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.',
    ]);
  const projectIds = new Set(browsableProjects(store, actor).map((p) => p.id));
  const hits: { issue: Issue; view: JqlIssueView }[] = [];
  for (const issue of store.issues.values()) {
    if (!projectIds.has(issue.projectId)) continue;
    if (issue.securityLevelId !== null && !canSeeIssue(store, actor, issue)) continue;
    const view = issueView(store, issue);
    if (compiled.matches(view)) hits.push({ issue, view });
  }
  hits.sort((a, b) => compiled.compare(a.view, b.view));
  return hits.map((h) => h.issue);
}

interface PageToken {
  offset: number;
  query: string;
}

function queryDigest(jql: string): string {
  return createHash('sha256').update(jql).digest('base64url').slice(0, 12);
}

export function encodePageToken(offset: number, jql: string): string {
  return Buffer.from(JSON.stringify({ offset, query: queryDigest(jql) } satisfies PageToken)).toString(
    'base64url',
  );
}

export function decodePageToken(token: string, jql: string): number {
  try {
    const t = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<PageToken>;
    if (typeof t.offset === 'number' && t.offset >= 0 && t.query === queryDigest(jql)) return t.offset;
  } catch {
    // fall through to Jira's answer for a token it does not recognise
  }
  throw jiraError(400, ['The provided next page token is invalid or expired.']);
}

export interface SearchInput {
  jql: string;
  nextPageToken?: string | undefined;
  maxResults?: number | undefined;
  fields?: readonly string[] | undefined;
  expand?: string | undefined;
}

/**
 * The enhanced search (`/rest/api/3/search/jql`): token paging, no `total`, default fields `id` only,
 * bounded JQL. Invisible matches are omitted without a trace.
 */
export function searchIssues(store: SiteStore, actor: Actor, input: SearchInput) {
  const all = matchingIssues(store, actor, input.jql);
  const idOnly = input.fields === undefined || (input.fields.length === 1 && input.fields[0] === 'id');
  const cap = idOnly ? 5000 : 100;
  const maxResults = Math.max(1, Math.min(input.maxResults ?? 50, cap));
  const offset = input.nextPageToken === undefined ? 0 : decodePageToken(input.nextPageToken, input.jql);
  const page = all.slice(offset, offset + maxResults);
  const isLast = offset + page.length >= all.length;
  return {
    issues: page.map((issue) =>
      renderIssue(store, issue, actor, { fields: input.fields ?? ['id'], expand: input.expand }),
    ),
    ...(isLast ? {} : { nextPageToken: encodePageToken(offset + page.length, input.jql) }),
    isLast,
  };
}

/** `POST /rest/api/3/search/approximate-count`. */
export function countIssues(store: SiteStore, actor: Actor, jql: string) {
  return { count: matchingIssues(store, actor, jql).length };
}
