import { z } from 'zod';
import { addComment, updateComment } from '../../atlassian/jira/comments.ts';
import { fieldHandler } from '../../atlassian/jira/fields/registry.ts';
import { createIssue, editIssue, getIssue } from '../../atlassian/jira/issues.ts';
import { createIssueLink } from '../../atlassian/jira/links.ts';
import { transitionIssue } from '../../atlassian/jira/transitions.ts';
import { saveWorklog } from '../../atlassian/jira/worklogs.ts';
import { browseUrl } from '../../atlassian/urls.ts';
import { checkCloudId } from '../cloud-id.ts';
import { renderRichText, richTextToAdf } from '../content.ts';
import { WRITE, defineTool } from './define.ts';
import { DEFAULT_ISSUE_FIELDS } from './jira-read.ts';
import { CLOUD_ID, ISSUE_ID_OR_KEY, JIRA_FORMAT } from './params.ts';

const ADF_OBJECT = z.object({ type: z.literal('doc') }).loose();

const actorRef = z
  .object({
    id: z.string().optional(),
    displayName: z.string().optional(),
    type: z.string().optional(),
    avatarUrl: z.string().optional(),
    url: z.string().optional(),
  })
  .strict();

export const JIRA_WRITE_TOOLS = [
  defineTool({
    name: 'createJiraIssue',
    group: 'write_jira',
    description:
      'Create a new Jira issue in a project. issueTypeName is a name like "Task", "Bug" or "Story". Use additional_fields for priority, labels, components and custom fields, e.g. {"priority":{"name":"High"},"labels":["bug"],"customfield_10001":"value"}; it is the only way to set them.',
    input: z
      .object({
        cloudId: CLOUD_ID,
        projectKey: z.string().describe('The project key, e.g. "PROJ"'),
        issueTypeName: z.string().describe('Issue type name, e.g. "Task", "Bug", "Story" (not an ID)'),
        summary: z.string(),
        description: z
          .union([z.string().max(32000), ADF_OBJECT])
          .optional()
          .describe('Markdown string, or an ADF document when contentFormat is "adf"'),
        parent: z.string().optional().describe('Parent issue key, for subtasks and epic children'),
        assignee_account_id: z.string().optional(),
        additional_fields: z.record(z.string(), z.unknown()).optional(),
        transition: z.object({ id: z.string() }).strict().optional(),
        contentFormat: JIRA_FORMAT.optional(),
        responseContentFormat: JIRA_FORMAT.optional(),
      })
      .strict(),
    annotations: { ...WRITE, title: 'Create Jira issue' },
    run(args, ctx) {
      checkCloudId(ctx.store, args.cloudId);
      const fields: Record<string, unknown> = {
        project: { key: args.projectKey },
        issuetype: { name: args.issueTypeName },
        summary: args.summary,
      };
      if (args.description !== undefined)
        fields.description = richTextToAdf(
          'description',
          args.description,
          args.contentFormat,
          ctx.profile.defaultContentFormat.jira,
        );
      if (args.parent !== undefined) fields.parent = { key: args.parent };
      if (args.assignee_account_id !== undefined) fields.assignee = { accountId: args.assignee_account_id };
      // additional_fields go to Jira unchanged (rovo-surface.md 3b): no conversion, Jira's rules apply.
      Object.assign(fields, args.additional_fields ?? {});
      const created = createIssue(ctx.store, ctx.actor, {
        fields,
        ...(args.transition ? { transition: args.transition } : {}),
      });
      return { ...created, webUrl: browseUrl(ctx.store, created.key) };
    },
  }),
  defineTool({
    name: 'editJiraIssue',
    group: 'write_jira',
    description:
      'Update fields of a Jira issue. fields is keyed by field id or name (customfield_NNNNN allowed); null clears a field; arrays replace the current value.',
    input: z
      .object({
        cloudId: CLOUD_ID,
        issueIdOrKey: ISSUE_ID_OR_KEY,
        fields: z.record(z.string(), z.unknown()),
        contentFormat: JIRA_FORMAT.optional(),
        responseContentFormat: JIRA_FORMAT.optional(),
      })
      .strict(),
    annotations: { ...WRITE, title: 'Edit Jira issue', idempotentHint: true },
    run(args, ctx) {
      checkCloudId(ctx.store, args.cloudId);
      const fields: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(args.fields)) {
        const id = fieldHandler(ctx.store, key)?.id ?? key;
        // Only the description is converted from Markdown; custom rich-text fields are passed through (#101).
        fields[id] =
          id === 'description' && value !== null
            ? richTextToAdf('description', value, args.contentFormat, ctx.profile.defaultContentFormat.jira)
            : value;
      }
      editIssue(ctx.store, ctx.actor, args.issueIdOrKey, { fields });
      const issue = getIssue(ctx.store, ctx.actor, args.issueIdOrKey, { fields: DEFAULT_ISSUE_FIELDS });
      const format = args.responseContentFormat ?? ctx.profile.defaultContentFormat.jira;
      return renderRichText({ ...issue, webUrl: browseUrl(ctx.store, issue.key) }, format);
    },
  }),
  defineTool({
    name: 'transitionJiraIssue',
    group: 'write_jira',
    description:
      'Transition a Jira issue to a new status. Get the transition id from getTransitionsForJiraIssue first.',
    input: z
      .object({
        cloudId: CLOUD_ID,
        issueIdOrKey: ISSUE_ID_OR_KEY,
        transition: z.object({ id: z.string() }).strict(),
        fields: z.record(z.string(), z.unknown()).optional(),
        update: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))).optional(),
        historyMetadata: z
          .object({
            type: z.string().optional(),
            description: z.string().optional(),
            descriptionKey: z.string().optional(),
            activityDescription: z.string().optional(),
            activityDescriptionKey: z.string().optional(),
            emailDescription: z.string().optional(),
            emailDescriptionKey: z.string().optional(),
            actor: actorRef.optional(),
            generator: actorRef.optional(),
            cause: actorRef.optional(),
            extraData: z.record(z.string(), z.string()).optional(),
          })
          .strict()
          .optional(),
      })
      .strict(),
    annotations: { ...WRITE, title: 'Transition Jira issue' },
    run(args, ctx) {
      checkCloudId(ctx.store, args.cloudId);
      const { cloudId: _c, issueIdOrKey, ...body } = args;
      transitionIssue(ctx.store, ctx.actor, issueIdOrKey, body);
      return { success: true, message: `Issue ${issueIdOrKey} transitioned.` };
    },
  }),
  defineTool({
    name: 'addCommentToJiraIssue',
    group: 'write_jira',
    description: 'Add a comment to a Jira issue, or edit an existing comment when commentId is given.',
    input: z
      .object({
        cloudId: CLOUD_ID,
        issueIdOrKey: ISSUE_ID_OR_KEY,
        commentBody: z.union([z.string(), ADF_OBJECT]),
        commentId: z.string().max(18).optional(),
        commentVisibility: z
          .object({ type: z.enum(['group', 'role']), value: z.string() })
          .strict()
          .optional(),
        contentFormat: JIRA_FORMAT.optional(),
        responseContentFormat: JIRA_FORMAT.optional(),
      })
      .strict(),
    annotations: { ...WRITE, title: 'Add comment to Jira issue' },
    run(args, ctx) {
      checkCloudId(ctx.store, args.cloudId);
      const body = richTextToAdf(
        'commentBody',
        args.commentBody,
        args.contentFormat,
        ctx.profile.defaultContentFormat.jira,
      );
      const input = { body, visibility: args.commentVisibility };
      const comment =
        args.commentId === undefined
          ? addComment(ctx.store, ctx.actor, args.issueIdOrKey, input)
          : updateComment(ctx.store, ctx.actor, args.issueIdOrKey, args.commentId, input);
      return renderRichText(comment, args.responseContentFormat ?? ctx.profile.defaultContentFormat.jira);
    },
  }),
  defineTool({
    name: 'addWorklogToJiraIssue',
    group: 'write_jira',
    description: 'Log time on a Jira issue ("2h", "30m", "4d"), or update a worklog when worklogId is given.',
    input: z
      .object({
        cloudId: CLOUD_ID,
        issueIdOrKey: ISSUE_ID_OR_KEY,
        timeSpent: z.string().describe('e.g. "2h", "30m", "4d"'),
        worklogId: z.string().optional(),
        commentBody: z.union([z.string(), ADF_OBJECT]).optional(),
        started: z
          .string()
          .optional()
          .describe('ISO-8601, e.g. 2026-03-09T09:00:00.000+0000; defaults to now'),
        visibility: z
          .object({ type: z.enum(['group', 'role']), value: z.string() })
          .strict()
          .optional(),
        contentFormat: JIRA_FORMAT.optional(),
      })
      .strict(),
    annotations: { ...WRITE, title: 'Add worklog to Jira issue' },
    run(args, ctx) {
      checkCloudId(ctx.store, args.cloudId);
      const comment =
        args.commentBody === undefined
          ? undefined
          : richTextToAdf(
              'commentBody',
              args.commentBody,
              args.contentFormat,
              ctx.profile.defaultContentFormat.jira,
            );
      return saveWorklog(
        ctx.store,
        ctx.actor,
        args.issueIdOrKey,
        { timeSpent: args.timeSpent, started: args.started, comment },
        args.worklogId,
      );
    },
  }),
  defineTool({
    name: 'createIssueLink',
    group: 'write_jira',
    description:
      'Link two Jira issues. type is a link type name (Blocks, Duplicate, Clones, Relates). For "A is blocked by B", the inward issue is B (the blocker).',
    input: z
      .object({
        cloudId: CLOUD_ID,
        inwardIssue: z.string().describe('Inward issue key'),
        outwardIssue: z.string().describe('Outward issue key'),
        type: z.string().describe('Link type name, e.g. "Blocks"'),
        comment: z.union([z.string(), ADF_OBJECT]).optional(),
        contentFormat: JIRA_FORMAT.optional(),
      })
      .strict(),
    annotations: { ...WRITE, title: 'Create issue link' },
    run(args, ctx) {
      checkCloudId(ctx.store, args.cloudId);
      const comment =
        args.comment === undefined
          ? undefined
          : {
              body: richTextToAdf(
                'comment',
                args.comment,
                args.contentFormat,
                ctx.profile.defaultContentFormat.jira,
              ),
            };
      createIssueLink(ctx.store, ctx.actor, {
        type: { name: args.type },
        inwardIssue: { key: args.inwardIssue },
        outwardIssue: { key: args.outwardIssue },
        comment,
      });
      return {
        success: true,
        message: `Linked ${args.inwardIssue} and ${args.outwardIssue} (${args.type}).`,
      };
    },
  }),
];
