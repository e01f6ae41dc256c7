import { jiraError } from '../errors.ts';
import type { SiteStore } from '../store.ts';
import { type Actor, holds, projectOf, visibleIssue } from './access.ts';
import { parseJiraDateTime } from './dates.ts';
import { formatDuration } from './durations.ts';
import { renderWorklog, saveWorklog, type WorklogInput } from './worklogs.ts';

export const worklogNotFound = (id: string) => jiraError(404, [`Cannot find worklog with id: '${id}'.`]);

export interface WorklogQuery {
  startAt?: number | undefined;
  maxResults?: number | undefined;
  /** Epoch milliseconds: worklogs started on or after. */
  startedAfter?: number | undefined;
  /** Epoch milliseconds: worklogs started before. */
  startedBefore?: number | undefined;
}

/** `GET /issue/{key}/worklog`: oldest first, `{startAt, maxResults, total, worklogs}` (max 5000 a page). */
export function listWorklogs(store: SiteStore, actor: Actor, idOrKey: string, q: WorklogQuery = {}) {
  const issue = visibleIssue(store, actor, idOrKey);
  const started = (text: string) => parseJiraDateTime(text).getTime();
  const matching = issue.worklogs
    .filter((w) => q.startedAfter === undefined || started(w.started) >= q.startedAfter)
    .filter((w) => q.startedBefore === undefined || started(w.started) < q.startedBefore)
    .sort((a, b) => started(a.started) - started(b.started) || Number(a.id) - Number(b.id));
  const startAt = Math.max(0, q.startAt ?? 0);
  const maxResults = Math.max(1, Math.min(q.maxResults ?? 5000, 5000));
  return {
    startAt,
    maxResults,
    total: matching.length,
    worklogs: matching.slice(startAt, startAt + maxResults).map((w) => renderWorklog(store, issue, w, actor)),
  };
}

export function getWorklog(store: SiteStore, actor: Actor, idOrKey: string, worklogId: string) {
  const issue = visibleIssue(store, actor, idOrKey);
  const w = issue.worklogs.find((x) => x.id === worklogId);
  if (!w) throw worklogNotFound(worklogId);
  return renderWorklog(store, issue, w, actor);
}

/**
 * `PUT /issue/{key}/worklog/{id}`: the author with Edit own worklogs, anyone with Edit all worklogs.
 * What the body leaves out (time spent, start) stays as it was.
 */
export function updateWorklog(
  store: SiteStore,
  actor: Actor,
  idOrKey: string,
  worklogId: string,
  input: Partial<WorklogInput>,
) {
  const issue = visibleIssue(store, actor, idOrKey);
  const w = issue.worklogs.find((x) => x.id === worklogId);
  if (!w) throw worklogNotFound(worklogId);
  const project = projectOf(store, issue);
  const own = w.authorId === actor.accountId && holds(store, actor.accountId, project, 'EDIT_OWN_WORKLOGS');
  if (!own && !holds(store, actor.accountId, project, 'EDIT_ALL_WORKLOGS'))
    throw jiraError(403, ['You do not have the permission to edit this worklog.']);
  const merged: WorklogInput = {
    timeSpent: input.timeSpent ?? formatDuration(w.timeSpentSeconds),
    started: input.started ?? w.started,
    comment: input.comment,
  };
  return saveWorklog(store, actor, issue.key, merged, w.id);
}
