import { AtlassianError } from '../atlassian/errors.ts';
import { ignoreArgument, patchResult, patchRun, record } from './kit/patch.ts';
import type { Variant } from './kit/types.ts';

export const variants: Variant[] = [
  {
    name: 'projects-paging-repeats',
    defect: 'getVisibleJiraProjects ignores startAt and always answers the first page',
    breaks: ['jira.projects.visible'],
    apply: (cloud) =>
      patchRun(cloud, 'getVisibleJiraProjects', (healthy, args, ctx) =>
        healthy({ ...args, startAt: 0 }, ctx),
      ),
  },
  {
    name: 'issue-type-ids-are-names',
    defect: 'getJiraProjectIssueTypesMetadata puts the type name where its id belongs',
    breaks: ['jira.metadata.issue-types'],
    apply: (cloud) =>
      patchResult(cloud, 'getJiraProjectIssueTypesMetadata', (payload) => {
        const p = record(payload);
        const types = Array.isArray(p.issueTypes) ? p.issueTypes.map(record) : [];
        return { ...p, issueTypes: types.map((t) => ({ ...t, id: t.name })) };
      }),
  },
  {
    name: 'create-fields-ignore-required-only',
    defect: 'getJiraIssueTypeMetaWithFields returns every field whatever requiredFieldsOnly says',
    breaks: ['jira.metadata.create-fields'],
    apply: (cloud) =>
      patchRun(cloud, 'getJiraIssueTypeMetaWithFields', (healthy, args, ctx) =>
        healthy({ ...args, requiredFieldsOnly: false }, ctx),
      ),
  },
  {
    name: 'create-drops-description',
    defect: 'createJiraIssue silently drops the description',
    breaks: ['jira.issue.create'],
    apply: (cloud) => ignoreArgument(cloud, 'createJiraIssue', 'description'),
  },
  {
    name: 'epic-created-as-task',
    defect: 'createJiraIssue creates a Task when asked for an Epic',
    breaks: ['jira.epic.create'],
    apply: (cloud) =>
      patchRun(cloud, 'createJiraIssue', (healthy, args, ctx) =>
        healthy(args.issueTypeName === 'Epic' ? { ...args, issueTypeName: 'Task' } : args, ctx),
      ),
  },
  {
    name: 'fields-filter-loses-requested',
    defect: 'getJiraIssue answers only the summary whatever fields were asked for',
    breaks: ['jira.issue.fields-filter'],
    apply: (cloud) =>
      patchRun(cloud, 'getJiraIssue', (healthy, args, ctx) =>
        healthy(args.fields ? { ...args, fields: ['summary'] } : args, ctx),
      ),
  },
  {
    name: 'edit-appends-labels',
    defect: 'editJiraIssue adds the given labels to the old ones instead of replacing them',
    breaks: ['jira.issue.edit'],
    apply: (cloud) =>
      patchRun(cloud, 'editJiraIssue', (healthy, args, ctx) => {
        const fields = record(args.fields);
        const issue = ctx.store.issueByIdOrKey(String(args.issueIdOrKey));
        if (issue && Array.isArray(fields.labels))
          fields.labels = [...issue.labels, ...(fields.labels as unknown[])];
        return healthy({ ...args, fields }, ctx);
      }),
  },
  {
    name: 'parent-ignored',
    defect: 'createJiraIssue ignores the parent key',
    breaks: ['jira.issue.parent', 'bulk.create.120'],
    apply: (cloud) => ignoreArgument(cloud, 'createJiraIssue', 'parent'),
  },
  {
    name: 'transition-no-op',
    defect: 'transitionJiraIssue reports success and leaves the status alone',
    breaks: ['jira.issue.transition'],
    apply: (cloud) => patchRun(cloud, 'transitionJiraIssue', () => ({ success: true })),
  },
  {
    name: 'comment-edit-adds-new',
    defect: 'addCommentToJiraIssue ignores commentId and adds another comment',
    breaks: ['jira.issue.comment'],
    apply: (cloud) => ignoreArgument(cloud, 'addCommentToJiraIssue', 'commentId'),
  },
  {
    name: 'worklog-minutes-as-hours',
    defect: 'addWorklogToJiraIssue reads minutes as hours',
    breaks: ['jira.issue.worklog'],
    apply: (cloud) =>
      patchRun(cloud, 'addWorklogToJiraIssue', (healthy, args, ctx) =>
        healthy({ ...args, timeSpent: String(args.timeSpent).replace(/m\b/g, 'h') }, ctx),
      ),
  },
  {
    name: 'link-not-stored',
    defect: 'createIssueLink reports success without linking',
    breaks: ['jira.issue.link'],
    apply: (cloud) => patchRun(cloud, 'createIssueLink', () => ({ success: true })),
  },
  {
    name: 'jql-ignores-desc',
    defect: 'searchJiraIssuesUsingJql sorts ascending whatever ORDER BY says',
    breaks: ['jira.search.jql'],
    apply: (cloud) =>
      patchRun(cloud, 'searchJiraIssuesUsingJql', (healthy, args, ctx) =>
        healthy({ ...args, jql: String(args.jql).replace(/\bDESC\b/gi, 'ASC') }, ctx),
      ),
  },
  {
    name: 'jql-page-token-ignored',
    defect: 'searchJiraIssuesUsingJql ignores nextPageToken and repeats the first page',
    breaks: ['jira.search.paging'],
    apply: (cloud) => ignoreArgument(cloud, 'searchJiraIssuesUsingJql', 'nextPageToken'),
  },
  {
    name: 'invalid-jql-empty-result',
    defect: 'a JQL error is swallowed into an empty result (the legacy #1295 behaviour)',
    breaks: ['jira.search.invalid-jql'],
    apply: (cloud) =>
      patchRun(cloud, 'searchJiraIssuesUsingJql', async (healthy, args, ctx) => {
        try {
          return await healthy(args, ctx);
        } catch {
          return { issues: [], isLast: true };
        }
      }),
  },
  {
    name: 'not-found-internal-error',
    defect: "an unknown issue is answered with an internal error instead of Jira's 404 text",
    breaks: ['jira.errors.not-found'],
    apply: (cloud) =>
      patchRun(cloud, 'getJiraIssue', async (healthy, args, ctx) => {
        try {
          return await healthy(args, ctx);
        } catch (e) {
          if (e instanceof AtlassianError && e.status === 404)
            throw new Error('Internal server error', { cause: e });
          throw e;
        }
      }),
  },
  {
    name: 'lenient-arguments',
    defect: 'createJiraIssue accepts arguments it does not know and drops them',
    breaks: ['jira.errors.bad-arguments'],
    apply: (cloud) => cloud.rovo.patchTool('createJiraIssue', (t) => ({ ...t, input: t.input.loose() })),
  },
  {
    name: 'field-errors-swallowed',
    defect: 'createJiraIssue drops field values Jira would reject and creates the issue anyway',
    breaks: ['jira.errors.field-errors'],
    apply: (cloud) =>
      patchRun(cloud, 'createJiraIssue', (healthy, args, ctx) => {
        const extra = { ...record(args.additional_fields) };
        if (Array.isArray(extra.labels))
          extra.labels = extra.labels.filter((l) => typeof l === 'string' && !/\s/.test(l));
        delete extra.priority;
        return healthy({ ...args, additional_fields: extra }, ctx);
      }),
  },
];
