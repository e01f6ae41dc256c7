import { z } from 'zod';
import type { AdfDoc } from '../../../lib/content/types.ts';
import { confluenceError } from '../errors.ts';
import type { Actor } from '../jira/access.ts';
import type { SiteStore } from '../store.ts';
import type { Page, Space } from '../entities/confluence.ts';
import {
  canEditPage,
  canEditSpace,
  canViewPage,
  canViewSpace,
  pageNotFound,
  spaceNotFound,
  spaceOf,
  visiblePage,
  visibleSpace,
} from './access.ts';
import { parseWriteBody } from './body.ts';
import { type CursorRequest, cursorPage } from './paging.ts';
import { type BodyFormat, renderPage } from './render.ts';

/**
 * Confluence REST v2 pages (jira-semantics.md part B): create answers 200 with the page; a title is
 * unique in its space (archived pages keep theirs); no parentId means under the space homepage;
 * update replaces title and body and must carry version.number = current + 1, or it is a 409.
 */

export const DUPLICATE_TITLE =
  'A page with this title already exists: A page already exists with the same TITLE in this space';
export const CANNOT_CREATE = 'You do not have permission to create content in this space';
export const CANNOT_EDIT = 'You do not have permission to edit this page';
export const versionConflict = (current: number) =>
  `Version must be incremented on update. Current version is: ${current}`;

const MAX_TITLE = 255;

export type ContentType = Page['contentType'];

const WriteBodySchema = z.object({ representation: z.string(), value: z.unknown() }).loose();

const CreateSchema = z
  .object({
    spaceId: z.union([z.string(), z.number()]).transform(String),
    status: z.enum(['current', 'draft']).default('current'),
    title: z.string().optional(),
    parentId: z.union([z.string(), z.number()]).transform(String).nullable().optional(),
    body: WriteBodySchema.optional(),
    subtype: z.literal('live').optional(),
  })
  .loose();

const UpdateSchema = z
  .object({
    id: z.union([z.string(), z.number()]).transform(String),
    status: z.enum(['current', 'draft', 'archived']),
    title: z.string(),
    spaceId: z.union([z.string(), z.number()]).transform(String).optional(),
    parentId: z.union([z.string(), z.number()]).transform(String).nullable().optional(),
    ownerId: z.string().optional(),
    body: WriteBodySchema,
    version: z
      .object({ number: z.number().int(), message: z.string().optional(), minorEdit: z.boolean().optional() })
      .loose(),
  })
  .loose();

function badRequest(title: string, detail: string | null = null) {
  return confluenceError(400, 'INVALID_REQUEST_PARAMETER', title, detail);
}

function parse<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'request body';
    throw badRequest(`Invalid request: ${where} ${issue?.message ?? 'is invalid'}`.trim());
  }
  return parsed.data;
}

function normalTitle(title: string): string {
  return title.trim().toLowerCase();
}

/** Current and archived content keeps its title in the space; drafts and trash do not. */
function checkTitle(
  store: SiteStore,
  space: Space,
  title: string,
  contentType: ContentType,
  self?: string,
): void {
  if (title.trim() === '') throw badRequest('Title cannot be empty');
  if (title.length > MAX_TITLE) throw badRequest(`Title cannot be longer than ${MAX_TITLE} characters`);
  const wanted = normalTitle(title);
  for (const p of store.pages.values()) {
    if (p.id === self || p.spaceId !== space.id || p.contentType !== contentType) continue;
    if (p.status !== 'current' && p.status !== 'archived') continue;
    if (normalTitle(p.title) === wanted) throw confluenceError(400, 'BAD_REQUEST', DUPLICATE_TITLE);
  }
}

/** A page may sit under a page or under a folder, whiteboard or database; never under a blog post. */
function parentIn(store: SiteStore, actor: Actor, space: Space, parentId: string): Page {
  const parent = store.pages.get(parentId);
  if (!parent || parent.contentType === 'blogpost' || !canViewPage(store, actor, parent))
    throw badRequest(`Invalid parentId: page ${parentId} was not found`);
  if (parent.spaceId !== space.id) throw badRequest('The parent page must be in the same space');
  return parent;
}

export interface CreateOptions {
  contentType?: ContentType | undefined;
  /** `root-level=true`: a page at the top of the space rather than under the homepage. */
  rootLevel?: boolean | undefined;
  bodyFormat?: BodyFormat | undefined;
}

/** Validates and stores a new page (or blog post); returns the stored page. */
export function createPageRecord(
  store: SiteStore,
  actor: Actor,
  raw: unknown,
  options: CreateOptions = {},
): Page {
  const input = parse(CreateSchema, raw);
  const contentType = options.contentType ?? 'page';
  const space = store.spaceByIdOrKey(input.spaceId);
  if (!space || !/^\d+$/.test(input.spaceId) || !canViewSpace(store, actor, space)) throw spaceNotFound();
  if (!canEditSpace(store, actor, space)) throw confluenceError(404, 'NOT_FOUND', CANNOT_CREATE);
  const title = input.title ?? (input.status === 'draft' ? '' : undefined);
  if (title === undefined) throw badRequest('Title is required for a page that is not a draft');
  if (input.status === 'current') checkTitle(store, space, title, contentType);
  else if (title.length > MAX_TITLE) throw badRequest(`Title cannot be longer than ${MAX_TITLE} characters`);
  let parentId: string | null = null;
  if (contentType === 'page') {
    if (input.parentId) parentId = parentIn(store, actor, space, input.parentId).id;
    else if (!options.rootLevel) parentId = space.homepageId;
  }
  const body: AdfDoc = input.body ? parseWriteBody(input.body) : { type: 'doc', version: 1, content: [] };
  const now = store.now();
  const authorId = actor.accountId ?? '';
  const page: Page = {
    id: store.nextId('pageId'),
    spaceId: space.id,
    contentType,
    status: input.status,
    title,
    parentId,
    body,
    authorId,
    ownerId: authorId,
    createdAt: now,
    version: { number: 1, message: '', minorEdit: false, authorId, createdAt: now },
    labels: [],
  };
  store.pages.set(page.id, page);
  if (contentType === 'page' && space.homepageId === null && parentId === null) space.homepageId = page.id;
  return page;
}

/** `POST /wiki/api/v2/pages` → 200 with the page, its body in the representation that was sent. */
export function createPage(store: SiteStore, actor: Actor, raw: unknown, options: CreateOptions = {}) {
  const page = createPageRecord(store, actor, raw, options);
  const sent = (raw as { body?: { representation?: unknown } } | undefined)?.body?.representation;
  const format =
    options.bodyFormat ?? (sent === 'atlas_doc_format' ? 'atlas_doc_format' : sent ? 'storage' : undefined);
  return renderPage(store, page, format);
}

function isAncestor(store: SiteStore, maybeAncestor: string, page: Page): boolean {
  for (let p: Page | undefined = page; p; p = p.parentId === null ? undefined : store.pages.get(p.parentId)) {
    if (p.id === maybeAncestor) return true;
  }
  return false;
}

/** Validates and applies a v2 update; returns the stored page. */
export function updatePageRecord(store: SiteStore, actor: Actor, id: string, raw: unknown): Page {
  const page = visiblePage(store, actor, id);
  if (page.contentType !== 'page' && page.contentType !== 'blogpost') throw pageNotFound();
  const input = parse(UpdateSchema, raw);
  if (input.id !== page.id) throw badRequest('The id in the body does not match the page being updated');
  const space = spaceOf(store, page);
  if (!canEditPage(store, actor, page)) throw confluenceError(403, 'FORBIDDEN', CANNOT_EDIT);
  if (input.spaceId !== undefined && input.spaceId !== page.spaceId)
    throw badRequest('A page cannot be moved to another space by an update');
  const expected = input.status === 'draft' && page.status !== 'draft' ? 1 : page.version.number + 1;
  if (input.version.number !== expected)
    throw confluenceError(409, 'CONFLICT', versionConflict(page.version.number));
  if (input.status !== 'draft') checkTitle(store, space, input.title, page.contentType, page.id);
  let parentId = page.parentId;
  if (input.parentId !== undefined && input.parentId !== null && page.contentType === 'page') {
    const parent = parentIn(store, actor, space, input.parentId);
    if (isAncestor(store, page.id, parent))
      throw badRequest('A page cannot be moved under itself or its descendants');
    parentId = parent.id;
  }
  const body = parseWriteBody(input.body);
  const now = store.now();
  store.wikiExtras.keepVersion(page);
  page.title = input.title;
  page.status = input.status;
  page.parentId = parentId;
  page.body = body;
  if (input.ownerId !== undefined) page.ownerId = input.ownerId;
  page.version = {
    number: input.version.number,
    message: input.version.message ?? '',
    minorEdit: input.version.minorEdit ?? false,
    authorId: actor.accountId ?? '',
    createdAt: now,
  };
  return page;
}

/** `PUT /wiki/api/v2/pages/{id}` → 200 with the page. */
export function updatePage(
  store: SiteStore,
  actor: Actor,
  id: string,
  raw: unknown,
  bodyFormat?: BodyFormat,
) {
  const page = updatePageRecord(store, actor, id, raw);
  return renderPage(store, page, bodyFormat ?? 'storage');
}

/** `GET /wiki/api/v2/pages/{id}`. */
export function getPage(store: SiteStore, actor: Actor, id: string, bodyFormat?: BodyFormat) {
  const page = visiblePage(store, actor, id);
  if (page.contentType !== 'page') throw pageNotFound();
  return renderPage(store, page, bodyFormat);
}

// ---- lists ----

const PAGE_SORTS: Record<string, (a: Page, b: Page) => number> = {
  id: (a, b) => Number(a.id) - Number(b.id),
  'created-date': (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || Number(a.id) - Number(b.id),
  'modified-date': (a, b) =>
    a.version.createdAt.getTime() - b.version.createdAt.getTime() || Number(a.id) - Number(b.id),
  title: (a, b) => a.title.localeCompare(b.title) || Number(a.id) - Number(b.id),
};

export function pageSorter(sort: string | undefined): (a: Page, b: Page) => number {
  const s = sort ?? 'id';
  const desc = s.startsWith('-');
  const by = PAGE_SORTS[desc ? s.slice(1) : s];
  if (!by) throw badRequest(`Invalid value for sort: ${s}`);
  return desc ? (a, b) => by(b, a) : by;
}

export interface PageListQuery extends CursorRequest {
  status?: readonly string[] | undefined;
  title?: string | undefined;
  sort?: string | undefined;
  /** `root`: only top-level pages; `all` (default): every page of the space. */
  depth?: 'all' | 'root' | undefined;
  bodyFormat?: BodyFormat | undefined;
  contentType?: ContentType | undefined;
}

/** Pages of a space the caller can view, filtered and sorted as v2 lists them. */
export function pagesOfSpace(store: SiteStore, space: Space, q: PageListQuery): Page[] {
  const statuses = q.status?.length ? q.status : ['current'];
  const type = q.contentType ?? 'page';
  return [...store.pages.values()]
    .filter((p) => p.spaceId === space.id && p.contentType === type && statuses.includes(p.status))
    .filter((p) => q.title === undefined || p.title === q.title)
    .filter((p) => q.depth !== 'root' || p.parentId === null)
    .sort(pageSorter(q.sort));
}

/**
 * `GET /wiki/api/v2/spaces/{id}/pages`: cursor-paged; `render` defaults to the v2 shape with a body
 * only when `body-format` asks for one.
 */
export function listPagesInSpace<R = ReturnType<typeof renderPage>>(
  store: SiteStore,
  actor: Actor,
  spaceIdOrKey: string,
  q: PageListQuery = {},
  render?: (page: Page) => R,
) {
  const space = visibleSpace(store, actor, spaceIdOrKey);
  const pages = pagesOfSpace(store, space, q);
  const kind = q.contentType === 'blogpost' ? 'blogposts' : 'pages';
  const query = {
    status: q.status?.join(','),
    title: q.title,
    sort: q.sort,
    depth: q.depth,
    'body-format': q.bodyFormat,
  };
  return cursorPage(
    store,
    pages,
    q,
    `/wiki/api/v2/spaces/${space.id}/${kind}`,
    query,
    render ?? ((p) => renderPage(store, p, q.bodyFormat) as R),
  );
}

export interface AllPagesQuery extends PageListQuery {
  spaceIds?: readonly string[] | undefined;
  ids?: readonly string[] | undefined;
}

/** `GET /wiki/api/v2/pages`: every visible page, optionally by space, id, title and status. */
export function listPages(store: SiteStore, actor: Actor, q: AllPagesQuery = {}) {
  const statuses = q.status?.length ? q.status : ['current'];
  const pages = [...store.pages.values()]
    .filter((p) => p.contentType === 'page' && canViewPage(store, actor, p) && statuses.includes(p.status))
    .filter((p) => !q.spaceIds?.length || q.spaceIds.includes(p.spaceId))
    .filter((p) => !q.ids?.length || q.ids.includes(p.id))
    .filter((p) => q.title === undefined || p.title === q.title)
    .sort(pageSorter(q.sort));
  const query = {
    'space-id': q.spaceIds?.join(','),
    id: q.ids?.join(','),
    status: q.status?.join(','),
    title: q.title,
    sort: q.sort,
    'body-format': q.bodyFormat,
  };
  return cursorPage(store, pages, q, '/wiki/api/v2/pages', query, (p) => renderPage(store, p, q.bodyFormat));
}

/** Visible, current child pages in position (creation) order. */
export function childrenOf(store: SiteStore, actor: Actor, parentId: string): Page[] {
  return [...store.pages.values()]
    .filter((p) => p.parentId === parentId && p.status === 'current' && canViewPage(store, actor, p))
    .sort(PAGE_SORTS.id);
}

/** `GET /pages/{id}/children`. */
export function listChildren(
  store: SiteStore,
  actor: Actor,
  id: string,
  q: CursorRequest & { sort?: string } = {},
) {
  const page = visiblePage(store, actor, id);
  // Child pages only; folders, whiteboards and databases are direct children (content.ts).
  const children = childrenOf(store, actor, page.id)
    .filter((p) => p.contentType === 'page')
    .sort(pageSorter(q.sort));
  return cursorPage(store, children, q, `/wiki/api/v2/pages/${page.id}/children`, { sort: q.sort }, (p) => ({
    id: p.id,
    status: p.status,
    title: p.title,
    spaceId: p.spaceId,
    childPosition: children.indexOf(p),
  }));
}

export const MAX_DESCENDANT_DEPTH = 5;

/**
 * `GET /pages/{id}/descendants`: the tree below a page, depth first in position order, each entry
 * with its parent and depth (1 = child). `depth` is 1-5 (default 5).
 */
export function listDescendants(
  store: SiteStore,
  actor: Actor,
  id: string,
  q: CursorRequest & { depth?: number | undefined } = {},
) {
  const root = visiblePage(store, actor, id);
  const depth = q.depth ?? MAX_DESCENDANT_DEPTH;
  if (!Number.isInteger(depth) || depth < 1 || depth > MAX_DESCENDANT_DEPTH)
    throw badRequest(`depth must be between 1 and ${MAX_DESCENDANT_DEPTH}`);
  const out: { page: Page; depth: number; position: number }[] = [];
  const walk = (parent: Page, level: number) => {
    if (level > depth) return;
    childrenOf(store, actor, parent.id).forEach((child, position) => {
      out.push({ page: child, depth: level, position });
      walk(child, level + 1);
    });
  };
  walk(root, 1);
  return cursorPage(
    store,
    out,
    q,
    `/wiki/api/v2/pages/${root.id}/descendants`,
    { depth: q.depth === undefined ? undefined : String(q.depth) },
    (d) => ({
      id: d.page.id,
      status: d.page.status,
      title: d.page.title,
      type: d.page.contentType,
      parentId: d.page.parentId,
      depth: d.depth,
      childPosition: d.position,
    }),
  );
}
