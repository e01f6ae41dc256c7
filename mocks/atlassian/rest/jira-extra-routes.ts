import { jiraError } from '../errors.ts';
import { browsableProjects } from '../jira/access.ts';
import { addAttachments, attachmentContent, deleteAttachment, getAttachment } from '../jira/attachments.ts';
import { listChangelogs } from '../jira/changelog.ts';
import { deleteComment } from '../jira/comment-removal.ts';
import {
  createComponent,
  getComponent,
  pagedProjectComponents,
  projectComponents,
} from '../jira/components.ts';
import { getDashboard, listDashboards } from '../jira/dashboards.ts';
import { getFilter, searchFilters } from '../jira/filters.ts';
import { findAssignableUsers, getUser } from '../jira/people.ts';
import { renderProject } from '../jira/projects.ts';
import {
  deleteIssueProperty,
  getIssueProperty,
  listIssuePropertyKeys,
  setIssueProperty,
} from '../jira/properties.ts';
import {
  deleteRemoteLink,
  getRemoteLink,
  listRemoteLinks,
  remoteLinkByGlobalId,
  saveRemoteLink,
} from '../jira/remote-links.ts';
import { listStatuses, projectStatuses } from '../jira/statuses.ts';
import {
  addRelatedWork,
  createVersion,
  getVersion,
  listRelatedWork,
  pagedProjectVersions,
  projectVersions,
  relatedIssueCounts,
  removeRelatedWork,
  unresolvedIssueCount,
  updateRelatedWork,
  updateVersion,
} from '../jira/versions.ts';
import { addWatcher, getWatchers, removeWatcher } from '../jira/watchers.ts';
import { getWorklog, listWorklogs, updateWorklog } from '../jira/worklog-list.ts';
import type { SiteStore } from '../store.ts';
import { transferActor, uploadedFiles } from './transfer.ts';
import { type RestContext, RestReply, type Route, intParam, listParam, route } from './route.ts';

/**
 * Jira Cloud REST v3 routes behind the v2 operations (relative to `/rest/api/3`), beside jira-routes.ts.
 */

const q = (c: RestContext, name: string) => c.query.get(name) ?? undefined;
const p = (c: RestContext, name: string) => c.params[name] ?? '';

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function issueIdOf(store: SiteStore, idOrKey: string): string {
  return store.issueByIdOrKey(idOrKey)?.id ?? idOrKey;
}

export const JIRA_EXTRA_ROUTES: Route[] = [
  // Still served by Jira Cloud though deprecated in favour of /project/search.
  route('GET', '/project', (c) =>
    browsableProjects(c.store, c.actor)
      .sort((a, b) => a.key.localeCompare(b.key))
      .map((pr) => renderProject(c.store, pr, (q(c, 'expand') ?? '').includes('issueTypes'))),
  ),
  route('GET', '/project/:key/versions', (c) =>
    projectVersions(c.store, c.actor, p(c, 'key'), q(c, 'expand')),
  ),
  route('GET', '/project/:key/version', (c) =>
    pagedProjectVersions(c.store, c.actor, p(c, 'key'), {
      startAt: intParam(c.query, 'startAt'),
      maxResults: intParam(c.query, 'maxResults'),
      orderBy: q(c, 'orderBy'),
      query: q(c, 'query'),
      status: listParam(c.query, 'status'),
      expand: q(c, 'expand'),
    }),
  ),
  route('GET', '/project/:key/components', (c) => projectComponents(c.store, c.actor, p(c, 'key'))),
  route('GET', '/project/:key/component', (c) =>
    pagedProjectComponents(c.store, c.actor, p(c, 'key'), {
      startAt: intParam(c.query, 'startAt'),
      maxResults: intParam(c.query, 'maxResults'),
      query: q(c, 'query'),
    }),
  ),
  route('GET', '/project/:key/statuses', (c) => projectStatuses(c.store, c.actor, p(c, 'key'))),
  route('POST', '/version', async (c) => new RestReply(201, createVersion(c.store, c.actor, await c.body()))),
  route('GET', '/version/:id', (c) => getVersion(c.store, c.actor, p(c, 'id'), q(c, 'expand'))),
  route('PUT', '/version/:id', async (c) => updateVersion(c.store, c.actor, p(c, 'id'), await c.body())),
  route('GET', '/version/:id/relatedIssueCounts', (c) => relatedIssueCounts(c.store, c.actor, p(c, 'id'))),
  route('GET', '/version/:id/unresolvedIssueCount', (c) =>
    unresolvedIssueCount(c.store, c.actor, p(c, 'id')),
  ),
  route('GET', '/version/:id/relatedwork', (c) => listRelatedWork(c.store, c.actor, p(c, 'id'))),
  route(
    'POST',
    '/version/:id/relatedwork',
    async (c) => new RestReply(201, addRelatedWork(c.store, c.actor, p(c, 'id'), await c.body())),
  ),
  route('PUT', '/version/:id/relatedwork', async (c) =>
    updateRelatedWork(c.store, c.actor, p(c, 'id'), await c.body()),
  ),
  route('DELETE', '/version/:id/relatedwork/:workId', (c) => {
    removeRelatedWork(c.store, c.actor, p(c, 'id'), p(c, 'workId'));
    return new RestReply(204);
  }),
  route(
    'POST',
    '/component',
    async (c) => new RestReply(201, createComponent(c.store, c.actor, await c.body())),
  ),
  route('GET', '/component/:id', (c) => getComponent(c.store, c.actor, p(c, 'id'))),
  route('GET', '/status', (c) => listStatuses(c.store, c.actor)),
  route('GET', '/user', (c) => getUser(c.store, c.actor, q(c, 'accountId') ?? '')),
  route('GET', '/user/assignable/search', (c) =>
    findAssignableUsers(c.store, c.actor, {
      project: q(c, 'project'),
      issueKey: q(c, 'issueKey') ?? q(c, 'issueId'),
      query: q(c, 'query'),
      startAt: intParam(c.query, 'startAt'),
      maxResults: intParam(c.query, 'maxResults'),
    }),
  ),
  route('GET', '/issue/:key/watchers', (c) => getWatchers(c.store, c.actor, p(c, 'key'))),
  route('POST', '/issue/:key/watchers', async (c) => {
    const body = await c.body();
    if (body !== undefined && typeof body !== 'string')
      throw jiraError(400, ['Send the account id to add as a JSON string, or no body to watch yourself.']);
    addWatcher(c.store, c.actor, p(c, 'key'), body);
    return new RestReply(204);
  }),
  route('DELETE', '/issue/:key/watchers', (c) => {
    removeWatcher(c.store, c.actor, p(c, 'key'), q(c, 'accountId'));
    return new RestReply(204);
  }),
  route('GET', '/issue/:key/changelog', (c) =>
    listChangelogs(
      c.store,
      c.actor,
      p(c, 'key'),
      intParam(c.query, 'startAt'),
      intParam(c.query, 'maxResults'),
    ),
  ),
  route('GET', '/issue/:key/remotelink', (c) => {
    const globalId = q(c, 'globalId');
    return globalId === undefined
      ? listRemoteLinks(c.store, c.actor, p(c, 'key'))
      : remoteLinkByGlobalId(c.store, c.actor, p(c, 'key'), globalId);
  }),
  route('GET', '/issue/:key/remotelink/:id', (c) => getRemoteLink(c.store, c.actor, p(c, 'key'), p(c, 'id'))),
  route('POST', '/issue/:key/remotelink', async (c) => {
    const saved = saveRemoteLink(c.store, c.actor, p(c, 'key'), await c.body());
    return new RestReply(saved.status, saved.body);
  }),
  route('DELETE', '/issue/:key/remotelink', (c) => {
    deleteRemoteLink(c.store, c.actor, p(c, 'key'), { globalId: q(c, 'globalId') ?? '' });
    return new RestReply(204);
  }),
  route('DELETE', '/issue/:key/remotelink/:id', (c) => {
    deleteRemoteLink(c.store, c.actor, p(c, 'key'), { linkId: p(c, 'id') });
    return new RestReply(204);
  }),
  route('GET', '/issue/:key/properties', (c) => listIssuePropertyKeys(c.store, c.actor, p(c, 'key'))),
  route('GET', '/issue/:key/properties/:prop', (c) =>
    getIssueProperty(c.store, c.actor, p(c, 'key'), p(c, 'prop')),
  ),
  route('PUT', '/issue/:key/properties/:prop', async (c) => {
    const { status } = setIssueProperty(c.store, c.actor, p(c, 'key'), p(c, 'prop'), await c.body());
    return new RestReply(status);
  }),
  route('DELETE', '/issue/:key/properties/:prop', (c) => {
    deleteIssueProperty(c.store, c.actor, p(c, 'key'), p(c, 'prop'));
    return new RestReply(204);
  }),
  route('GET', '/attachment/content/:id', (c) =>
    attachmentContent(c.store, transferActor(c, 'download', 'jira', p(c, 'id')), p(c, 'id')),
  ),
  route('GET', '/attachment/:id', (c) => getAttachment(c.store, c.actor, p(c, 'id'))),
  route('DELETE', '/attachment/:id', (c) => {
    deleteAttachment(c.store, c.actor, p(c, 'id'));
    return new RestReply(204);
  }),
  route('POST', '/issue/:key/attachments', async (c) => {
    // The request is checked before the one-time ticket is spent on it.
    const files = await uploadedFiles(c.request, 'jira');
    const actor = transferActor(c, 'upload', 'jira', issueIdOf(c.store, p(c, 'key')));
    return addAttachments(c.store, actor, p(c, 'key'), files);
  }),
  route('GET', '/issue/:key/worklog', (c) =>
    listWorklogs(c.store, c.actor, p(c, 'key'), {
      startAt: intParam(c.query, 'startAt'),
      maxResults: intParam(c.query, 'maxResults'),
      startedAfter: intParam(c.query, 'startedAfter'),
      startedBefore: intParam(c.query, 'startedBefore'),
    }),
  ),
  route('GET', '/issue/:key/worklog/:id', (c) => getWorklog(c.store, c.actor, p(c, 'key'), p(c, 'id'))),
  route('PUT', '/issue/:key/worklog/:id', async (c) => {
    const b = record(await c.body());
    return updateWorklog(c.store, c.actor, p(c, 'key'), p(c, 'id'), {
      timeSpent: typeof b.timeSpent === 'string' ? b.timeSpent : undefined,
      started: typeof b.started === 'string' ? b.started : undefined,
      comment: b.comment,
    });
  }),
  route('DELETE', '/issue/:key/comment/:id', (c) => {
    deleteComment(c.store, c.actor, p(c, 'key'), p(c, 'id'));
    return new RestReply(204);
  }),
  route('GET', '/filter/search', (c) =>
    searchFilters(c.store, c.actor, {
      filterName: q(c, 'filterName'),
      accountId: q(c, 'accountId'),
      startAt: intParam(c.query, 'startAt'),
      maxResults: intParam(c.query, 'maxResults'),
    }),
  ),
  route('GET', '/filter/:id', (c) => getFilter(c.store, c.actor, p(c, 'id'))),
  route('GET', '/dashboard', (c) => {
    const filter = q(c, 'filter');
    if (filter !== undefined && filter !== 'my' && filter !== 'favourite')
      throw jiraError(400, [`filter '${filter}' is not valid: use my or favourite.`]);
    return listDashboards(c.store, c.actor, {
      filter,
      startAt: intParam(c.query, 'startAt'),
      maxResults: intParam(c.query, 'maxResults'),
    });
  }),
  route('GET', '/dashboard/:id', (c) => getDashboard(c.store, c.actor, p(c, 'id'))),
];
