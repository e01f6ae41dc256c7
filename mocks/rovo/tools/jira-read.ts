import { z } from 'zod';
import { visibleIssue } from '../../atlassian/jira/access.ts';
import { getIssue } from '../../atlassian/jira/issues.ts';
import { renderLinkTypes } from '../../atlassian/jira/links.ts';
import { createMetaFields, createMetaIssueTypes, searchProjects } from '../../atlassian/jira/projects.ts';
import { countIssues, searchIssues } from '../../atlassian/jira/search.ts';
import { listTransitions } from '../../atlassian/jira/transitions.ts';
import { browseUrl } from '../../atlassian/urls.ts';
import { checkCloudId } from '../cloud-id.ts';
import { renderRichText } from '../content.ts';
import type { Profile } from '../profile/schema.ts';
import { READ, defineTool } from './define.ts';
import { CLOUD_ID, ISSUE_ID_OR_KEY, JIRA_FORMAT, START_AT } from './params.ts';

/** The fields Rovo returns when a caller names none (rovo-surface.md 2.3). */
export const DEFAULT_ISSUE_FIELDS = [
  'summary',
  'description',
  'status',
  'issuetype',
  'priority',
  'labels',
  'assignee',
  'reporter',
  'created',
  'updated',
  'resolution',
  'project',
  'parent',
];

export const withWebUrl = <T extends { key: string }>(host: Parameters<typeof browseUrl>[0], issue: T) => ({
  ...issue,
  webUrl: browseUrl(host, issue.key),
});

/** The search envelope: REST-like, or the GraphQL-like one with #221's node cap (v2 shares it, Q11). */
export function jqlEnvelope(
  profile: Pick<Profile, 'jqlEnvelope' | 'jqlNodeCap' | 'jqlCapCursor'>,
  page: ReturnType<typeof searchIssues>,
  total: number,
  maxResults: number,
  nodes: unknown[],
) {
  if (profile.jqlEnvelope === 'rest') {
    return {
      issues: nodes,
      ...(page.nextPageToken ? { nextPageToken: page.nextPageToken } : {}),
      isLast: page.isLast,
    };
  }
  const cap = profile.jqlNodeCap;
  if (cap === null || maxResults <= cap)
    return {
      issues: {
        totalCount: total,
        nodes,
        remainingCount: Math.max(0, total - nodes.length),
        pageInfo: { hasNextPage: !page.isLast, endCursor: page.nextPageToken ?? null },
      },
    };
  // The #221 defect: the cap hides nodes, remainingCount counts them, and the cursor (if any) skips them.
  return {
    issues: {
      totalCount: total,
      nodes: nodes.slice(0, cap),
      remainingCount: Math.max(0, Math.min(total, maxResults) - cap),
      pageInfo: {
        hasNextPage: total > maxResults,
        endCursor: profile.jqlCapCursor === 'skips' ? (page.nextPageToken ?? null) : null,
      },
    },
  };
}

/** The fields a read returns: those asked for plus those Rovo returns anyway (#208), or the defaults. */
export function fieldsOf(
  profile: Pick<Profile, 'fieldsAlwaysReturned'>,
  asked: readonly string[] | undefined,
): string[] {
  return asked ? [...new Set([...asked, ...profile.fieldsAlwaysReturned])] : DEFAULT_ISSUE_FIELDS;
}

/** getJiraIssue's inline comments as #230 saw them: capped, with the page's counts dropped. */
export function inlineComments<T extends { fields: Record<string, unknown> }>(
  profile: Pick<Profile, 'inlineComments'>,
  issue: T,
): T {
  const page = issue.fields.comment;
  if (typeof page !== 'object' || page === null || !('comments' in page) || !Array.isArray(page.comments))
    return issue;
  const { cap, total } = profile.inlineComments;
  const { startAt, maxResults, total: count, ...rest } = page as Record<string, unknown>;
  const comments = cap === null ? page.comments : page.comments.slice(0, cap);
  const counts = total ? { startAt, maxResults, total: count } : {};
  return { ...issue, fields: { ...issue.fields, comment: { ...rest, ...counts, comments } } };
}

export const JIRA_READ_TOOLS = [
  defineTool({
    name: 'getVisibleJiraProjects',
    group: 'read_jira',
    description:
      'Get visible Jira projects for which the user has the given action permission (view, browse, edit, create). Use action "create" before creating issues.',
    input: z
      .object({
        cloudId: CLOUD_ID,
        searchString: z.string().optional().describe('Filter projects by key or name'),
        action: z.enum(['view', 'browse', 'edit', 'create']).optional(),
        startAt: START_AT.optional(),
        maxResults: z.number().int().min(1).max(50).optional(),
        expandIssueTypes: z.boolean().optional(),
      })
      .strict(),
    annotations: { ...READ, title: 'Get visible Jira projects' },
    run(args, ctx) {
      checkCloudId(ctx.store, args.cloudId);
      return searchProjects(ctx.store, ctx.actor, {
        query: args.searchString,
        action: args.action,
        startAt: args.startAt,
        maxResults: args.maxResults,
        expandIssueTypes: args.expandIssueTypes,
      });
    },
  }),
  defineTool({
    name: 'getJiraProjectIssueTypesMetadata',
    group: 'read_jira',
    description: 'Get the issue types of a Jira project that the user can create.',
    input: z
      .object({
        cloudId: CLOUD_ID,
        projectIdOrKey: z.string(),
        startAt: START_AT.optional(),
        maxResults: z.number().int().min(1).max(200).optional(),
      })
      .strict(),
    annotations: { ...READ, title: 'Get Jira project issue types' },
    run(args, ctx) {
      checkCloudId(ctx.store, args.cloudId);
      return createMetaIssueTypes(ctx.store, ctx.actor, args.projectIdOrKey, args.startAt, args.maxResults);
    },
  }),
  defineTool({
    name: 'getJiraIssueTypeMetaWithFields',
    group: 'read_jira',
    description:
      'Get the create-screen fields of an issue type in a project (pass the issue type ID, not its name), with required flags, schemas and allowed values. Only required fields are returned unless requiredFieldsOnly is false.',
    input: z
      .object({
        cloudId: CLOUD_ID,
        projectIdOrKey: z.string(),
        issueTypeId: z.string().describe('The issue type ID (not the name)'),
        startAt: START_AT.optional(),
        maxResults: z.number().int().min(1).max(200).optional(),
        requiredFieldsOnly: z.boolean().optional().describe('Return only required fields (default true)'),
      })
      .strict(),
    annotations: { ...READ, title: 'Get Jira issue type fields' },
    run(args, ctx) {
      checkCloudId(ctx.store, args.cloudId);
      return createMetaFields(ctx.store, ctx.actor, args.projectIdOrKey, args.issueTypeId, {
        startAt: args.startAt,
        maxResults: args.maxResults,
        requiredOnly: args.requiredFieldsOnly ?? true,
      });
    },
  }),
  defineTool({
    name: 'getJiraIssue',
    group: 'read_jira',
    description:
      'Get the details of a Jira issue by issue id or key. Pass fields ["*all"] for custom fields and "comment" to get comments.',
    input: z
      .object({
        cloudId: CLOUD_ID,
        issueIdOrKey: ISSUE_ID_OR_KEY,
        fields: z.array(z.string()).optional(),
        fieldsByKeys: z.boolean().optional(),
        expand: z.string().optional(),
        properties: z.array(z.string()).optional(),
        updateHistory: z.boolean().optional(),
        failFast: z.boolean().optional(),
        responseContentFormat: JIRA_FORMAT.optional(),
      })
      .strict(),
    annotations: { ...READ, title: 'Get Jira issue' },
    run(args, ctx) {
      checkCloudId(ctx.store, args.cloudId);
      const issue = getIssue(ctx.store, ctx.actor, args.issueIdOrKey, {
        fields: fieldsOf(ctx.profile, args.fields),
        expand: args.expand,
      });
      const format = args.responseContentFormat ?? ctx.profile.defaultContentFormat.jira;
      return renderRichText(withWebUrl(ctx.store, inlineComments(ctx.profile, issue)), format);
    },
  }),
  defineTool({
    name: 'searchJiraIssuesUsingJql',
    group: 'search_jira',
    description:
      'Search Jira issues using JQL. Results are paged with nextPageToken; maxResults is at most 100 (default 50).',
    input: z
      .object({
        cloudId: CLOUD_ID,
        jql: z.string().describe('A JQL query, e.g. project = PROJ AND status = "In Progress"'),
        maxResults: z.number().int().min(1).max(100).optional().describe('Max (50-100)'),
        fields: z.array(z.string()).optional(),
        nextPageToken: z.string().optional(),
        searchResultMode: z.enum(['issues', 'count', 'all']).optional(),
        responseContentFormat: JIRA_FORMAT.optional(),
      })
      .strict(),
    annotations: { ...READ, title: 'Search Jira issues with JQL' },
    run(args, ctx) {
      checkCloudId(ctx.store, args.cloudId);
      const mode = args.searchResultMode ?? 'issues';
      const { count } = countIssues(ctx.store, ctx.actor, args.jql);
      if (mode === 'count') return { count };
      const maxResults = args.maxResults ?? 50;
      const page = searchIssues(ctx.store, ctx.actor, {
        jql: args.jql,
        nextPageToken: args.nextPageToken,
        maxResults,
        fields: fieldsOf(ctx.profile, args.fields),
      });
      const nodes = page.issues.map((i) => withWebUrl(ctx.store, i));
      const format = args.responseContentFormat ?? ctx.profile.defaultContentFormat.jira;
      const body = renderRichText(jqlEnvelope(ctx.profile, page, count, maxResults, nodes), format);
      return mode === 'all' ? { ...body, count } : body;
    },
  }),
  defineTool({
    name: 'getTransitionsForJiraIssue',
    group: 'read_jira',
    description: 'Get the transitions available for a Jira issue in its current status.',
    input: z
      .object({
        cloudId: CLOUD_ID,
        issueIdOrKey: ISSUE_ID_OR_KEY,
        expand: z.string().optional(),
        transitionId: z.string().optional(),
        skipRemoteOnlyCondition: z.boolean().optional(),
        includeUnavailableTransitions: z.boolean().optional(),
        sortByOpsBarAndStatus: z.boolean().optional(),
      })
      .strict(),
    annotations: { ...READ, title: 'Get Jira issue transitions' },
    run(args, ctx) {
      checkCloudId(ctx.store, args.cloudId);
      return listTransitions(ctx.store, ctx.actor, args.issueIdOrKey, {
        transitionId: args.transitionId,
        expand: args.expand,
      });
    },
  }),
  defineTool({
    name: 'getJiraIssueRemoteIssueLinks',
    group: 'read_jira',
    description: 'Get the remote links (web links) of a Jira issue.',
    input: z
      .object({ cloudId: CLOUD_ID, issueIdOrKey: ISSUE_ID_OR_KEY, globalId: z.string().optional() })
      .strict(),
    annotations: { ...READ, title: 'Get Jira issue remote links' },
    run(args, ctx) {
      checkCloudId(ctx.store, args.cloudId);
      const issue = visibleIssue(ctx.store, ctx.actor, args.issueIdOrKey);
      return issue.remoteLinks.filter((l) => args.globalId === undefined || l.globalId === args.globalId);
    },
  }),
  defineTool({
    name: 'getIssueLinkTypes',
    group: 'read_jira',
    description:
      'Get the issue link types of the site. For "A is blocked by B", use type "Blocks" with B as the inward (blocking) issue.',
    input: z.object({ cloudId: CLOUD_ID }).strict(),
    annotations: { ...READ, title: 'Get issue link types' },
    run(args, ctx) {
      checkCloudId(ctx.store, args.cloudId);
      return renderLinkTypes(ctx.store);
    },
  }),
];
