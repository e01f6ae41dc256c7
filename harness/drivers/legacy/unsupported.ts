import { UnsupportedVerbError } from '../../errors.ts';
import type { Driver } from '../types.ts';
import type { LegacyJiraVerbs } from './jira.ts';

const refuse = (verb: string, reason: string) => () => Promise.reject(new UnsupportedVerbError(verb, reason));

const WORKFLOW = 'the legacy dialect has no workflow tools; jira_update_issue sets fields, not statuses';
const COMMENTS = 'the legacy dialect has no comment tools';
const LINKS = 'the legacy dialect has no issue-link tools';
const CONFLUENCE = 'the legacy dialect is Jira-only: it has no Confluence tools';
const GRAPH = 'the legacy dialect has no Teamwork Graph tools';

/**
 * Every verb the pre-Rovo tool set cannot perform, each refusing with its reason (the verdict becomes
 * `unsupported`). A verb added to the Driver interface fails to compile here until it is decided.
 */
export function legacyUnsupported(): Omit<
  Driver,
  'dialect' | 'session' | 'bulkCreate' | 'bulkEdit' | keyof LegacyJiraVerbs
> {
  return {
    accessibleSites: refuse(
      'accessibleSites',
      'jira_test_connection names only the cloudId its token file is bound to: no site list, site URL or scopes',
    ),
    findUsers: refuse('findUsers', 'the legacy dialect has no user lookup tool; account ids must be known'),
    listProjects: refuse(
      'listProjects',
      'the legacy dialect cannot list projects; jira_get_project reads one project by key',
    ),
    transitions: refuse('transitions', WORKFLOW),
    transition: refuse('transition', WORKFLOW),
    bulkTransition: refuse('bulkTransition', WORKFLOW),
    addComment: refuse('addComment', COMMENTS),
    editComment: refuse('editComment', COMMENTS),
    comments: refuse('comments', COMMENTS),
    linkTypes: refuse('linkTypes', LINKS),
    linkIssues: refuse('linkIssues', LINKS),
    logWork: refuse('logWork', 'the legacy dialect has no worklog tool'),
    spaces: refuse('spaces', CONFLUENCE),
    pagesInSpace: refuse('pagesInSpace', CONFLUENCE),
    getPage: refuse('getPage', CONFLUENCE),
    createPage: refuse('createPage', CONFLUENCE),
    updatePage: refuse('updatePage', CONFLUENCE),
    pageDescendants: refuse('pageDescendants', CONFLUENCE),
    footerComments: refuse('footerComments', CONFLUENCE),
    addFooterComment: refuse('addFooterComment', CONFLUENCE),
    searchContent: refuse('searchContent', `${CONFLUENCE} (no CQL search)`),
    search: refuse(
      'search',
      'the legacy dialect has no Rovo search across products; only JQL through jira_search_issues',
    ),
    fetch: refuse('fetch', 'the legacy dialect has no fetch by ARI; only jira_get_issue by key'),
    graphContext: refuse('graphContext', GRAPH),
    graphObjects: refuse('graphObjects', GRAPH),
  };
}
