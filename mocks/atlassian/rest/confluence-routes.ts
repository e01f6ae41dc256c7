import { createComment, getComment, listCommentChildren, listPageComments } from '../confluence/comments.ts';
import type { CommentKind } from '../confluence/comments.ts';
import { type CursorPage, linkHeader } from '../confluence/paging.ts';
import {
  createPage,
  getPage,
  listChildren,
  listDescendants,
  listPages,
  listPagesInSpace,
  updatePage,
} from '../confluence/pages.ts';
import { addPageLabels, deletePage, spaceOperations } from '../confluence/removal.ts';
import { parseBodyFormat } from '../confluence/render.ts';
import { searchContent } from '../confluence/search.ts';
import { getSpace, listSpaces } from '../confluence/spaces.ts';
import { type RestContext, RestReply, type Route, intParam, listParam, route } from './route.ts';

/** A cursor-paged list: the body plus the `Link: rel="next"` header v2 sends with it. */
function paged(page: CursorPage<unknown>): RestReply {
  return new RestReply(200, page, linkHeader(page));
}

const q = (c: RestContext, name: string) => c.query.get(name) ?? undefined;
const cursor = (c: RestContext) => ({ cursor: q(c, 'cursor'), limit: intParam(c.query, 'limit') });
const bodyFormat = (c: RestContext) => parseBodyFormat(c.query.get('body-format'));

function commentList(kind: CommentKind) {
  return (c: RestContext) =>
    paged(
      listPageComments(c.store, c.actor, c.params.id ?? '', kind, {
        ...cursor(c),
        sort: q(c, 'sort'),
        status: listParam(c.query, 'status'),
        bodyFormat: bodyFormat(c),
        resolutionStatus: listParam(c.query, 'resolution-status'),
      }),
    );
}

function commentRoutes(kind: CommentKind): Route[] {
  return [
    route(
      'POST',
      `/${kind}-comments`,
      async (c) => new RestReply(201, createComment(c.store, c.actor, kind, await c.body())),
    ),
    route('GET', `/${kind}-comments/:id`, (c) =>
      getComment(c.store, c.actor, c.params.id ?? '', kind, bodyFormat(c)),
    ),
    route('GET', `/${kind}-comments/:id/children`, (c) =>
      paged(
        listCommentChildren(c.store, c.actor, c.params.id ?? '', kind, {
          ...cursor(c),
          sort: q(c, 'sort'),
          bodyFormat: bodyFormat(c),
        }),
      ),
    ),
    route('GET', `/pages/:id/${kind}-comments`, commentList(kind)),
  ];
}

/** Confluence Cloud REST v2, relative to `/wiki/api/v2` (jira-semantics.md part B). */
export const CONFLUENCE_V2_ROUTES: Route[] = [
  route('GET', '/spaces', (c) =>
    paged(
      listSpaces(c.store, c.actor, {
        ...cursor(c),
        ids: listParam(c.query, 'ids'),
        keys: listParam(c.query, 'keys'),
        type: q(c, 'type'),
        status: q(c, 'status'),
        labels: listParam(c.query, 'labels'),
        sort: q(c, 'sort'),
      }),
    ),
  ),
  route('GET', '/spaces/:id', (c) => getSpace(c.store, c.actor, c.params.id ?? '')),
  route('GET', '/spaces/:id/operations', (c) => spaceOperations(c.store, c.actor, c.params.id ?? '')),
  route('GET', '/spaces/:id/pages', (c) =>
    paged(
      listPagesInSpace(c.store, c.actor, c.params.id ?? '', {
        ...cursor(c),
        status: listParam(c.query, 'status'),
        title: q(c, 'title'),
        sort: q(c, 'sort'),
        depth: q(c, 'depth') === 'root' ? 'root' : 'all',
        bodyFormat: bodyFormat(c),
      }),
    ),
  ),
  route('GET', '/pages', (c) =>
    paged(
      listPages(c.store, c.actor, {
        ...cursor(c),
        spaceIds: listParam(c.query, 'space-id'),
        ids: listParam(c.query, 'id'),
        status: listParam(c.query, 'status'),
        title: q(c, 'title'),
        sort: q(c, 'sort'),
        bodyFormat: bodyFormat(c),
      }),
    ),
  ),
  route('POST', '/pages', async (c) =>
    createPage(c.store, c.actor, await c.body(), { rootLevel: c.query.get('root-level') === 'true' }),
  ),
  route('GET', '/pages/:id', (c) => getPage(c.store, c.actor, c.params.id ?? '', bodyFormat(c))),
  route('PUT', '/pages/:id', async (c) => updatePage(c.store, c.actor, c.params.id ?? '', await c.body())),
  route('DELETE', '/pages/:id', (c) => {
    deletePage(c.store, c.actor, c.params.id ?? '', c.query.get('purge') === 'true');
    return new RestReply(204);
  }),
  route('GET', '/pages/:id/children', (c) =>
    paged(
      listChildren(c.store, c.actor, c.params.id ?? '', {
        ...cursor(c),
        ...(q(c, 'sort') ? { sort: q(c, 'sort') } : {}),
      }),
    ),
  ),
  route('GET', '/pages/:id/descendants', (c) =>
    paged(
      listDescendants(c.store, c.actor, c.params.id ?? '', {
        ...cursor(c),
        depth: intParam(c.query, 'depth'),
      }),
    ),
  ),
  ...commentRoutes('footer'),
  ...commentRoutes('inline'),
];

/** Confluence REST v1, relative to `/wiki/rest/api`: CQL search and labels, which v2 does not have. */
export const CONFLUENCE_V1_ROUTES: Route[] = [
  route('POST', '/content/:id/label', async (c) =>
    addPageLabels(c.store, c.actor, c.params.id ?? '', await c.body()),
  ),
  route('GET', '/search', (c) =>
    searchContent(c.store, c.actor, {
      cql: q(c, 'cql'),
      cursor: q(c, 'cursor'),
      start: intParam(c.query, 'start'),
      limit: intParam(c.query, 'limit'),
      cqlcontext: q(c, 'cqlcontext'),
      expand: q(c, 'expand'),
    }),
  ),
];
