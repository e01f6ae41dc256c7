import { z } from 'zod';
import { createBoard } from '../../../atlassian/agile/boards.ts';
import { createSprint, moveIssuesToSprint, updateSprint } from '../../../atlassian/agile/sprints.ts';
import { jiraError } from '../../../atlassian/errors.ts';
import { deleteAttachment, prepareAttachmentUpload } from '../../../atlassian/jira/attachments.ts';
import { deleteComment } from '../../../atlassian/jira/comment-removal.ts';
import { addComment, updateComment } from '../../../atlassian/jira/comments.ts';
import { createIssue, deleteIssue, editIssue, getIssue } from '../../../atlassian/jira/issues.ts';
import { createIssueLink } from '../../../atlassian/jira/links.ts';
import { deleteIssueProperty, setIssueProperty } from '../../../atlassian/jira/properties.ts';
import { saveRemoteLink } from '../../../atlassian/jira/remote-links.ts';
import { listTransitions, transitionIssue } from '../../../atlassian/jira/transitions.ts';
import {
  addRelatedWork,
  createVersion,
  getVersion,
  removeRelatedWork,
  updateRelatedWork,
  updateVersion,
} from '../../../atlassian/jira/versions.ts';
import { addWatcher, getWatchers, removeWatcher } from '../../../atlassian/jira/watchers.ts';
import { updateWorklog } from '../../../atlassian/jira/worklog-list.ts';
import { saveWorklog } from '../../../atlassian/jira/worklogs.ts';
import { count, NotModelledError, type OperationService, operation, text, toAdf } from './define.ts';

/** Jira writes of the v2 catalogue: the primary create/edit/transition/comment and 3.1's W and D rows. */

/** Fails with Jira's 400 naming the input an action needs. */
function needs<T>(value: T | undefined, name: string, action: string): T {
  if (value === undefined)
    throw jiraError(400, [], { [name]: `${name} is required for action '${action}'.` });
  return value;
}

export const JIRA_WRITE_OPERATIONS: Record<string, OperationService> = {
  createJiraIssue: operation('createJiraIssue', {
    input: z.object({
      projectKey: text,
      issueType: text,
      summary: text,
      description: text.optional(),
      assignee: text.optional(),
      parent: text.optional(),
      priority: text.optional(),
      additional_fields: z.record(z.string(), z.unknown()).optional(),
    }),
    backedBy: ['jira/issues.createIssue'],
    run: (i, { store, actor }) =>
      createIssue(store, actor, {
        fields: {
          ...i.additional_fields,
          project: { key: i.projectKey },
          issuetype: { name: i.issueType },
          summary: i.summary,
          ...(i.description !== undefined ? { description: toAdf(i.description) } : {}),
          ...(i.assignee !== undefined ? { assignee: { accountId: i.assignee } } : {}),
          ...(i.parent !== undefined ? { parent: { key: i.parent } } : {}),
          ...(i.priority !== undefined ? { priority: { name: i.priority } } : {}),
        },
      }),
  }),
  editJiraIssue: operation('editJiraIssue', {
    input: z.object({
      issueIdOrKey: text,
      fields: z.record(z.string(), z.unknown()),
      responseContentFormat: z.enum(['markdown', 'adf']).optional(),
    }),
    backedBy: ['jira/issues.editIssue', 'jira/issues.getIssue'],
    run: (i, { store, actor }) => {
      const { description, ...rest } = i.fields;
      const fields =
        typeof description === 'string' ? { ...rest, description: toAdf(description) } : i.fields;
      editIssue(store, actor, i.issueIdOrKey, { fields });
      return getIssue(store, actor, i.issueIdOrKey, { fields: Object.keys(fields) });
    },
  }),
  transitionJiraIssue: operation('transitionJiraIssue', {
    input: z.object({
      issueIdOrKey: text,
      transitionId: text.optional(),
      transitionName: text.optional(),
      fields: z.record(z.string(), z.unknown()).optional(),
      update: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))).optional(),
    }),
    backedBy: ['jira/transitions.listTransitions', 'jira/transitions.transitionIssue'],
    run: (i, { store, actor }) => {
      let id = i.transitionId;
      if (id === undefined && i.transitionName !== undefined) {
        const wanted = i.transitionName.toLowerCase();
        const all = listTransitions(store, actor, i.issueIdOrKey).transitions;
        id = (
          all.find((t) => t.name.toLowerCase() === wanted) ??
          all.find((t) => t.to.name.toLowerCase() === wanted)
        )?.id;
        if (id === undefined)
          throw jiraError(400, [
            `No transition named '${i.transitionName}' is available; available: ${all.map((t) => t.name).join(', ') || 'none'}.`,
          ]);
      }
      transitionIssue(store, actor, i.issueIdOrKey, {
        transition: { id },
        fields: i.fields,
        update: i.update,
      });
      return getIssue(store, actor, i.issueIdOrKey, { fields: ['status', 'resolution'] });
    },
  }),
  addOrEditJiraIssueComment: operation('addOrEditJiraIssueComment', {
    input: z.object({
      issueIdOrKey: text,
      commentBody: text,
      contentFormat: z.enum(['markdown', 'html']).optional(),
      commentId: text.optional(),
    }),
    backedBy: ['jira/comments.addComment', 'jira/comments.updateComment'],
    run: (i, { store, actor }) => {
      const body = toAdf(i.commentBody, i.contentFormat);
      return i.commentId === undefined
        ? addComment(store, actor, i.issueIdOrKey, { body })
        : updateComment(store, actor, i.issueIdOrKey, i.commentId, { body });
    },
  }),
  createJiraIssueLink: operation('createJiraIssueLink', {
    input: z.object({ linkType: text, inwardIssue: text, outwardIssue: text, comment: text.optional() }),
    backedBy: ['jira/links.createIssueLink'],
    run: (i, { store, actor }) => {
      createIssueLink(store, actor, {
        type: { name: i.linkType },
        inwardIssue: { key: i.inwardIssue },
        outwardIssue: { key: i.outwardIssue },
        ...(i.comment !== undefined ? { comment: { body: toAdf(i.comment) } } : {}),
      });
      return { linkType: i.linkType, inwardIssue: i.inwardIssue, outwardIssue: i.outwardIssue };
    },
  }),
  addOrEditJiraIssueWorklog: operation('addOrEditJiraIssueWorklog', {
    input: z.object({
      issueIdOrKey: text,
      timeSpent: text.optional(),
      started: text.optional(),
      comment: text.optional(),
      worklogId: text.optional(),
    }),
    backedBy: ['jira/worklogs.saveWorklog', 'jira/worklog-list.updateWorklog'],
    run: (i, { store, actor }) => {
      const comment = i.comment === undefined ? undefined : toAdf(i.comment);
      if (i.worklogId !== undefined)
        return updateWorklog(store, actor, i.issueIdOrKey, i.worklogId, {
          timeSpent: i.timeSpent,
          started: i.started,
          comment,
        });
      return saveWorklog(store, actor, i.issueIdOrKey, {
        timeSpent: needs(i.timeSpent, 'timeSpent', 'add'),
        started: i.started,
        comment,
      });
    },
  }),
  uploadAttachmentToJiraIssue: operation('uploadAttachmentToJiraIssue', {
    input: z.object({ issueIdOrKey: text, filePath: text.optional() }),
    backedBy: ['jira/attachments.prepareAttachmentUpload'],
    run: (i, { store, actor }) => prepareAttachmentUpload(store, actor, i.issueIdOrKey, i.filePath),
  }),
  watchJiraIssue: operation('watchJiraIssue', {
    input: z.object({ issueIdOrKey: text, accountId: text.optional(), watch: z.boolean().optional() }),
    backedBy: ['jira/watchers.addWatcher', 'jira/watchers.removeWatcher', 'jira/watchers.getWatchers'],
    run: (i, { store, actor }) => {
      if (i.watch === false) removeWatcher(store, actor, i.issueIdOrKey, i.accountId);
      else addWatcher(store, actor, i.issueIdOrKey, i.accountId);
      return getWatchers(store, actor, i.issueIdOrKey);
    },
  }),
  editJiraEntityProperty: operation('editJiraEntityProperty', {
    input: z.object({
      entityType: text,
      entityId: text,
      propertyKey: text,
      value: z.unknown().optional(),
      delete: z.boolean().optional(),
    }),
    backedBy: ['jira/properties.setIssueProperty', 'jira/properties.deleteIssueProperty'],
    run: (i, { store, actor }) => {
      if (i.entityType !== 'issue')
        throw new NotModelledError('editJiraEntityProperty', `${i.entityType} properties`);
      if (i.delete) {
        deleteIssueProperty(store, actor, i.entityId, i.propertyKey);
        return { key: i.propertyKey, deleted: true };
      }
      const { status } = setIssueProperty(store, actor, i.entityId, i.propertyKey, i.value);
      return { key: i.propertyKey, created: status === 201 };
    },
  }),
  createJiraIssueRemoteIssueLink: operation('createJiraIssueRemoteIssueLink', {
    input: z.object({
      issueIdOrKey: text,
      url: text,
      title: text,
      summary: text.optional(),
      globalId: text.optional(),
      relationship: text.optional(),
    }),
    backedBy: ['jira/remote-links.saveRemoteLink'],
    run: (i, { store, actor }) =>
      saveRemoteLink(store, actor, i.issueIdOrKey, {
        globalId: i.globalId,
        relationship: i.relationship,
        object: { url: i.url, title: i.title, summary: i.summary },
      }).body,
  }),
  createJiraBoard: operation('createJiraBoard', {
    input: z.object({ name: text, type: z.enum(['scrum', 'kanban']), filterId: text, projectKeyOrId: text }),
    backedBy: ['agile/boards.createBoard'],
    run: (i, { store, actor }) =>
      createBoard(store, actor, {
        name: i.name,
        type: i.type,
        filterId: i.filterId,
        location: { type: 'project', projectKeyOrId: i.projectKeyOrId },
      }),
  }),
  manageJiraProjectVersion: operation('manageJiraProjectVersion', {
    input: z.object({
      action: z.enum(['get', 'create', 'update', 'release', 'archive']),
      versionId: text.optional(),
      projectIdOrKey: text.optional(),
      name: text.optional(),
      description: text.optional(),
      startDate: text.optional(),
      releaseDate: text.optional(),
      moveUnfixedIssuesTo: text.optional(),
    }),
    backedBy: ['jira/versions.getVersion', 'jira/versions.createVersion', 'jira/versions.updateVersion'],
    run: (i, { store, actor }) => {
      const fields = {
        name: i.name,
        description: i.description,
        startDate: i.startDate,
        releaseDate: i.releaseDate,
      };
      if (i.action === 'create')
        return createVersion(store, actor, {
          ...fields,
          project: needs(i.projectIdOrKey, 'projectIdOrKey', i.action),
        });
      const id = needs(i.versionId, 'versionId', i.action);
      if (i.action === 'get') return getVersion(store, actor, id, 'issuesstatus');
      if (i.action === 'update') return updateVersion(store, actor, id, fields);
      if (i.action === 'release')
        return updateVersion(store, actor, id, {
          released: true,
          releaseDate: i.releaseDate,
          moveUnfixedIssuesTo: i.moveUnfixedIssuesTo,
        });
      return updateVersion(store, actor, id, { archived: true });
    },
  }),
  manageJiraProjectVersionRelatedWork: operation('manageJiraProjectVersionRelatedWork', {
    input: z.object({
      action: z.enum(['add', 'update', 'remove']),
      versionId: text,
      relatedWorkId: text.optional(),
      category: text.optional(),
      title: text.optional(),
      url: text.optional(),
    }),
    backedBy: [
      'jira/versions.addRelatedWork',
      'jira/versions.updateRelatedWork',
      'jira/versions.removeRelatedWork',
    ],
    run: (i, { store, actor }) => {
      const work = { relatedWorkId: i.relatedWorkId, category: i.category, title: i.title, url: i.url };
      if (i.action === 'add') return addRelatedWork(store, actor, i.versionId, work);
      const workId = needs(i.relatedWorkId, 'relatedWorkId', i.action);
      if (i.action === 'update') return updateRelatedWork(store, actor, i.versionId, work);
      removeRelatedWork(store, actor, i.versionId, workId);
      return { relatedWorkId: workId, removed: true };
    },
  }),
  manageJiraSprint: operation('manageJiraSprint', {
    input: z.object({
      action: z.enum(['create', 'update', 'start', 'close', 'addIssues']),
      sprintId: count.optional(),
      boardId: count.optional(),
      name: text.optional(),
      goal: text.optional(),
      startDate: text.optional(),
      endDate: text.optional(),
      issues: z.array(text).optional(),
    }),
    backedBy: [
      'agile/sprints.createSprint',
      'agile/sprints.updateSprint',
      'agile/sprints.moveIssuesToSprint',
    ],
    run: (i, { store, actor }) => {
      const fields = { name: i.name, goal: i.goal, startDate: i.startDate, endDate: i.endDate };
      if (i.action === 'create')
        return createSprint(store, actor, {
          ...fields,
          originBoardId: needs(i.boardId, 'boardId', i.action),
        });
      const id = needs(i.sprintId, 'sprintId', i.action);
      if (i.action === 'update') return updateSprint(store, actor, id, fields);
      if (i.action === 'start') return updateSprint(store, actor, id, { ...fields, state: 'active' });
      if (i.action === 'close') return updateSprint(store, actor, id, { state: 'closed' });
      moveIssuesToSprint(store, actor, id, { issues: needs(i.issues, 'issues', i.action) });
      return { sprintId: id, moved: i.issues };
    },
  }),
  deleteJiraIssue: operation('deleteJiraIssue', {
    input: z.object({ issueIdOrKey: text, deleteSubtasks: z.boolean().optional() }),
    backedBy: ['jira/issues.deleteIssue'],
    run: (i, { store, actor }) => {
      deleteIssue(store, actor, i.issueIdOrKey, i.deleteSubtasks ?? false);
      return { issueIdOrKey: i.issueIdOrKey, deleted: true };
    },
  }),
  deleteJiraComment: operation('deleteJiraComment', {
    input: z.object({ issueIdOrKey: text, commentId: text }),
    backedBy: ['jira/comment-removal.deleteComment'],
    run: (i, { store, actor }) => {
      deleteComment(store, actor, i.issueIdOrKey, i.commentId);
      return { commentId: i.commentId, deleted: true };
    },
  }),
  deleteJiraIssueAttachment: operation('deleteJiraIssueAttachment', {
    input: z.object({ attachmentId: text }),
    backedBy: ['jira/attachments.deleteAttachment'],
    run: (i, { store, actor }) => {
      deleteAttachment(store, actor, i.attachmentId);
      return { attachmentId: i.attachmentId, deleted: true };
    },
  }),
};
