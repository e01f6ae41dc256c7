import type { Driver, IssueData } from '../types.ts';
import { callAndParse } from '../tool-call.ts';
import type { DriverContext } from '../context.ts';
import { toFieldMeta } from './field-meta.ts';
import {
  CommentSchema,
  CreatedIssueSchema,
  FieldMetaPageSchema,
  IssueTypesSchema,
  JqlResultSchema,
  LinkTypesSchema,
  ProjectPageSchema,
  RovoIssueSchema,
  TransitionsSchema,
  WorklogSchema,
} from './schemas.ts';
import { z } from 'zod';

const MD = { responseContentFormat: 'markdown' } as const;

function textOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function toIssueData(raw: unknown): IssueData {
  const issue = RovoIssueSchema.parse(raw);
  const f = issue.fields;
  return {
    id: issue.id,
    key: issue.key,
    summary: f.summary ?? '',
    status: f.status?.name,
    issueType: f.issuetype?.name,
    labels: f.labels ?? [],
    parentKey: f.parent?.key ?? null,
    assigneeAccountId: f.assignee?.accountId ?? null,
    priority: f.priority?.name,
    description: textOf(f.description),
    fields: f,
  };
}

type JiraVerbs = Pick<
  Driver,
  | 'listProjects'
  | 'issueTypes'
  | 'createFields'
  | 'createIssue'
  | 'getIssue'
  | 'editIssue'
  | 'transitions'
  | 'transition'
  | 'addComment'
  | 'editComment'
  | 'comments'
  | 'searchIssues'
  | 'linkTypes'
  | 'linkIssues'
  | 'logWork'
>;

/** Jira verbs over the Rovo v1 tools; every rich text goes in and comes back as Markdown. */
export function rovoJira(ctx: DriverContext): JiraVerbs {
  const { session, cloudId } = ctx;
  const call = <S extends z.ZodType>(tool: string, args: Record<string, unknown>, schema: S) =>
    callAndParse(session, tool, { cloudId, ...args }, schema);

  return {
    async listProjects(options = {}) {
      const out = [];
      for (let startAt = 0; ;) {
        const page = await call(
          'getVisibleJiraProjects',
          {
            startAt,
            maxResults: 50,
            ...(options.action ? { action: options.action } : {}),
            ...(options.query ? { searchString: options.query } : {}),
          },
          ProjectPageSchema,
        );
        out.push(...page.values.map((p) => ({ id: p.id, key: p.key, name: p.name })));
        startAt += page.values.length;
        if (page.isLast !== false || page.values.length === 0) break;
      }
      return out;
    },
    async issueTypes(project) {
      const page = await call(
        'getJiraProjectIssueTypesMetadata',
        { projectIdOrKey: project },
        IssueTypesSchema,
      );
      return page.issueTypes.map((t) => ({ id: t.id, name: t.name, subtask: t.subtask }));
    },
    async createFields(project, issueTypeId, options = {}) {
      const out = [];
      for (let startAt = 0; ;) {
        const page = await call(
          'getJiraIssueTypeMetaWithFields',
          {
            projectIdOrKey: project,
            issueTypeId,
            startAt,
            maxResults: 50,
            requiredFieldsOnly: options.requiredOnly ?? false,
          },
          FieldMetaPageSchema,
        );
        const fields = page.fields ?? [];
        out.push(...fields.map(toFieldMeta));
        startAt += fields.length;
        if (fields.length === 0 || startAt >= page.total) break;
      }
      return out;
    },
    async createIssue(input) {
      const labels = [...new Set([...(input.labels ?? []), ...(ctx.runLabel ? [ctx.runLabel] : [])])];
      const created = await call(
        'createJiraIssue',
        {
          projectKey: input.project,
          issueTypeName: input.issueType,
          summary: input.summary,
          ...(input.description !== undefined
            ? { description: input.description, contentFormat: 'markdown' }
            : {}),
          ...(input.parent ? { parent: input.parent } : {}),
          ...(input.assignee ? { assignee_account_id: input.assignee } : {}),
          additional_fields: { ...(labels.length ? { labels } : {}), ...(input.fields ?? {}) },
        },
        CreatedIssueSchema,
      );
      ctx.created?.({ kind: 'issue', id: created.id, key: created.key });
      return { id: created.id, key: created.key };
    },
    async getIssue(key, options = {}) {
      const raw = await call(
        'getJiraIssue',
        { issueIdOrKey: key, ...MD, ...(options.fields ? { fields: options.fields } : {}) },
        z.unknown(),
      );
      return toIssueData(raw);
    },
    async editIssue(key, changes) {
      const fields: Record<string, unknown> = { ...(changes.fields ?? {}) };
      if (changes.summary !== undefined) fields.summary = changes.summary;
      if (changes.description !== undefined) fields.description = changes.description;
      if (changes.labels !== undefined) fields.labels = changes.labels;
      if (changes.addLabels?.length) {
        // editJiraIssue takes `fields` only, and an array there replaces: an add is read, merge, write.
        const current =
          changes.labels ??
          (await call('getJiraIssue', { issueIdOrKey: key, fields: ['labels'], ...MD }, RovoIssueSchema))
            .fields.labels ??
          [];
        fields.labels = [...new Set([...current, ...changes.addLabels])];
      }
      await call(
        'editJiraIssue',
        { issueIdOrKey: key, fields, contentFormat: 'markdown', ...MD },
        z.unknown(),
      );
    },
    async transitions(key) {
      const result = await call('getTransitionsForJiraIssue', { issueIdOrKey: key }, TransitionsSchema);
      return result.transitions.map((t) => ({ id: t.id, name: t.name, to: t.to?.name ?? '' }));
    },
    async transition(key, transitionId, fields) {
      await call(
        'transitionJiraIssue',
        { issueIdOrKey: key, transition: { id: transitionId }, ...(fields ? { fields } : {}) },
        z.unknown(),
      );
    },
    async addComment(key, markdown) {
      const c = await call(
        'addCommentToJiraIssue',
        { issueIdOrKey: key, commentBody: markdown, contentFormat: 'markdown', ...MD },
        CommentSchema,
      );
      return { id: c.id, body: textOf(c.body) ?? '', authorAccountId: c.author?.accountId };
    },
    async editComment(key, commentId, markdown) {
      const c = await call(
        'addCommentToJiraIssue',
        { issueIdOrKey: key, commentId, commentBody: markdown, contentFormat: 'markdown', ...MD },
        CommentSchema,
      );
      return { id: c.id, body: textOf(c.body) ?? '', authorAccountId: c.author?.accountId };
    },
    async comments(key) {
      const raw = await call(
        'getJiraIssue',
        { issueIdOrKey: key, fields: ['comment'], ...MD },
        RovoIssueSchema,
      );
      const parsed = z
        .object({ comments: z.array(CommentSchema) })
        .loose()
        .safeParse(raw.fields.comment);
      return (parsed.success ? parsed.data.comments : []).map((c) => ({
        id: c.id,
        body: textOf(c.body) ?? '',
        authorAccountId: c.author?.accountId,
      }));
    },
    async searchIssues(jql, options = {}) {
      const result = await call(
        'searchJiraIssuesUsingJql',
        {
          jql,
          ...MD,
          ...(options.maxResults ? { maxResults: options.maxResults } : {}),
          ...(options.pageToken ? { nextPageToken: options.pageToken } : {}),
          ...(options.fields ? { fields: options.fields } : {}),
        },
        JqlResultSchema,
      );
      if (Array.isArray(result.issues)) {
        const rest = result as { issues: unknown[]; nextPageToken?: string };
        return { issues: rest.issues.map(toIssueData), nextPageToken: rest.nextPageToken };
      }
      const gql = result.issues;
      return {
        issues: gql.nodes.map(toIssueData),
        nextPageToken: gql.pageInfo.hasNextPage ? (gql.pageInfo.endCursor ?? undefined) : undefined,
        total: gql.totalCount,
      };
    },
    async linkTypes() {
      const result = await call('getIssueLinkTypes', {}, LinkTypesSchema);
      return result.issueLinkTypes.map((t) => t.name);
    },
    async linkIssues(type, inwardKey, outwardKey) {
      await call('createIssueLink', { type, inwardIssue: inwardKey, outwardIssue: outwardKey }, z.unknown());
    },
    async logWork(key, timeSpent) {
      const w = await call('addWorklogToJiraIssue', { issueIdOrKey: key, timeSpent }, WorklogSchema);
      return { id: w.id, timeSpentSeconds: w.timeSpentSeconds };
    },
  };
}
