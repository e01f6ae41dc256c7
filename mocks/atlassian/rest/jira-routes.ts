import { jiraError } from '../errors.ts';
import { PermissionKeySchema } from '../seed/schema.ts';
import { holds } from '../jira/access.ts';
import { addComment, listComments, updateComment } from '../jira/comments.ts';
import { fieldHandlers } from '../jira/fields/registry.ts';
import { bulkCreateIssues } from '../jira/bulk.ts';
import { createIssue, deleteIssue, editIssue, getIssue } from '../jira/issues.ts';
import { createIssueLink, renderLinkTypes, type LinkInput } from '../jira/links.ts';
import {
  createMetaFields,
  createMetaIssueTypes,
  editMeta,
  getProject,
  searchProjects,
  visibleProject,
} from '../jira/projects.ts';
import { countIssues, searchIssues } from '../jira/search.ts';
import { listTransitions, transitionIssue } from '../jira/transitions.ts';
import { renderUser, searchUsers } from '../jira/users.ts';
import { saveWorklog, type WorklogInput } from '../jira/worklogs.ts';
import { type RestContext, RestReply, type Route, intParam, listParam, route } from './route.ts';

const REMOVED_SEARCH =
  'The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046';

function me(c: RestContext) {
  const user = c.actor.accountId ? c.store.users.get(c.actor.accountId) : undefined;
  if (!user) throw jiraError(401, ['Client must be authenticated to access this resource.']);
  return user;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

async function searchBody(c: RestContext) {
  if (c.request.method === 'GET') {
    return {
      jql: c.query.get('jql') ?? '',
      nextPageToken: c.query.get('nextPageToken') ?? undefined,
      maxResults: intParam(c.query, 'maxResults'),
      fields: listParam(c.query, 'fields'),
      expand: c.query.get('expand') ?? undefined,
    };
  }
  const b = record(await c.body());
  return {
    jql: typeof b.jql === 'string' ? b.jql : '',
    nextPageToken: typeof b.nextPageToken === 'string' ? b.nextPageToken : undefined,
    maxResults: typeof b.maxResults === 'number' ? b.maxResults : undefined,
    fields: Array.isArray(b.fields) ? b.fields.filter((f): f is string => typeof f === 'string') : undefined,
    expand: typeof b.expand === 'string' ? b.expand : undefined,
  };
}

/** Jira Cloud REST v3, relative to `/rest/api/3`. Status codes and bodies follow jira-semantics.md. */
export const JIRA_ROUTES: Route[] = [
  route('GET', '/myself', (c) => renderUser(c.store, me(c), c.actor)),
  route('GET', '/user/search', (c) =>
    searchUsers(c.store, c.actor, c.query.get('query') ?? '', intParam(c.query, 'maxResults')),
  ),
  route('GET', '/project/search', (c) =>
    searchProjects(c.store, c.actor, {
      query: c.query.get('query') ?? undefined,
      action: (c.query.get('action') as 'view' | 'browse' | 'edit' | 'create' | null) ?? undefined,
      startAt: intParam(c.query, 'startAt'),
      maxResults: intParam(c.query, 'maxResults'),
      expandIssueTypes: (c.query.get('expand') ?? '').includes('issueTypes'),
    }),
  ),
  route('GET', '/project/:idOrKey', (c) => getProject(c.store, c.actor, c.params.idOrKey ?? '')),
  route('GET', '/issue/createmeta/:project/issuetypes', (c) =>
    createMetaIssueTypes(
      c.store,
      c.actor,
      c.params.project ?? '',
      intParam(c.query, 'startAt'),
      intParam(c.query, 'maxResults'),
    ),
  ),
  route('GET', '/issue/createmeta/:project/issuetypes/:typeId', (c) =>
    createMetaFields(c.store, c.actor, c.params.project ?? '', c.params.typeId ?? '', {
      startAt: intParam(c.query, 'startAt'),
      maxResults: intParam(c.query, 'maxResults'),
    }),
  ),
  route('GET', '/issue/createmeta', (c) => {
    // Deprecated (CHANGE-1304) but still called by legacy servers; bad combinations just return nothing.
    const keys = listParam(c.query, 'projectKeys') ?? [];
    const projects = keys.flatMap((k) => {
      try {
        const p = visibleProject(c.store, c.actor, k);
        return [
          {
            ...getProject(c.store, c.actor, p.key),
            issuetypes: createMetaIssueTypes(c.store, c.actor, p.key).issueTypes,
          },
        ];
      } catch {
        return [];
      }
    });
    return { expand: 'projects', projects };
  }),
  route('POST', '/issue', async (c) => new RestReply(201, createIssue(c.store, c.actor, await c.body()))),
  route('POST', '/issue/bulk', async (c) => {
    const created = bulkCreateIssues(c.store, c.actor, await c.body());
    return new RestReply(created.status, created.body);
  }),
  route('GET', '/issue/:key', (c) =>
    getIssue(c.store, c.actor, c.params.key ?? '', {
      fields: listParam(c.query, 'fields'),
      expand: c.query.get('expand') ?? undefined,
    }),
  ),
  route('PUT', '/issue/:key', async (c) => {
    editIssue(c.store, c.actor, c.params.key ?? '', await c.body());
    if (c.query.get('returnIssue') === 'true') return getIssue(c.store, c.actor, c.params.key ?? '');
    return new RestReply(204);
  }),
  route('DELETE', '/issue/:key', (c) => {
    deleteIssue(c.store, c.actor, c.params.key ?? '', c.query.get('deleteSubtasks') === 'true');
    return new RestReply(204);
  }),
  route('GET', '/issue/:key/editmeta', (c) => editMeta(c.store, c.actor, c.params.key ?? '')),
  route('GET', '/issue/:key/transitions', (c) =>
    listTransitions(c.store, c.actor, c.params.key ?? '', {
      transitionId: c.query.get('transitionId') ?? undefined,
      expand: c.query.get('expand') ?? undefined,
    }),
  ),
  route('POST', '/issue/:key/transitions', async (c) => {
    transitionIssue(c.store, c.actor, c.params.key ?? '', await c.body());
    return new RestReply(204);
  }),
  route('GET', '/issue/:key/comment', (c) =>
    listComments(
      c.store,
      c.actor,
      c.params.key ?? '',
      intParam(c.query, 'startAt'),
      intParam(c.query, 'maxResults'),
      c.query.get('orderBy') ?? undefined,
    ),
  ),
  route('POST', '/issue/:key/comment', async (c) => {
    const b = record(await c.body());
    return new RestReply(201, addComment(c.store, c.actor, c.params.key ?? '', { body: b.body }));
  }),
  route('PUT', '/issue/:key/comment/:id', async (c) => {
    const b = record(await c.body());
    return updateComment(c.store, c.actor, c.params.key ?? '', c.params.id ?? '', { body: b.body });
  }),
  route('POST', '/issue/:key/worklog', async (c) => {
    const b = record(await c.body());
    const input: WorklogInput = {
      timeSpent: typeof b.timeSpent === 'string' ? b.timeSpent : '',
      started: typeof b.started === 'string' ? b.started : undefined,
      comment: b.comment,
    };
    return new RestReply(201, saveWorklog(c.store, c.actor, c.params.key ?? '', input));
  }),
  route('POST', '/issueLink', async (c) => {
    createIssueLink(c.store, c.actor, record(await c.body()) as unknown as LinkInput);
    return new RestReply(201);
  }),
  route('GET', '/issueLinkType', (c) => renderLinkTypes(c.store)),
  route('GET', '/search/jql', async (c) => searchIssues(c.store, c.actor, await searchBody(c))),
  route('POST', '/search/jql', async (c) => searchIssues(c.store, c.actor, await searchBody(c))),
  route('POST', '/search/approximate-count', async (c) => {
    const b = record(await c.body());
    return countIssues(c.store, c.actor, typeof b.jql === 'string' ? b.jql : '');
  }),
  route('GET', '/search', () => new RestReply(410, { errorMessages: [REMOVED_SEARCH], errors: {} })),
  route('POST', '/search', () => new RestReply(410, { errorMessages: [REMOVED_SEARCH], errors: {} })),
  route('GET', '/field', (c) =>
    fieldHandlers(c.store).map((h) => ({
      id: h.id,
      key: h.id,
      name: h.name,
      custom: h.custom,
      orderable: h.orderable,
      navigable: h.navigable,
      searchable: true,
      clauseNames: h.custom ? [`cf[${h.id.replace('customfield_', '')}]`, h.name] : [h.id],
      schema: h.schema,
      ...(h.custom ? { untranslatedName: h.name } : {}),
    })),
  ),
  route('GET', '/mypermissions', (c) => {
    const keys = listParam(c.query, 'permissions');
    if (!keys) throw jiraError(400, ['The permissions query parameter is required.']);
    const projectKey = c.query.get('projectKey');
    const project = projectKey ? visibleProject(c.store, c.actor, projectKey) : undefined;
    const permissions: Record<string, unknown> = {};
    for (const key of keys) {
      const parsed = PermissionKeySchema.safeParse(key);
      if (!parsed.success) throw jiraError(400, [`Unrecognized permission key: ${key}`]);
      const have = project
        ? holds(c.store, c.actor.accountId, project, parsed.data)
        : [...c.store.projects.values()].some((p) => holds(c.store, c.actor.accountId, p, parsed.data));
      permissions[key] = { id: key, key, name: key, type: 'PROJECT', description: '', havePermission: have };
    }
    return { permissions };
  }),
];
