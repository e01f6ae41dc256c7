import { z } from 'zod';
import { adfToMarkdown, isAdfDoc } from '../../../lib/content/index.ts';
import { HarnessError } from '../../errors.ts';
import type { DriverContext } from '../context.ts';
import { allCreateFields, FieldMetaPageSchema, toIssueData } from '../shapes/jira.ts';
import type { Driver, IssueData } from '../types.ts';
import { droppedError, droppedKeys } from './readback.ts';
import type { OperationRouter } from './router.ts';

/** Calls an operation through the router and parses its answer; a bad shape is the harness's limit. */
export function caller(ctx: DriverContext, router: OperationRouter) {
  return async <S extends z.ZodType>(
    op: string,
    inputs: Record<string, unknown>,
    schema: S,
  ): Promise<z.output<S>> => {
    const outcome = await router.call(ctx.session, op, inputs);
    if (!outcome.ok) throw outcome.error;
    const parsed = schema.safeParse(outcome.payload);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    throw new HarnessError(
      'TOOL_RESULT_INVALID',
      `${op} answered in an unexpected shape: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`,
    );
  };
}

export const markdownOf = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  return isAdfDoc(value) ? adfToMarkdown(value) : JSON.stringify(value);
};

/** v1's issue reading, with the description as Markdown: v2 answers it in ADF whatever is asked. */
export function toIssue(raw: unknown): IssueData {
  const issue = toIssueData(raw);
  return { ...issue, description: markdownOf(issue.fields.description) };
}

/** v2's GraphQL-like search page `{issues: {nodes, pageInfo}}` (Q11; I118, I225). */
const NodesPageSchema = z
  .object({
    issues: z
      .object({
        nodes: z.array(z.unknown()),
        totalCount: z.number().optional(),
        pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullish() }).loose(),
      })
      .loose(),
    totalCount: z.number().optional(),
  })
  .loose()
  .transform(({ issues, totalCount }) => ({
    nodes: issues.nodes,
    next: issues.pageInfo.hasNextPage ? (issues.pageInfo.endCursor ?? undefined) : undefined,
    total: issues.totalCount ?? totalCount,
  }));

/** Jira's REST search page (`issues` an array, `nextPageToken`), as v1 answers it. */
const RestPageSchema = z
  .object({
    issues: z.array(z.unknown()),
    nextPageToken: z.string().optional(),
    total: z.number().optional(),
  })
  .loose()
  .transform(({ issues, nextPageToken, total }) => ({ nodes: issues, next: nextPageToken, total }));

/** Either page, read into one shape so the caller needs no casts. */
const SearchSchema = z.union([NodesPageSchema, RestPageSchema]);

const MD = { responseContentFormat: 'markdown' } as const;
/** `view: full`: the default `compact` view drops parent, issue type and labels (T-VIEW, Q12). */
const FULL = { view: 'full' } as const;

type CodeJiraVerbs = Pick<
  Driver,
  'createFields' | 'createIssue' | 'createEpic' | 'getIssue' | 'editIssue' | 'transition' | 'searchIssues'
>;

/** Jira verbs data cannot say: paging, the read-back after every write, v2's two search shapes. */
export function v2Jira(ctx: DriverContext, router: OperationRouter): CodeJiraVerbs {
  const call = caller(ctx, router);
  const getIssue: Driver['getIssue'] = async (key, options = {}) =>
    toIssue(
      await call(
        'getJiraIssue',
        { issueIdOrKey: key, ...MD, ...FULL, ...(options.fields ? { fields: options.fields } : {}) },
        z.unknown(),
      ),
    );
  const readBack = async (tool: string, key: string, sent: Parameters<typeof droppedKeys>[0]) => {
    const fields = [
      ...Object.keys(sent.fields ?? {}),
      ...(sent.labels?.length ? ['labels'] : []),
      ...(sent.parent ? ['parent'] : []),
      ...(sent.assignee ? ['assignee'] : []),
    ];
    if (fields.length === 0) return;
    const dropped = droppedKeys(sent, await getIssue(key, { fields }));
    if (dropped.length) throw droppedError(tool, key, dropped);
  };
  const createIssue: Driver['createIssue'] = async (input) => {
    const labels = [...new Set([...(input.labels ?? []), ...(ctx.runLabel ? [ctx.runLabel] : [])])];
    const { priority, ...fields } = input.fields ?? {};
    const priorityName = z.object({ name: z.string() }).loose().safeParse(priority);
    const created = await call(
      'createJiraIssue',
      {
        projectKey: input.project,
        issueType: input.issueType,
        summary: input.summary,
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.parent ? { parent: input.parent } : {}),
        ...(input.assignee ? { assignee: input.assignee } : {}),
        // v2 takes priority as a top-level name, not an additional field (SKv2, T-FMT).
        ...(priorityName.success
          ? { priority: priorityName.data.name }
          : priority !== undefined
            ? { priority }
            : {}),
        additional_fields: { ...(labels.length ? { labels } : {}), ...fields },
      },
      z.object({ id: z.union([z.string(), z.number().transform(String)]), key: z.string() }).loose(),
    );
    ctx.created?.({ kind: 'issue', id: created.id, key: created.key });
    await readBack('createJiraIssue', created.key, {
      fields,
      labels,
      parent: input.parent,
      assignee: input.assignee,
    });
    return { id: created.id, key: created.key };
  };
  return {
    async createFields(project, issueTypeId, options = {}) {
      // Small pages, read to the end: a page cut short (Q11-like defects) still ends by count.
      const fields = await allCreateFields((startAt) =>
        call(
          'getJiraIssueTypeMetaWithFields',
          { projectIdOrKey: project, issueTypeId, startAt, maxResults: 50 },
          FieldMetaPageSchema,
        ),
      );
      return fields.filter((f) => !options.requiredOnly || f.required);
    },
    createIssue,
    createEpic: (input) => createIssue({ ...input, issueType: 'Epic' }),
    getIssue,
    async editIssue(key, changes) {
      const fields: Record<string, unknown> = { ...(changes.fields ?? {}) };
      if (changes.summary !== undefined) fields.summary = changes.summary;
      if (changes.description !== undefined) fields.description = changes.description;
      if (changes.labels !== undefined) fields.labels = changes.labels;
      if (changes.addLabels?.length) {
        // editJiraIssue's `fields` replaces an array: an add is read, merge, write.
        const current = changes.labels ?? (await getIssue(key, { fields: ['labels'] })).labels;
        fields.labels = [...new Set([...current, ...changes.addLabels])];
      }
      await call(
        'editJiraIssue',
        { issueIdOrKey: key, fields, contentFormat: 'markdown', ...MD },
        z.unknown(),
      );
      const { summary: _s, description: _d, ...rest } = fields;
      await readBack('editJiraIssue', key, { fields: rest });
    },
    async transition(key, transitionId, fields) {
      await call(
        'transitionJiraIssue',
        { issueIdOrKey: key, transitionId, ...(fields ? { fields } : {}) },
        z.unknown(),
      );
      if (fields) await readBack('transitionJiraIssue', key, { fields });
    },
    async searchIssues(jql, options = {}) {
      const result = await call(
        'searchJiraIssuesUsingJql',
        {
          jql,
          ...MD,
          ...FULL,
          ...(options.maxResults ? { maxResults: options.maxResults } : {}),
          ...(options.pageToken ? { nextPageToken: options.pageToken } : {}),
          ...(options.fields ? { fields: options.fields } : {}),
        },
        SearchSchema,
      );
      return { issues: result.nodes.map(toIssue), nextPageToken: result.next, total: result.total };
    },
  };
}
