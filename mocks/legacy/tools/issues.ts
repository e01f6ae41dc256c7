import { z } from 'zod';
import { type LegacyContext, browseUrl, defineTool, keyOf, nameOf, paragraph } from './define.ts';

const ISSUE_INPUT = z.object({
  summary: z.string().min(1).describe('Issue title/summary'),
  description: z.string().optional().describe('Issue description (plain text)'),
  issuetype: z.string().default('Story').describe('Issue type name: Story, Task, Bug, Subtask...'),
  project: z.string().min(1).describe('Project key, e.g. "PMOS"'),
  epicKey: z.string().optional().describe('Parent key: the epic of a story, or the story of a sub-task'),
  labels: z.array(z.string()).default([]).describe('Labels for the issue'),
  fields: z
    .record(z.string(), z.unknown())
    .optional()
    .describe('More Jira fields by id in Jira write shapes, e.g. {"customfield_10016": 5}'),
});
type IssueInput = z.output<typeof ISSUE_INPUT>;

const CreatedSchema = z.object({ id: z.string(), key: z.string() }).loose();

const BulkResultSchema = z
  .object({ issues: z.array(CreatedSchema).default([]), errors: z.array(z.unknown()).default([]) })
  .loose();

const IssueSchema = z
  .object({
    id: z.string(),
    key: z.string(),
    fields: z.record(z.string(), z.unknown()).default({}),
  })
  .loose();

/** The REST create body; custom `fields` go first so the named parameters win. */
function restFields(input: IssueInput): Record<string, unknown> {
  return {
    ...(input.fields ?? {}),
    project: { key: input.project },
    summary: input.summary,
    issuetype: { name: input.issuetype },
    ...(input.description ? { description: paragraph(input.description) } : {}),
    ...(input.labels.length > 0 ? { labels: input.labels } : {}),
    ...(input.epicKey ? { parent: { key: input.epicKey } } : {}),
  };
}

function created(ctx: LegacyContext, raw: unknown) {
  const { id, key } = CreatedSchema.parse(raw);
  return { id, key, url: browseUrl(ctx, key) };
}

export const ISSUE_TOOLS = [
  defineTool({
    name: 'jira_create_epic',
    description: 'Create a new epic in Jira',
    input: z.object({
      summary: z.string().min(1).describe('Epic title/summary'),
      description: z.string().optional().describe('Epic description (plain text)'),
      project: z.string().min(1).describe('Project key'),
    }),
    async run(args, ctx) {
      const body = {
        fields: {
          project: { key: args.project },
          summary: args.summary,
          issuetype: { name: 'Epic' },
          ...(args.description ? { description: paragraph(args.description) } : {}),
        },
      };
      return created(ctx, await ctx.jira.request('POST', '/issue', body));
    },
  }),
  defineTool({
    name: 'jira_create_issue',
    description: 'Create a new issue (story/task/bug) in Jira, optionally under an epic, with labels',
    input: ISSUE_INPUT,
    async run(args, ctx) {
      return created(ctx, await ctx.jira.request('POST', '/issue', { fields: restFields(args) }));
    },
  }),
  defineTool({
    name: 'jira_bulk_create_issues',
    description:
      "Create multiple issues in bulk (up to 50 at once) with one call to Jira's bulk endpoint; Jira's per-item errors are returned as they are",
    input: z.object({
      issues: z
        .array(ISSUE_INPUT)
        .min(1)
        .max(50, "at most 50 issues per call (Jira's bulk limit); split the batch")
        .describe('Issues to create, each like jira_create_issue'),
    }),
    async run(args, ctx) {
      const result = BulkResultSchema.parse(
        await ctx.jira.request('POST', '/issue/bulk', {
          issueUpdates: args.issues.map((i) => ({ fields: restFields(i) })),
        }),
      );
      return { issues: result.issues.map((i) => created(ctx, i)), errors: result.errors };
    },
  }),
  defineTool({
    name: 'jira_get_issue',
    description: 'Get details of a specific issue by key',
    input: z.object({ issueKey: z.string().min(1).describe('Issue key (e.g. PMOS-1)') }),
    async run(args, ctx) {
      const issue = IssueSchema.parse(
        await ctx.jira.request('GET', `/issue/${encodeURIComponent(args.issueKey)}`),
      );
      const f = issue.fields;
      const assignee = z.object({ accountId: z.string() }).loose().safeParse(f.assignee);
      return {
        id: issue.id,
        key: issue.key,
        summary: f.summary,
        status: nameOf(f.status),
        issuetype: nameOf(f.issuetype),
        priority: nameOf(f.priority),
        assignee: assignee.success ? assignee.data.accountId : null,
        parent: keyOf(f.parent),
        labels: f.labels ?? [],
        description: f.description ?? null,
        // Every custom field as Jira returned it, null when empty (so a cleared field reads as cleared).
        customFields: Object.fromEntries(Object.entries(f).filter(([id]) => id.startsWith('customfield_'))),
        url: browseUrl(ctx, issue.key),
      };
    },
  }),
  defineTool({
    name: 'jira_update_issue',
    description: 'Update an existing issue: summary, description, labels (replaced) and other fields by id',
    input: z.object({
      issueKey: z.string().min(1).describe('Issue key to update'),
      updates: z
        .object({
          summary: z.string().optional(),
          description: z.string().optional(),
          labels: z.array(z.string()).optional(),
          fields: z
            .record(z.string(), z.unknown())
            .optional()
            .describe('More Jira fields by id; null clears one'),
        })
        .describe('Fields to update'),
    }),
    async run(args, ctx) {
      const { summary, description, labels, fields } = args.updates;
      const body = {
        fields: {
          ...(fields ?? {}),
          ...(summary !== undefined ? { summary } : {}),
          ...(description !== undefined ? { description: paragraph(description) } : {}),
          ...(labels !== undefined ? { labels } : {}),
        },
      };
      await ctx.jira.request('PUT', `/issue/${encodeURIComponent(args.issueKey)}`, body);
      return { success: true, key: args.issueKey, url: browseUrl(ctx, args.issueKey) };
    },
  }),
];
