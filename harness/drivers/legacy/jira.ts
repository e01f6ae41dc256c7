import { z } from 'zod';
import { adfToMarkdown, isAdfDoc } from '../../../lib/content/index.ts';
import { UnsupportedVerbError } from '../../errors.ts';
import type { DriverContext } from '../context.ts';
import { toFieldMeta } from '../rovo/field-meta.ts';
import { callAndParse, TargetError } from '../tool-call.ts';
import type { Driver, IssueData, NewIssue } from '../types.ts';
import {
  ConnectionSchema,
  CreatedSchema,
  CreateFieldsSchema,
  type LegacyIssue,
  LegacyIssueSchema,
  ProjectSchema,
  SearchResultSchema,
} from './schemas.ts';

export type LegacyJiraVerbs = Pick<
  Driver,
  | 'whoAmI'
  | 'issueTypes'
  | 'createFields'
  | 'createIssue'
  | 'createEpic'
  | 'getIssue'
  | 'editIssue'
  | 'searchIssues'
>;

/** The default page of jira_search_issues. */
const LEGACY_PAGE = 50;

/** The legacy server returns descriptions as Jira stores them (ADF); the verbs speak Markdown. */
function markdownOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  return isAdfDoc(value) ? adfToMarkdown(value) : JSON.stringify(value);
}

export function legacyIssueData(issue: LegacyIssue): IssueData {
  const { customFields, id: _id, key: _key, url: _url, ...shown } = issue;
  return {
    id: issue.id,
    key: issue.key,
    summary: issue.summary,
    status: issue.status ?? undefined,
    issueType: issue.issuetype ?? undefined,
    labels: issue.labels,
    parentKey: issue.parent ?? null,
    assigneeAccountId: issue.assignee ?? null,
    priority: issue.priority ?? undefined,
    description: markdownOf(issue.description),
    // What the tool returned, custom fields under their ids as Jira gave them.
    fields: { ...shown, ...customFields },
  };
}

/** A new issue in jira_create_issue's vocabulary (also one element of jira_bulk_create_issues). */
export function legacyIssueArgs(input: NewIssue, runLabel: string | undefined): Record<string, unknown> {
  const labels = [...new Set([...(input.labels ?? []), ...(runLabel ? [runLabel] : [])])];
  const fields = {
    ...(input.fields ?? {}),
    ...(input.assignee ? { assignee: { accountId: input.assignee } } : {}),
  };
  return {
    project: input.project,
    issuetype: input.issueType,
    summary: input.summary,
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.parent ? { epicKey: input.parent } : {}),
    ...(labels.length > 0 ? { labels } : {}),
    ...(Object.keys(fields).length > 0 ? { fields } : {}),
  };
}

/** Jira verbs over the pre-Rovo tools: names for issue types, plain-text descriptions, one search page. */
export function legacyJira(ctx: DriverContext): LegacyJiraVerbs {
  const call = <S extends z.ZodType>(tool: string, args: Record<string, unknown>, schema: S) =>
    callAndParse(ctx.session, tool, args, schema);
  const project = (key: string) => call('jira_get_project', { projectKey: key }, ProjectSchema);

  return {
    async whoAmI() {
      const { user } = await call('jira_test_connection', {}, ConnectionSchema);
      return { accountId: user.accountId, displayName: user.displayName, email: user.emailAddress };
    },
    async issueTypes(key) {
      return (await project(key)).issueTypes.map((t) => ({ id: t.id, name: t.name, subtask: t.subtask }));
    },
    async createFields(key, issueTypeId, options = {}) {
      // The tool takes the issue type by name, as legacy servers do.
      const type = (await project(key)).issueTypes.find((t) => t.id === issueTypeId);
      if (!type)
        throw new TargetError(
          'jira_get_project',
          `${key} lists no issue type with id ${issueTypeId}`,
          false,
          false,
        );
      const { fields } = await call(
        'jira_get_create_fields',
        { project: key, issuetype: type.name },
        CreateFieldsSchema,
      );
      return fields.filter((f) => !options.requiredOnly || f.required).map(toFieldMeta);
    },
    async createIssue(input) {
      const created = await call('jira_create_issue', legacyIssueArgs(input, ctx.runLabel), CreatedSchema);
      ctx.created?.({ kind: 'issue', id: created.id, key: created.key });
      return { id: created.id, key: created.key };
    },
    async createEpic(input) {
      const created = await call(
        'jira_create_epic',
        {
          project: input.project,
          summary: input.summary,
          ...(input.description !== undefined ? { description: input.description } : {}),
        },
        CreatedSchema,
      );
      ctx.created?.({ kind: 'issue', id: created.id, key: created.key });
      return { id: created.id, key: created.key };
    },
    async getIssue(key) {
      // jira_get_issue has no fields filter: the caller gets what the tool returns.
      return legacyIssueData(await call('jira_get_issue', { issueKey: key }, LegacyIssueSchema));
    },
    async editIssue(key, changes) {
      // jira_update_issue replaces labels, so an add reads the issue's labels and writes the union.
      const labels = changes.addLabels?.length
        ? [
            ...new Set([
              ...(changes.labels ??
                (await call('jira_get_issue', { issueKey: key }, LegacyIssueSchema)).labels),
              ...changes.addLabels,
            ]),
          ]
        : changes.labels;
      await call(
        'jira_update_issue',
        {
          issueKey: key,
          updates: {
            ...(changes.summary !== undefined ? { summary: changes.summary } : {}),
            ...(changes.description !== undefined ? { description: changes.description } : {}),
            ...(labels !== undefined ? { labels } : {}),
            ...(changes.fields ? { fields: changes.fields } : {}),
          },
        },
        z.unknown(),
      );
    },
    async searchIssues(jql, options = {}) {
      const reason = `jira_search_issues returns at most maxResults issues and no page token`;
      if (options.pageToken) throw new UnsupportedVerbError('searchIssues', reason);
      const size = options.maxResults ?? LEGACY_PAGE;
      // One more than asked tells a complete page from one that leaves matches out of reach.
      const result = await call('jira_search_issues', { jql, maxResults: size + 1 }, SearchResultSchema);
      if (result.issues.length > size)
        throw new UnsupportedVerbError(
          'searchIssues',
          `${reason}: more than ${size} issues match and the rest cannot be fetched`,
        );
      return { issues: result.issues.map(legacyIssueData), total: result.total };
    },
  };
}
