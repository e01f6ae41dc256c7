import { z } from 'zod';
import { confluenceError } from '../errors.ts';
import type { Actor } from '../jira/access.ts';
import type { ContentType } from '../seed/confluence-extras.ts';
import type { SiteStore } from '../store.ts';
import type { Page } from '../entities/confluence.ts';
import { canEditSpace, canViewPage, pageNotFound, visibleSpace } from './access.ts';
import { type CursorRequest, cursorPage } from './paging.ts';
import { childrenOf, createPageRecord, listPagesInSpace, MAX_DESCENDANT_DEPTH } from './pages.ts';
import { type BodyFormat, renderPage, renderVersion, spaceKeyOf } from './render.ts';

/**
 * Confluence's content tree across types (REST v2 `/folders`, `/whiteboards`, `/databases`,
 * `/blogposts`, and `ancestors` / `descendants` / `direct-children` of any of them). Pages and blog
 * posts carry a body; folders, whiteboards and databases only their place in the tree (the fake site
 * does not model a canvas or a table). Blog posts live outside the tree: no parent, no children.
 */

export type TypedContent = Exclude<ContentType, 'page' | 'blogpost'>;
export const TYPED_CONTENT: readonly TypedContent[] = ['folder', 'whiteboard', 'database'];

/** The plural path segment of a type: `folders`, `blogposts`... */
export const PLURAL: Record<ContentType, string> = {
  page: 'pages',
  blogpost: 'blogposts',
  folder: 'folders',
  whiteboard: 'whiteboards',
  database: 'databases',
};

export const contentNotFound = (type: ContentType) =>
  type === 'page' || type === 'blogpost'
    ? pageNotFound()
    : confluenceError(404, 'NOT_FOUND', `${type[0]?.toUpperCase() ?? ''}${type.slice(1)} not found`);

function parentTypeOf(store: SiteStore, item: Page): ContentType | null {
  return item.parentId === null ? null : (store.pages.get(item.parentId)?.contentType ?? 'page');
}

/** Folders, whiteboards and databases: their place in the tree, no body. */
export function renderTyped(store: SiteStore, item: Page) {
  return {
    id: item.id,
    type: item.contentType,
    status: item.status,
    title: item.title,
    spaceId: item.spaceId,
    parentId: item.parentId,
    parentType: parentTypeOf(store, item),
    position: null,
    authorId: item.authorId,
    ownerId: item.ownerId,
    createdAt: item.createdAt.toISOString(),
    version: renderVersion(item.version),
    _links: { webui: `/spaces/${spaceKeyOf(store, item)}/${item.contentType}/${item.id}` },
  };
}

/** Any content item in its v2 shape; pages and blog posts with the body format asked for. */
export function renderContent(store: SiteStore, item: Page, format?: BodyFormat) {
  return item.contentType === 'page' || item.contentType === 'blogpost'
    ? { type: item.contentType, ...renderPage(store, item, format) }
    : renderTyped(store, item);
}

/** A content item of this type (any type when omitted) that the caller may view; its 404 otherwise. */
export function visibleContent(store: SiteStore, actor: Actor, id: string, type?: ContentType): Page {
  const item = store.pages.get(id);
  if (!item || (type !== undefined && item.contentType !== type) || !canViewPage(store, actor, item))
    throw contentNotFound(type ?? item?.contentType ?? 'page');
  return item;
}

/** `GET /folders/{id}`, `/whiteboards/{id}`, `/databases/{id}`, `/blogposts/{id}`. */
export function getContent(
  store: SiteStore,
  actor: Actor,
  id: string,
  type?: ContentType,
  format?: BodyFormat,
) {
  return renderContent(store, visibleContent(store, actor, id, type), format);
}

const TypedCreateSchema = z
  .object({
    spaceId: z.union([z.string(), z.number()]).transform(String),
    title: z.string().optional(),
    parentId: z.union([z.string(), z.number()]).transform(String).optional(),
  })
  .loose();

/**
 * `POST /folders`, `/whiteboards`, `/databases` → 200 with the item. Whoever may add pages to the space
 * may add these; the parent (a page or another item of the tree, in the same space) is optional: without
 * one the item sits at the top of the space. Folders need a title; the others default it.
 */
export function createTyped(store: SiteStore, actor: Actor, type: TypedContent, raw: unknown) {
  const parsed = TypedCreateSchema.safeParse(raw ?? {});
  if (!parsed.success)
    throw confluenceError(400, 'INVALID_REQUEST_PARAMETER', 'spaceId is required and must be a string');
  const input = parsed.data;
  const space = visibleSpace(store, actor, input.spaceId);
  if (!canEditSpace(store, actor, space))
    throw confluenceError(403, 'FORBIDDEN', `You do not have permission to create a ${type} in this space`);
  const title = (input.title ?? '').trim() || (type === 'folder' ? '' : `Untitled ${type}`);
  if (title === '') throw confluenceError(400, 'INVALID_REQUEST_PARAMETER', 'A folder needs a title');
  if (title.length > 255)
    throw confluenceError(400, 'INVALID_REQUEST_PARAMETER', 'Title cannot be longer than 255 characters');
  let parentId: string | null = null;
  if (input.parentId !== undefined) {
    const parent = store.pages.get(input.parentId);
    if (!parent || parent.contentType === 'blogpost' || !canViewPage(store, actor, parent))
      throw confluenceError(
        400,
        'INVALID_REQUEST_PARAMETER',
        `Invalid parentId: ${input.parentId} was not found`,
      );
    if (parent.spaceId !== space.id)
      throw confluenceError(400, 'INVALID_REQUEST_PARAMETER', 'The parent must be in the same space');
    parentId = parent.id;
  }
  const now = store.now();
  const authorId = actor.accountId ?? '';
  const item: Page = {
    id: store.nextId('pageId'),
    spaceId: space.id,
    contentType: type,
    status: 'current',
    title,
    parentId,
    body: { type: 'doc', version: 1, content: [] },
    authorId,
    ownerId: authorId,
    createdAt: now,
    version: { number: 1, message: '', minorEdit: false, authorId, createdAt: now },
    labels: [],
  };
  store.pages.set(item.id, item);
  return renderTyped(store, item);
}

/** `POST /blogposts` → 200: a blog post in the space (no parent), titled uniquely among blog posts. */
export function createBlogPost(store: SiteStore, actor: Actor, raw: unknown) {
  const post = createPageRecord(store, actor, raw, { contentType: 'blogpost' });
  return renderContent(store, post, 'storage');
}

export interface SpaceContentQuery extends CursorRequest {
  type: ContentType;
  status?: readonly string[] | undefined;
  sort?: string | undefined;
  bodyFormat?: BodyFormat | undefined;
}

/**
 * The content of one type in a space (`/spaces/{id}/pages`, `/spaces/{id}/blogposts`, and the same
 * list for folders, whiteboards and databases, which v2 reaches through the tree).
 */
export function listSpaceContent(store: SiteStore, actor: Actor, spaceIdOrKey: string, q: SpaceContentQuery) {
  return listPagesInSpace(store, actor, spaceIdOrKey, { ...q, contentType: q.type }, (item) =>
    renderContent(store, item, q.bodyFormat),
  );
}

/** `GET /{type}/{id}/ancestors`: top to bottom, each as `{id, type}`. */
export function ancestors(store: SiteStore, actor: Actor, id: string, type?: ContentType) {
  const item = visibleContent(store, actor, id, type);
  const results: { id: string; type: ContentType }[] = [];
  for (let p = item.parentId === null ? undefined : store.pages.get(item.parentId); p;) {
    if (results.some((r) => r.id === p?.id)) break;
    results.unshift({ id: p.id, type: p.contentType });
    p = p.parentId === null ? undefined : store.pages.get(p.parentId);
  }
  return { results, _links: { base: `https://${store.site.host}/wiki` } };
}

function treeEntry(item: Page, depth: number, position: number) {
  return {
    id: item.id,
    status: item.status,
    title: item.title,
    type: item.contentType,
    parentId: item.parentId,
    depth,
    childPosition: position,
  };
}

/** `GET /{type}/{id}/direct-children`: every type of child, in position order. */
export function directChildren(
  store: SiteStore,
  actor: Actor,
  id: string,
  type?: ContentType,
  q: CursorRequest = {},
) {
  const item = visibleContent(store, actor, id, type);
  const children = childrenOf(store, actor, item.id);
  const path = `/wiki/api/v2/${PLURAL[item.contentType]}/${item.id}/direct-children`;
  return cursorPage(store, children, q, path, {}, (c) => treeEntry(c, 1, children.indexOf(c)));
}

/** `GET /{type}/{id}/descendants`: the tree below any item, depth first, `depth` 1-5 (default 5). */
export function descendants(
  store: SiteStore,
  actor: Actor,
  id: string,
  type?: ContentType,
  q: CursorRequest & { depth?: number | undefined } = {},
) {
  const root = visibleContent(store, actor, id, type);
  const depth = q.depth ?? MAX_DESCENDANT_DEPTH;
  if (!Number.isInteger(depth) || depth < 1 || depth > MAX_DESCENDANT_DEPTH)
    throw confluenceError(
      400,
      'INVALID_REQUEST_PARAMETER',
      `depth must be between 1 and ${MAX_DESCENDANT_DEPTH}`,
    );
  const out: ReturnType<typeof treeEntry>[] = [];
  const walk = (parent: Page, level: number) => {
    if (level > depth) return;
    childrenOf(store, actor, parent.id).forEach((child, position) => {
      out.push(treeEntry(child, level, position));
      walk(child, level + 1);
    });
  };
  walk(root, 1);
  const path = `/wiki/api/v2/${PLURAL[root.contentType]}/${root.id}/descendants`;
  return cursorPage(
    store,
    out,
    q,
    path,
    { depth: q.depth === undefined ? undefined : String(q.depth) },
    (d) => d,
  );
}
