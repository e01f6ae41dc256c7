import { validateAdfDoc } from '../../../lib/content/index.ts';
import { jiraError } from '../errors.ts';
import type { SiteStore } from '../store.ts';
import type { Issue, Worklog } from '../entities/jira.ts';
import { jiraApiBase } from '../urls.ts';
import { type Actor, holds, projectOf, visibleIssue } from './access.ts';
import { jiraDateTime, parseJiraDateTime } from './dates.ts';
import { formatDuration, parseDuration } from './durations.ts';
import { renderUserRef } from './users.ts';

export function renderWorklog(store: SiteStore, issue: Issue, w: Worklog, viewer: Actor) {
  return {
    self: `${jiraApiBase(store)}/issue/${issue.id}/worklog/${w.id}`,
    id: w.id,
    issueId: issue.id,
    author: renderUserRef(store, w.authorId, viewer),
    updateAuthor: renderUserRef(store, w.authorId, viewer),
    ...(w.comment ? { comment: w.comment } : {}),
    created: jiraDateTime(w.created),
    updated: jiraDateTime(w.updated),
    started: w.started,
    timeSpent: formatDuration(w.timeSpentSeconds),
    timeSpentSeconds: w.timeSpentSeconds,
  };
}

export interface WorklogInput {
  timeSpent: string;
  started?: string | undefined;
  comment?: unknown;
}

/** `POST /issue/{key}/worklog` (or PUT on an existing id): needs Browse + Work on issues. */
export function saveWorklog(
  store: SiteStore,
  actor: Actor,
  idOrKey: string,
  input: WorklogInput,
  worklogId?: string,
) {
  const issue = visibleIssue(store, actor, idOrKey);
  if (!holds(store, actor.accountId, projectOf(store, issue), 'WORK_ON_ISSUES'))
    throw jiraError(403, ['You do not have the permission to log work on this issue.']);
  const seconds = parseDuration(input.timeSpent);
  if (seconds === undefined) throw jiraError(400, [], { timeLogged: 'Invalid time duration entered.' });
  const started = input.started ?? jiraDateTime(store.now());
  if (Number.isNaN(parseJiraDateTime(started).getTime()))
    throw jiraError(400, [], {
      started: 'Invalid date format. Please enter the date in the format "yyyy-MM-dd\'T\'HH:mm:ss.SSSZ".',
    });
  let comment;
  if (input.comment !== undefined) {
    const checked = validateAdfDoc(input.comment);
    if (!checked.ok) throw jiraError(400, [], { comment: 'Comment must be an Atlassian Document.' });
    comment = checked.doc;
  }
  const now = store.now();
  let worklog = worklogId ? issue.worklogs.find((w) => w.id === worklogId) : undefined;
  if (worklogId && !worklog) throw jiraError(404, [`Cannot find worklog with id: '${worklogId}'.`]);
  if (worklog) {
    Object.assign(worklog, {
      timeSpentSeconds: seconds,
      started,
      updated: now,
      ...(comment ? { comment } : {}),
    });
  } else {
    worklog = {
      id: store.nextId('worklogId'),
      authorId: actor.accountId ?? '',
      timeSpentSeconds: seconds,
      started,
      created: now,
      updated: now,
      ...(comment ? { comment } : {}),
    };
    issue.worklogs.push(worklog);
  }
  store.touchIssue(issue);
  return renderWorklog(store, issue, worklog, actor);
}
