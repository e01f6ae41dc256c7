import { z } from 'zod';
import { boardConfiguration, listBoards } from '../../../atlassian/agile/boards.ts';
import { boardBacklog, boardIssues } from '../../../atlassian/agile/board-issues.ts';
import { boardSprintIssues, getSprint, listBoardSprints } from '../../../atlassian/agile/sprints.ts';
import { jiraError } from '../../../atlassian/errors.ts';
import { prepareAttachmentDownload } from '../../../atlassian/jira/attachments.ts';
import { listChangelogs } from '../../../atlassian/jira/changelog.ts';
import { listComments } from '../../../atlassian/jira/comments.ts';
import { pagedProjectComponents } from '../../../atlassian/jira/components.ts';
import { listDashboards } from '../../../atlassian/jira/dashboards.ts';
import { searchFilters } from '../../../atlassian/jira/filters.ts';
import { getIssue } from '../../../atlassian/jira/issues.ts';
import { renderLinkTypes } from '../../../atlassian/jira/links.ts';
import { findAssignableUsers, getUser } from '../../../atlassian/jira/people.ts';
import { createMetaFields, createMetaIssueTypes, searchProjects } from '../../../atlassian/jira/projects.ts';
import { getIssueProperty, listIssuePropertyKeys } from '../../../atlassian/jira/properties.ts';
import { listRemoteLinks, remoteLinkByGlobalId } from '../../../atlassian/jira/remote-links.ts';
import { searchIssues } from '../../../atlassian/jira/search.ts';
import { listStatuses, projectStatuses } from '../../../atlassian/jira/statuses.ts';
import { listTransitions } from '../../../atlassian/jira/transitions.ts';
import { renderUser, searchUsers } from '../../../atlassian/jira/users.ts';
import { listRelatedWork, pagedProjectVersions } from '../../../atlassian/jira/versions.ts';
import { listWorklogs } from '../../../atlassian/jira/worklog-list.ts';
import { count, NotModelledError, type OperationService, operation, text } from './define.ts';

/** Jira reads of the v2 catalogue (rovo-v2-surface.md 3.1 and the primary getJiraIssue / search). */

const VIEW = z.enum(['compact', 'evidence', 'full']);
const FORMAT = z.enum(['markdown', 'adf']);

const assignable = (name: string) =>
  operation(name, {
    input: z.object({
      issueIdOrKey: text.optional(),
      projectIdOrKey: text.optional(),
      query: text.optional(),
      startAt: count.optional(),
      maxResults: count.optional(),
    }),
    backedBy: ['jira/people.findAssignableUsers'],
    run: (i, { store, actor }) =>
      findAssignableUsers(store, actor, {
        issueKey: i.issueIdOrKey,
        project: i.projectIdOrKey,
        query: i.query,
        startAt: i.startAt,
        maxResults: i.maxResults,
      }),
  });

export const JIRA_READ_OPERATIONS: Record<string, OperationService> = {
  getJiraIssue: operation('getJiraIssue', {
    input: z.object({
      issueIdOrKey: text,
      fields: z.array(text).optional(),
      fieldsByKeys: z.boolean().optional(),
      expand: text.optional(),
      view: VIEW.optional(),
      responseContentFormat: FORMAT.optional(),
    }),
    backedBy: ['jira/issues.getIssue'],
    // The view and the content format shape Rovo's answer (Q12): the MCP layer applies them.
    run: (i, { store, actor }) =>
      getIssue(store, actor, i.issueIdOrKey, { fields: i.fields, expand: i.expand }),
  }),
  searchJiraIssuesUsingJql: operation('searchJiraIssuesUsingJql', {
    input: z.object({
      jql: text,
      fields: z.array(text).optional(),
      maxResults: count.min(1).max(100).optional(),
      nextPageToken: text.optional(),
      view: VIEW.optional(),
      responseContentFormat: FORMAT.optional(),
    }),
    backedBy: ['jira/search.searchIssues'],
    run: (i, { store, actor }) =>
      searchIssues(store, actor, {
        jql: i.jql,
        fields: i.fields,
        maxResults: i.maxResults,
        nextPageToken: i.nextPageToken,
      }),
  }),
  listJiraProjects: operation('listJiraProjects', {
    input: z.object({
      action: z.enum(['view', 'browse', 'edit', 'create']).optional(),
      searchString: text.optional(),
      startAt: count.optional(),
      maxResults: count.optional(),
      expandIssueTypes: z.boolean().optional(),
    }),
    backedBy: ['jira/projects.searchProjects'],
    run: (i, { store, actor }) =>
      searchProjects(store, actor, {
        query: i.searchString,
        action: i.action,
        startAt: i.startAt,
        maxResults: i.maxResults,
        expandIssueTypes: i.expandIssueTypes,
      }),
  }),
  listJiraProjectIssueTypesMetadata: operation('listJiraProjectIssueTypesMetadata', {
    input: z.object({ projectIdOrKey: text, startAt: count.optional(), maxResults: count.optional() }),
    backedBy: ['jira/projects.createMetaIssueTypes'],
    run: (i, { store, actor }) =>
      createMetaIssueTypes(store, actor, i.projectIdOrKey, i.startAt, i.maxResults),
  }),
  getJiraIssueTypeMetaWithFields: operation('getJiraIssueTypeMetaWithFields', {
    input: z.object({
      projectIdOrKey: text,
      issueTypeId: text,
      startAt: count.optional(),
      maxResults: count.optional(),
    }),
    backedBy: ['jira/projects.createMetaFields'],
    run: (i, { store, actor }) =>
      createMetaFields(store, actor, i.projectIdOrKey, i.issueTypeId, {
        startAt: i.startAt,
        maxResults: i.maxResults,
      }),
  }),
  listJiraIssueTransitions: operation('listJiraIssueTransitions', {
    input: z.object({ issueIdOrKey: text, transitionId: text.optional(), expand: text.optional() }),
    backedBy: ['jira/transitions.listTransitions'],
    run: (i, { store, actor }) =>
      listTransitions(store, actor, i.issueIdOrKey, { transitionId: i.transitionId, expand: i.expand }),
  }),
  listJiraIssueComments: operation('listJiraIssueComments', {
    input: z.object({
      issueIdOrKey: text,
      startAt: count.min(0).optional(),
      maxResults: count.min(1).max(100).optional(),
      orderBy: z.enum(['created', '-created', '+created']).optional(),
    }),
    backedBy: ['jira/comments.listComments'],
    run: (i, { store, actor }) =>
      listComments(store, actor, i.issueIdOrKey, i.startAt, i.maxResults, i.orderBy),
  }),
  lookupJiraAccountId: operation('lookupJiraAccountId', {
    input: z.object({ query: text }),
    backedBy: ['jira/users.searchUsers'],
    run: (i, { store, actor }) => searchUsers(store, actor, i.query),
  }),
  findJiraIssueAssignableUsers: assignable('findJiraIssueAssignableUsers'),
  listJiraIssueAssignableUsers: assignable('listJiraIssueAssignableUsers'),
  listJiraIssueLinkTypes: operation('listJiraIssueLinkTypes', {
    input: z.object({}),
    backedBy: ['jira/links.renderLinkTypes'],
    run: (_i, { store }) => renderLinkTypes(store),
  }),
  listJiraIssueRemoteIssueLinks: operation('listJiraIssueRemoteIssueLinks', {
    input: z.object({ issueIdOrKey: text, globalId: text.optional() }),
    backedBy: ['jira/remote-links.listRemoteLinks', 'jira/remote-links.remoteLinkByGlobalId'],
    run: (i, { store, actor }) =>
      i.globalId === undefined
        ? listRemoteLinks(store, actor, i.issueIdOrKey)
        : remoteLinkByGlobalId(store, actor, i.issueIdOrKey, i.globalId),
  }),
  listJiraIssueWorklogs: operation('listJiraIssueWorklogs', {
    input: z.object({
      issueIdOrKey: text,
      startAt: count.optional(),
      maxResults: count.optional(),
      startedAfter: count.optional(),
      startedBefore: count.optional(),
    }),
    backedBy: ['jira/worklog-list.listWorklogs'],
    run: ({ issueIdOrKey, ...q }, { store, actor }) => listWorklogs(store, actor, issueIdOrKey, q),
  }),
  listJiraIssueChangelogs: operation('listJiraIssueChangelogs', {
    input: z.object({ issueIdOrKey: text, startAt: count.optional(), maxResults: count.optional() }),
    backedBy: ['jira/changelog.listChangelogs'],
    run: (i, { store, actor }) => listChangelogs(store, actor, i.issueIdOrKey, i.startAt, i.maxResults),
  }),
  getJiraCurrentUser: operation('getJiraCurrentUser', {
    input: z.object({}),
    backedBy: ['jira/users.renderUser'],
    run: (_i, { store, actor }) => {
      const user = store.users.get(actor.accountId ?? '');
      if (!user) throw jiraError(401, ['Client must be authenticated to access this resource.']);
      return renderUser(store, user, actor);
    },
  }),
  getJiraUser: operation('getJiraUser', {
    input: z.object({ accountId: text }),
    backedBy: ['jira/people.getUser'],
    run: (i, { store, actor }) => getUser(store, actor, i.accountId),
  }),
  listJiraStatuses: operation('listJiraStatuses', {
    input: z.object({ projectIdOrKey: text.optional() }),
    backedBy: ['jira/statuses.listStatuses', 'jira/statuses.projectStatuses'],
    run: (i, { store, actor }) =>
      i.projectIdOrKey === undefined
        ? listStatuses(store, actor)
        : projectStatuses(store, actor, i.projectIdOrKey),
  }),
  listJiraProjectComponents: operation('listJiraProjectComponents', {
    input: z.object({
      projectIdOrKey: text,
      query: text.optional(),
      startAt: count.optional(),
      maxResults: count.optional(),
    }),
    backedBy: ['jira/components.pagedProjectComponents'],
    run: ({ projectIdOrKey, ...q }, { store, actor }) =>
      pagedProjectComponents(store, actor, projectIdOrKey, q),
  }),
  getJiraProjectVersions: operation('getJiraProjectVersions', {
    input: z.object({
      projectIdOrKey: text,
      status: z.array(z.enum(['released', 'unreleased', 'archived'])).optional(),
      query: text.optional(),
      orderBy: text.optional(),
      startAt: count.optional(),
      maxResults: count.optional(),
      expand: text.optional(),
    }),
    backedBy: ['jira/versions.pagedProjectVersions'],
    run: ({ projectIdOrKey, ...q }, { store, actor }) =>
      pagedProjectVersions(store, actor, projectIdOrKey, q),
  }),
  getJiraProjectVersionRelatedWork: operation('getJiraProjectVersionRelatedWork', {
    input: z.object({ versionId: text }),
    backedBy: ['jira/versions.listRelatedWork'],
    run: (i, { store, actor }) => listRelatedWork(store, actor, i.versionId),
  }),
  listJiraBoards: operation('listJiraBoards', {
    input: z.object({
      type: z.enum(['scrum', 'kanban']).optional(),
      name: text.optional(),
      projectKeyOrId: text.optional(),
      startAt: count.optional(),
      maxResults: count.optional(),
    }),
    backedBy: ['agile/boards.listBoards'],
    run: (i, { store, actor }) => listBoards(store, actor, i),
  }),
  getJiraBoardConfig: operation('getJiraBoardConfig', {
    input: z.object({ boardId: count }),
    backedBy: ['agile/boards.boardConfiguration'],
    run: (i, { store, actor }) => boardConfiguration(store, actor, i.boardId),
  }),
  getJiraBoardIssueData: operation('getJiraBoardIssueData', {
    input: z.object({
      boardId: count,
      jql: text.optional(),
      fields: z.array(text).optional(),
      backlog: z.boolean().optional(),
      startAt: count.optional(),
      maxResults: count.optional(),
    }),
    backedBy: ['agile/board-issues.boardIssues', 'agile/board-issues.boardBacklog'],
    run: ({ boardId, backlog, ...q }, { store, actor }) =>
      backlog ? boardBacklog(store, actor, boardId, q) : boardIssues(store, actor, boardId, q),
  }),
  getJiraBoardSprintData: operation('getJiraBoardSprintData', {
    input: z.object({
      boardId: count,
      sprintId: count.optional(),
      sprintName: text.optional(),
      jql: text.optional(),
      fields: z.array(text).optional(),
      startAt: count.optional(),
      maxResults: count.optional(),
    }),
    backedBy: [
      'agile/sprints.listBoardSprints',
      'agile/sprints.getSprint',
      'agile/sprints.boardSprintIssues',
    ],
    run: ({ boardId, sprintId, sprintName, ...q }, { store, actor }) => {
      // Without an id or a name, the board's active sprint.
      const sprints = listBoardSprints(store, actor, boardId, { maxResults: 50 }).values;
      const wanted =
        sprintId ??
        sprints.find((s) =>
          sprintName === undefined ? s.state === 'active' : s.name.toLowerCase() === sprintName.toLowerCase(),
        )?.id;
      if (wanted === undefined)
        throw jiraError(404, [
          sprintName === undefined
            ? 'The board has no active sprint: pass sprintId or sprintName.'
            : `The board has no sprint named '${sprintName}'.`,
        ]);
      return {
        sprint: getSprint(store, actor, wanted),
        ...boardSprintIssues(store, actor, boardId, wanted, q),
      };
    },
  }),
  listJiraBoardSprints: operation('listJiraBoardSprints', {
    input: z.object({
      boardId: count,
      state: text.optional(),
      startAt: count.optional(),
      maxResults: count.optional(),
    }),
    backedBy: ['agile/sprints.listBoardSprints'],
    run: (i, { store, actor }) =>
      listBoardSprints(store, actor, i.boardId, {
        state: i.state === undefined || i.state === 'all' ? undefined : [i.state],
        startAt: i.startAt,
        maxResults: i.maxResults,
      }),
  }),
  listJiraFilters: operation('listJiraFilters', {
    input: z.object({
      filterName: text.optional(),
      accountId: text.optional(),
      startAt: count.optional(),
      maxResults: count.optional(),
    }),
    backedBy: ['jira/filters.searchFilters'],
    run: (i, { store, actor }) => searchFilters(store, actor, i),
  }),
  listJiraDashboards: operation('listJiraDashboards', {
    input: z.object({
      filter: z.enum(['my', 'favourite']).optional(),
      startAt: count.optional(),
      maxResults: count.optional(),
    }),
    backedBy: ['jira/dashboards.listDashboards'],
    run: (i, { store, actor }) => listDashboards(store, actor, i),
  }),
  getJiraEntityProperty: operation('getJiraEntityProperty', {
    input: z.object({ entityType: text, entityId: text, propertyKey: text.optional() }),
    backedBy: ['jira/properties.getIssueProperty', 'jira/properties.listIssuePropertyKeys'],
    run: (i, { store, actor }) => {
      if (i.entityType !== 'issue')
        throw new NotModelledError('getJiraEntityProperty', `${i.entityType} properties`);
      return i.propertyKey === undefined
        ? listIssuePropertyKeys(store, actor, i.entityId)
        : getIssueProperty(store, actor, i.entityId, i.propertyKey);
    },
  }),
  downloadJiraIssueAttachment: operation('downloadJiraIssueAttachment', {
    input: z.object({ attachmentId: text }),
    backedBy: ['jira/attachments.prepareAttachmentDownload'],
    run: (i, { store, actor }) => prepareAttachmentDownload(store, actor, i.attachmentId),
  }),
};
