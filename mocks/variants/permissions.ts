import { jiraError } from '../atlassian/errors.ts';
import { patchAuthentication, patchRun, runAsAdmin } from './kit/patch.ts';
import type { Variant } from './kit/types.ts';

/** Permission defects: a check skipped, existence leaked, a search that sees too much, scopes ignored. */
export const variants: Variant[] = [
  {
    name: 'create-ignores-permission',
    defect: 'createJiraIssue creates without checking Create issues',
    breaks: ['permissions.jira.create-denied'],
    apply: (cloud) => runAsAdmin(cloud, 'createJiraIssue'),
  },
  {
    name: 'project-list-ignores-action',
    defect: 'getVisibleJiraProjects lists browsable projects whatever action is asked for',
    breaks: ['permissions.jira.create-projects'],
    apply: (cloud) =>
      patchRun(cloud, 'getVisibleJiraProjects', (healthy, args, ctx) =>
        healthy({ ...args, action: 'browse' }, ctx),
      ),
  },
  {
    name: 'edit-ignores-permission',
    defect: 'editJiraIssue changes fields without checking Edit issues',
    breaks: ['permissions.jira.edit-denied'],
    apply: (cloud) => runAsAdmin(cloud, 'editJiraIssue'),
  },
  {
    name: 'transition-ignores-permission',
    defect: 'transitions are offered and applied without checking Transition issues',
    breaks: ['permissions.jira.transition-denied'],
    apply(cloud) {
      runAsAdmin(cloud, 'getTransitionsForJiraIssue');
      runAsAdmin(cloud, 'transitionJiraIssue');
    },
  },
  {
    name: 'comment-ignores-permission',
    defect: 'addCommentToJiraIssue comments without checking Add comments',
    breaks: ['permissions.jira.comment-denied'],
    apply: (cloud) => runAsAdmin(cloud, 'addCommentToJiraIssue'),
  },
  {
    name: 'assignee-ignores-permission',
    defect: 'an edit that only sets the assignee skips every permission check',
    breaks: ['permissions.jira.assign-denied'],
    apply: (cloud) =>
      runAsAdmin(cloud, 'editJiraIssue', (args) => {
        const fields = args.fields;
        return typeof fields === 'object' && fields !== null && Object.keys(fields).join() === 'assignee';
      }),
  },
  {
    name: 'hidden-issue-forbidden',
    defect: 'getJiraIssue answers 403 for an issue the caller cannot see, revealing that it exists',
    breaks: ['permissions.jira.hidden-issue'],
    apply: (cloud) =>
      patchRun(cloud, 'getJiraIssue', async (healthy, args, ctx) => {
        try {
          return await healthy(args, ctx);
        } catch (error) {
          if (ctx.store.issueByIdOrKey(String(args.issueIdOrKey)))
            throw jiraError(403, ['You do not have permission to view this issue.']);
          throw error;
        }
      }),
  },
  {
    name: 'restricted-page-readable',
    defect: 'getConfluencePage ignores space permissions and page restrictions',
    breaks: ['permissions.confluence.hidden-page'],
    apply: (cloud) => runAsAdmin(cloud, 'getConfluencePage'),
  },
  {
    name: 'page-create-ignores-space-permission',
    defect: 'createConfluencePage creates in spaces the caller may not write to',
    breaks: ['permissions.confluence.create-denied'],
    apply: (cloud) => runAsAdmin(cloud, 'createConfluencePage'),
  },
  {
    name: 'page-update-ignores-restrictions',
    defect: 'updateConfluencePage ignores update restrictions and read-only space permissions',
    breaks: ['permissions.confluence.update-denied'],
    apply: (cloud) => runAsAdmin(cloud, 'updateConfluencePage'),
  },
  {
    name: 'jql-leaks-hidden-issues',
    defect:
      'searchJiraIssuesUsingJql returns issues the caller cannot browse or is outside the security level of',
    breaks: ['permissions.search.no-leak'],
    apply: (cloud) => runAsAdmin(cloud, 'searchJiraIssuesUsingJql'),
  },
  {
    name: 'scoped-token-sees-everything',
    defect: "an API token's scopes are ignored: a read-only token lists and calls every tool",
    breaks: ['permissions.tools.scoped-token'],
    apply: (cloud) =>
      patchAuthentication(cloud, (outcome) =>
        outcome.ok && outcome.via === 'api-token' ? { ...outcome, scopes: null } : outcome,
      ),
  },
];
