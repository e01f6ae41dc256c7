import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { AltRest } from './rest.ts';

/** What every tool of the second reference server works with. */
export interface AltContext {
  rest: AltRest;
  cloudId: string;
  siteUrl: string;
}

const Ref = z.object({ id: z.string(), key: z.string() }).loose();
const Named = z.object({ name: z.string() }).loose();
const Keyed = z.object({ key: z.string() }).loose();
const Account = z.object({ accountId: z.string() }).loose();
const Issue = z
  .object({ id: z.string(), key: z.string(), fields: z.record(z.string(), z.unknown()) })
  .loose();
const SearchPage = z.object({ issues: z.array(Issue), nextPageToken: z.string().optional() }).loose();
const Bulk = z.object({ issues: z.array(Ref).default([]), errors: z.array(z.unknown()).default([]) }).loose();
const Myself = z.object({
  accountId: z.string(),
  displayName: z.string(),
  emailAddress: z.string().optional(),
});

const issueInput = {
  summary: z.string().min(1),
  description: z.string().optional(),
  issuetype: z.string().default('Story'),
  project: z.string().min(1),
  epicKey: z.string().optional(),
  labels: z.array(z.string()).default([]),
  fields: z.record(z.string(), z.unknown()).optional(),
};
const IssueInput = z.object(issueInput);
type IssueInput = z.output<typeof IssueInput>;

const doc = (text: string) => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

function createBody(input: IssueInput) {
  return {
    fields: {
      ...input.fields,
      project: { key: input.project },
      issuetype: { name: input.issuetype },
      summary: input.summary,
      ...(input.description ? { description: doc(input.description) } : {}),
      ...(input.labels.length ? { labels: input.labels } : {}),
      ...(input.epicKey ? { parent: { key: input.epicKey } } : {}),
    },
  };
}

const link = (ctx: AltContext, key: string) => `${ctx.siteUrl}/browse/${key}`;
const created = (ctx: AltContext, ref: z.output<typeof Ref>) => ({
  issueKey: ref.key,
  issueId: ref.id,
  link: link(ctx, ref.key),
});

/** An issue flattened under this server's own names (title, state, type...), custom fields apart. */
function flat(ctx: AltContext, issue: z.output<typeof Issue>) {
  const f = issue.fields;
  return {
    issueKey: issue.key,
    issueId: issue.id,
    title: f.summary,
    state: Named.safeParse(f.status).data?.name ?? null,
    type: Named.safeParse(f.issuetype).data?.name ?? null,
    priorityName: Named.safeParse(f.priority).data?.name ?? null,
    assigneeId: Account.safeParse(f.assignee).data?.accountId ?? null,
    parentKey: Keyed.safeParse(f.parent).data?.key ?? null,
    labels: f.labels ?? [],
    body: f.description ?? null,
    custom: Object.fromEntries(Object.entries(f).filter(([id]) => id.startsWith('customfield_'))),
    link: link(ctx, issue.key),
  };
}

const json = (value: unknown): CallToolResult => ({
  content: [{ type: 'text', text: JSON.stringify(value) }],
});

/** Any failure as an error result whose text carries Jira's body, the way this server reports it. */
async function answer(run: () => Promise<unknown>): Promise<CallToolResult> {
  try {
    return json(await run());
  } catch (error) {
    return { content: [{ type: 'text', text: (error as Error).message }], isError: true };
  }
}

/** The server's tools: the legacy tool names, no project metadata, results in its own shapes. */
export function registerAltTools(server: McpServer, ctx: AltContext): void {
  const { rest } = ctx;
  server.registerTool(
    'jira_test_connection',
    { description: 'Check the Jira connection and who the server acts as', inputSchema: {} },
    () =>
      answer(async () => {
        const me = Myself.parse(await rest.call('GET', '/myself'));
        return {
          connected: true,
          accountId: me.accountId,
          displayName: me.displayName,
          email: me.emailAddress,
        };
      }),
  );
  server.registerTool(
    'jira_search_issues',
    {
      description: 'Find issues with JQL; returns up to maxResults issues in one list',
      inputSchema: { jql: z.string().min(1), maxResults: z.number().int().positive().default(50) },
    },
    ({ jql, maxResults }) =>
      answer(async () => {
        const found: z.output<typeof Issue>[] = [];
        for (let token: string | undefined; found.length < maxResults;) {
          const query = new URLSearchParams({
            jql,
            maxResults: String(maxResults - found.length),
            fields: 'summary,status,issuetype,labels,parent,priority,assignee',
            ...(token ? { nextPageToken: token } : {}),
          });
          const page = SearchPage.parse(await rest.call('GET', `/search/jql?${query}`));
          found.push(...page.issues);
          token = page.nextPageToken;
          if (!token || page.issues.length === 0) break;
        }
        return { count: found.length, results: found.slice(0, maxResults).map((i) => flat(ctx, i)) };
      }),
  );
  server.registerTool(
    'jira_get_issue',
    { description: 'Read one issue by key', inputSchema: { issueKey: z.string().min(1) } },
    ({ issueKey }) =>
      answer(async () =>
        flat(ctx, Issue.parse(await rest.call('GET', `/issue/${encodeURIComponent(issueKey)}`))),
      ),
  );
  server.registerTool(
    'jira_create_issue',
    { description: 'Create a story, task or bug, optionally under an epic', inputSchema: issueInput },
    (input) =>
      answer(async () => created(ctx, Ref.parse(await rest.call('POST', '/issue', createBody(input))))),
  );
  server.registerTool(
    'jira_create_epic',
    {
      description: 'Create an epic',
      inputSchema: {
        summary: z.string().min(1),
        description: z.string().optional(),
        project: z.string().min(1),
      },
    },
    (input) =>
      answer(async () =>
        created(
          ctx,
          Ref.parse(
            await rest.call('POST', '/issue', createBody({ ...input, issuetype: 'Epic', labels: [] })),
          ),
        ),
      ),
  );
  server.registerTool(
    'jira_bulk_create_issues',
    {
      description: "Create up to 50 issues with Jira's bulk endpoint; Jira's errors are passed on",
      inputSchema: { issues: z.array(IssueInput).min(1).max(50) },
    },
    ({ issues }) =>
      answer(async () => {
        const result = Bulk.parse(
          await rest.call('POST', '/issue/bulk', { issueUpdates: issues.map(createBody) }),
        );
        return { created: result.issues.map((r) => created(ctx, r)), errors: result.errors };
      }),
  );
  server.registerTool(
    'jira_update_issue',
    {
      description: 'Change summary, description, labels (replaced) or other fields by id',
      inputSchema: {
        issueKey: z.string().min(1),
        updates: z.object({
          summary: z.string().optional(),
          description: z.string().optional(),
          labels: z.array(z.string()).optional(),
          fields: z.record(z.string(), z.unknown()).optional(),
        }),
      },
    },
    ({ issueKey, updates }) =>
      answer(async () => {
        const { summary, description, labels, fields } = updates;
        await rest.call('PUT', `/issue/${encodeURIComponent(issueKey)}`, {
          fields: {
            ...fields,
            ...(summary !== undefined ? { summary } : {}),
            ...(description !== undefined ? { description: doc(description) } : {}),
            ...(labels !== undefined ? { labels } : {}),
          },
        });
        return { updated: issueKey };
      }),
  );
}
