import { z } from 'zod';
import { browseUrl, defineTool, keyOf, nameOf } from './define.ts';

const MyselfSchema = z
  .object({ accountId: z.string(), displayName: z.string(), emailAddress: z.string().optional() })
  .loose();

const IssueTypeSchema = z
  .object({ id: z.string(), name: z.string(), subtask: z.boolean().default(false) })
  .loose();

const ProjectSchema = z
  .object({
    id: z.string(),
    key: z.string(),
    name: z.string(),
    projectTypeKey: z.string().optional(),
    simplified: z.boolean().optional(),
    style: z.string().optional(),
    self: z.string().optional(),
    issueTypes: z.array(IssueTypeSchema).default([]),
  })
  .loose();

const SearchSchema = z
  .object({
    issues: z.array(
      z
        .object({ id: z.string(), key: z.string(), fields: z.record(z.string(), z.unknown()).default({}) })
        .loose(),
    ),
    total: z.number().optional(),
    nextPageToken: z.string().optional(),
  })
  .loose();

const IssueTypePageSchema = z.object({ issueTypes: z.array(IssueTypeSchema) }).loose();

const FieldPageSchema = z
  .object({
    // The paged createmeta has named its array `fields`, `results` and `values` over time.
    fields: z.array(z.unknown()).optional(),
    results: z.array(z.unknown()).optional(),
    values: z.array(z.unknown()).optional(),
    total: z.number(),
  })
  .loose();

const FieldSchema = z
  .object({
    fieldId: z.string(),
    name: z.string(),
    required: z.boolean(),
    schema: z.record(z.string(), z.unknown()),
    allowedValues: z.array(z.unknown()).optional(),
  })
  .loose();

const SEARCH_FIELDS = 'summary,status,issuetype,labels,parent';

export const LOOKUP_TOOLS = [
  defineTool({
    name: 'jira_test_connection',
    description: 'Test Jira API connection and get current user info',
    input: z.object({}),
    async run(_args, ctx) {
      const me = MyselfSchema.parse(await ctx.jira.request('GET', '/myself'));
      return {
        success: true,
        user: { accountId: me.accountId, displayName: me.displayName, emailAddress: me.emailAddress },
        cloudId: ctx.cloudId,
        baseUrl: ctx.jira.base,
      };
    },
  }),
  defineTool({
    name: 'jira_search_issues',
    description: 'Search issues using JQL (Jira Query Language); up to maxResults issues, without paging',
    input: z.object({
      jql: z.string().min(1).describe('JQL query (e.g. "project=PMOS AND status=Done")'),
      maxResults: z.number().int().positive().default(50).describe('Maximum results to return'),
    }),
    async run(args, ctx) {
      // Jira caps a page (100 with fields), so the tool follows nextPageToken up to maxResults, as
      // mcp-atlassian does; the caller gets one list and never a token.
      const issues: z.output<typeof SearchSchema>['issues'] = [];
      let total: number | undefined;
      for (let token: string | undefined; issues.length < args.maxResults;) {
        const query = new URLSearchParams({
          jql: args.jql,
          maxResults: String(args.maxResults - issues.length),
          fields: SEARCH_FIELDS,
          ...(token ? { nextPageToken: token } : {}),
        });
        const page = SearchSchema.parse(await ctx.jira.request('GET', `/search/jql?${query}`));
        issues.push(...page.issues);
        total ??= page.total;
        token = page.nextPageToken;
        if (!token || page.issues.length === 0) break;
      }
      return {
        // /search/jql has no total; the pre-migration code still reads it (jira-semantics.md C2).
        total,
        issues: issues.slice(0, args.maxResults).map((i) => ({
          id: i.id,
          key: i.key,
          summary: i.fields.summary,
          status: nameOf(i.fields.status),
          issuetype: nameOf(i.fields.issuetype),
          labels: i.fields.labels ?? [],
          parent: keyOf(i.fields.parent),
          url: browseUrl(ctx, i.key),
        })),
      };
    },
  }),
  defineTool({
    name: 'jira_get_project',
    description: 'Get project metadata, including its issue types',
    input: z.object({ projectKey: z.string().min(1).describe('Project key') }),
    async run(args, ctx) {
      const p = ProjectSchema.parse(
        await ctx.jira.request('GET', `/project/${encodeURIComponent(args.projectKey)}`),
      );
      return {
        id: p.id,
        key: p.key,
        name: p.name,
        projectTypeKey: p.projectTypeKey,
        simplified: p.simplified,
        style: p.style,
        issueTypes: p.issueTypes.map((t) => ({ id: t.id, name: t.name, subtask: t.subtask })),
        url: p.self,
      };
    },
  }),
  defineTool({
    name: 'jira_get_create_fields',
    description:
      'List the fields of the create screen for an issue type (by name), custom fields with their ids and allowed values',
    input: z.object({
      project: z.string().min(1).describe('Project key'),
      issuetype: z.string().min(1).describe('Issue type name, e.g. Story'),
    }),
    async run(args, ctx) {
      const project = encodeURIComponent(args.project);
      const types = IssueTypePageSchema.parse(
        await ctx.jira.request('GET', `/issue/createmeta/${project}/issuetypes?maxResults=200`),
      ).issueTypes;
      const type = types.find((t) => t.name.toLowerCase() === args.issuetype.toLowerCase());
      if (!type)
        throw new Error(
          `issue type "${args.issuetype}" is not available in ${args.project} (available: ${types.map((t) => t.name).join(', ')})`,
        );
      const fields: z.output<typeof FieldSchema>[] = [];
      for (let startAt = 0; ;) {
        const page = FieldPageSchema.parse(
          await ctx.jira.request(
            'GET',
            `/issue/createmeta/${project}/issuetypes/${type.id}?startAt=${startAt}&maxResults=200`,
          ),
        );
        const items = page.fields ?? page.results ?? page.values ?? [];
        fields.push(...items.map((f) => FieldSchema.parse(f)));
        startAt += items.length;
        if (items.length === 0 || startAt >= page.total) break;
      }
      return { project: args.project, issuetype: { id: type.id, name: type.name }, fields };
    },
  }),
];
