import { z } from 'zod';
import {
  addWikiAttachments,
  getWikiAttachment,
  listAttachments,
  wikiAttachmentContent,
} from '../confluence/attachments.ts';
import { updateComment } from '../confluence/comment-changes.ts';
import {
  ancestors,
  createBlogPost,
  createTyped,
  descendants,
  directChildren,
  getContent,
  listSpaceContent,
  TYPED_CONTENT,
} from '../confluence/content.ts';
import { listContentLabels, listContentLabelsV1, removeContentLabel } from '../confluence/labels.ts';
import { archiveContent, copyContent, moveContent } from '../confluence/lifecycle.ts';
import { linkHeader, type CursorPage } from '../confluence/paging.ts';
import { parseBodyFormat } from '../confluence/render.ts';
import {
  changeRestrictions,
  getRestrictions,
  parseRestrictionEntries,
} from '../confluence/restriction-changes.ts';
import { listSpacesV1 } from '../confluence/spaces.ts';
import { getTask, listTasks, setTaskStatus } from '../confluence/tasks.ts';
import { getContentVersion, listContentVersions, restoreContentVersion } from '../confluence/versions.ts';
import { isWatching, unwatch, watch, type WatchKind } from '../confluence/watches.ts';
import { confluenceError } from '../errors.ts';
import type { ContentType } from '../seed/confluence-extras.ts';
import { type RestContext, RestReply, type Route, intParam, listParam, route } from './route.ts';
import { transferActor, uploadedFiles } from './transfer.ts';

/**
 * Confluence Cloud REST routes behind the v2 operations, beside confluence-routes.ts: v2 (relative to
 * `/wiki/api/v2`) for typed content, the tree, versions, labels, comment edits, attachments and tasks;
 * v1 (relative to `/wiki/rest/api`) where Confluence has no v2 endpoint.
 */

const q = (c: RestContext, name: string) => c.query.get(name) ?? undefined;
const p = (c: RestContext, name: string) => c.params[name] ?? '';
const cursor = (c: RestContext) => ({ cursor: q(c, 'cursor'), limit: intParam(c.query, 'limit') });
const bodyFormat = (c: RestContext) => parseBodyFormat(c.query.get('body-format'));
const paged = (page: CursorPage<unknown>) => new RestReply(200, page, linkHeader(page));

const TYPE_OF: Record<string, ContentType> = {
  pages: 'page',
  blogposts: 'blogpost',
  folders: 'folder',
  whiteboards: 'whiteboard',
  databases: 'database',
};

/** The tree routes (`ancestors`, `descendants`, `direct-children`) of every content type. */
function treeRoutes(plural: string): Route[] {
  const type = TYPE_OF[plural];
  return [
    route('GET', `/${plural}/:id/ancestors`, (c) => ancestors(c.store, c.actor, p(c, 'id'), type)),
    route('GET', `/${plural}/:id/direct-children`, (c) =>
      paged(directChildren(c.store, c.actor, p(c, 'id'), type, cursor(c))),
    ),
    ...(plural === 'pages'
      ? [] // confluence-routes.ts serves the page descendants.
      : [
          route('GET', `/${plural}/:id/descendants`, (c) =>
            paged(
              descendants(c.store, c.actor, p(c, 'id'), type, {
                ...cursor(c),
                depth: intParam(c.query, 'depth'),
              }),
            ),
          ),
        ]),
  ];
}

/** Versions, labels and attachments of pages and blog posts. */
function documentRoutes(plural: 'pages' | 'blogposts'): Route[] {
  return [
    route('GET', `/${plural}/:id/versions`, (c) =>
      paged(
        listContentVersions(c.store, c.actor, p(c, 'id'), {
          ...cursor(c),
          sort: q(c, 'sort'),
          bodyFormat: bodyFormat(c),
        }),
      ),
    ),
    route('GET', `/${plural}/:id/versions/:n`, (c) =>
      getContentVersion(c.store, c.actor, p(c, 'id'), Number(p(c, 'n')), bodyFormat(c)),
    ),
    route('GET', `/${plural}/:id/labels`, (c) =>
      paged(listContentLabels(c.store, c.actor, p(c, 'id'), { ...cursor(c), prefix: q(c, 'prefix') })),
    ),
    route('GET', `/${plural}/:id/attachments`, (c) =>
      paged(listAttachments(c.store, c.actor, p(c, 'id'), { ...cursor(c), filename: q(c, 'filename') })),
    ),
  ];
}

export const CONFLUENCE_V2_EXTRA_ROUTES: Route[] = [
  ...TYPED_CONTENT.flatMap((type) => [
    route('POST', `/${type}s`, async (c) => createTyped(c.store, c.actor, type, await c.body())),
    route('GET', `/${type}s/:id`, (c) => getContent(c.store, c.actor, p(c, 'id'), type)),
  ]),
  route('POST', '/blogposts', async (c) => createBlogPost(c.store, c.actor, await c.body())),
  route('GET', '/blogposts/:id', (c) => getContent(c.store, c.actor, p(c, 'id'), 'blogpost', bodyFormat(c))),
  route('GET', '/spaces/:id/blogposts', (c) =>
    paged(
      listSpaceContent(c.store, c.actor, p(c, 'id'), {
        ...cursor(c),
        type: 'blogpost',
        status: listParam(c.query, 'status'),
        sort: q(c, 'sort'),
        bodyFormat: bodyFormat(c),
      }),
    ),
  ),
  ...Object.keys(TYPE_OF).flatMap(treeRoutes),
  ...documentRoutes('pages'),
  ...documentRoutes('blogposts'),
  route('PUT', '/footer-comments/:id', async (c) =>
    updateComment(c.store, c.actor, p(c, 'id'), 'footer', await c.body()),
  ),
  route('PUT', '/inline-comments/:id', async (c) =>
    updateComment(c.store, c.actor, p(c, 'id'), 'inline', await c.body()),
  ),
  route('GET', '/attachments/:id', (c) => getWikiAttachment(c.store, c.actor, p(c, 'id'))),
  route('GET', '/tasks', (c) => {
    const status = q(c, 'status');
    if (status !== undefined && status !== 'complete' && status !== 'incomplete')
      throw confluenceError(400, 'INVALID_REQUEST_PARAMETER', `Invalid value for status: ${status}`);
    return paged(
      listTasks(c.store, c.actor, {
        ...cursor(c),
        status,
        spaceIds: listParam(c.query, 'space-id'),
        pageIds: listParam(c.query, 'page-id'),
      }),
    );
  }),
  route('GET', '/tasks/:id', (c) => getTask(c.store, c.actor, p(c, 'id'))),
  route('PUT', '/tasks/:id', async (c) => {
    const parsed = z
      .object({ status: z.enum(['complete', 'incomplete']) })
      .loose()
      .safeParse(await c.body());
    if (!parsed.success)
      throw confluenceError(400, 'INVALID_REQUEST_PARAMETER', 'status must be complete or incomplete');
    return setTaskStatus(c.store, c.actor, p(c, 'id'), parsed.data.status);
  }),
];

const RestoreSchema = z
  .object({
    operationKey: z.literal('restore'),
    params: z
      .object({
        versionNumber: z.number().int(),
        message: z.string().optional(),
        restoreTitle: z.boolean().optional(),
      })
      .loose(),
  })
  .loose();

/** The archive long tasks each site has started (they finish at once). */
const longTasks = new WeakMap<object, Set<string>>();

function startedTasks(c: RestContext): Set<string> {
  let set = longTasks.get(c.store);
  if (!set) {
    set = new Set();
    longTasks.set(c.store, set);
  }
  return set;
}

function watchRoutes(kind: WatchKind, segment: string): Route[] {
  const path = `/user/watch/${segment}/:ref`;
  return [
    route('GET', path, (c) => isWatching(c.store, c.actor, kind, p(c, 'ref'))),
    route('POST', path, (c) => {
      watch(c.store, c.actor, kind, p(c, 'ref'));
      return new RestReply(204);
    }),
    route('DELETE', path, (c) => {
      unwatch(c.store, c.actor, kind, p(c, 'ref'));
      return new RestReply(204);
    }),
  ];
}

export const CONFLUENCE_V1_EXTRA_ROUTES: Route[] = [
  route('GET', '/space', (c) =>
    listSpacesV1(c.store, c.actor, {
      keys: listParam(c.query, 'spaceKey'),
      ids: listParam(c.query, 'spaceId'),
      type: q(c, 'type'),
      status: q(c, 'status'),
      start: intParam(c.query, 'start'),
      limit: intParam(c.query, 'limit'),
    }),
  ),
  route('GET', '/content/:id/label', (c) =>
    listContentLabelsV1(c.store, c.actor, p(c, 'id'), intParam(c.query, 'start'), intParam(c.query, 'limit')),
  ),
  route('DELETE', '/content/:id/label', (c) => {
    removeContentLabel(c.store, c.actor, p(c, 'id'), q(c, 'name') ?? '');
    return new RestReply(204);
  }),
  route('DELETE', '/content/:id/label/:label', (c) => {
    removeContentLabel(c.store, c.actor, p(c, 'id'), p(c, 'label'));
    return new RestReply(204);
  }),
  route('GET', '/content/:id/child/attachment/:att/download', (c) =>
    wikiAttachmentContent(c.store, transferActor(c, 'download', 'confluence', p(c, 'att')), p(c, 'att')),
  ),
  route('POST', '/content/:id/child/attachment', async (c) => {
    // The request is checked before the one-time ticket is spent on it.
    const files = await uploadedFiles(c.request, 'confluence');
    const actor = transferActor(c, 'upload', 'confluence', p(c, 'id'));
    return addWikiAttachments(c.store, actor, p(c, 'id'), files);
  }),
  route('POST', '/content/:id/version', async (c) => {
    const parsed = RestoreSchema.safeParse(await c.body());
    if (!parsed.success)
      throw confluenceError(
        400,
        'INVALID_REQUEST_PARAMETER',
        'Send {operationKey: "restore", params: {versionNumber, message, restoreTitle}}',
      );
    const { versionNumber, message, restoreTitle } = parsed.data.params;
    return restoreContentVersion(c.store, c.actor, p(c, 'id'), versionNumber, { message, restoreTitle });
  }),
  route('GET', '/content/:id/restriction', (c) => getRestrictions(c.store, c.actor, p(c, 'id'))),
  route('PUT', '/content/:id/restriction', async (c) =>
    changeRestrictions(c.store, c.actor, p(c, 'id'), 'replace', parseRestrictionEntries(await c.body())),
  ),
  route('POST', '/content/:id/restriction', async (c) =>
    changeRestrictions(c.store, c.actor, p(c, 'id'), 'add', parseRestrictionEntries(await c.body())),
  ),
  route('DELETE', '/content/:id/restriction/byOperation/:op/user', (c) => {
    const operation = p(c, 'op') === 'update' ? 'update' : 'read';
    const entry = { operation, restrictions: { user: [{ accountId: q(c, 'accountId') ?? '' }] } } as const;
    return changeRestrictions(c.store, c.actor, p(c, 'id'), 'remove', parseRestrictionEntries(entry));
  }),
  route('DELETE', '/content/:id/restriction/byOperation/:op/group/:group', (c) => {
    const operation = p(c, 'op') === 'update' ? 'update' : 'read';
    const entry = { operation, restrictions: { group: [{ name: p(c, 'group') }] } } as const;
    return changeRestrictions(c.store, c.actor, p(c, 'id'), 'remove', parseRestrictionEntries(entry));
  }),
  ...watchRoutes('content', 'content'),
  ...watchRoutes('space', 'space'),
  ...watchRoutes('label', 'label'),
  route('POST', '/content/archive', async (c) => {
    const parsed = z
      .object({ pages: z.array(z.object({ id: z.union([z.string(), z.number()]) }).loose()).min(1) })
      .loose()
      .safeParse(await c.body());
    if (!parsed.success) throw confluenceError(400, 'INVALID_REQUEST_PARAMETER', 'Send {pages: [{id}]}');
    const ids = parsed.data.pages.map((x) => String(x.id));
    archiveContent(c.store, c.actor, ids);
    // The archive runs at once; the long task it names is already finished.
    const task = String(startedTasks(c).size + 1);
    startedTasks(c).add(task);
    return new RestReply(202, { id: task, links: { status: `/wiki/rest/api/longtask/${task}` } });
  }),
  route('GET', '/longtask/:id', (c) => {
    if (!startedTasks(c).has(p(c, 'id'))) throw confluenceError(404, 'NOT_FOUND', 'Long task not found');
    return {
      id: p(c, 'id'),
      name: { key: 'com.atlassian.confluence.pages.archive' },
      percentageComplete: 100,
      successful: true,
      finished: true,
    };
  }),
  route('POST', '/content/:id/copy', async (c) => copyContent(c.store, c.actor, p(c, 'id'), await c.body())),
  route('PUT', '/content/:id/move/:position/:target', (c) =>
    moveContent(c.store, c.actor, p(c, 'id'), p(c, 'position'), p(c, 'target')),
  ),
];
