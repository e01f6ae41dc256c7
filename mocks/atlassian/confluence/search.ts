import { createHash } from 'node:crypto';
import { adfToPlainText } from '../../../lib/content/index.ts';
import { confluenceV1Error } from '../errors.ts';
import type { Actor } from '../jira/access.ts';
import type { SiteStore } from '../store.ts';
import type { ConfluenceComment, Page, Space } from '../entities/confluence.ts';
import { wikiBase } from '../urls.ts';
import { canViewPage, viewableSpaces } from './access.ts';
import { compileCql, type CqlContentView, type CqlEnvironment, CqlError } from './cql/index.ts';
import { pageWebui } from './render.ts';
import { tinyLinkCode } from './tiny-link.ts';

/**
 * CQL search (`GET /wiki/rest/api/search`, v1 only): content in spaces the caller may view, in the
 * v1 result shape. Invisible content is left out without a trace; CQL that cannot run is Confluence's
 * v1 400.
 */

export const DEFAULT_SEARCH_LIMIT = 25;
export const MAX_SEARCH_LIMIT = 250;
const EXCERPT_LENGTH = 200;

type Searchable = { kind: 'page'; page: Page } | { kind: 'comment'; comment: ConfluenceComment; page: Page };

function ancestorsOf(store: SiteStore, page: Page): string[] {
  const out: string[] = [];
  for (let id = page.parentId; id !== null;) {
    const parent = store.pages.get(id);
    if (!parent || out.includes(parent.id)) break;
    out.unshift(parent.id);
    id = parent.parentId;
  }
  return out;
}

function lastModified(page: Page): Date {
  return page.version.createdAt;
}

/** The engine's view of one piece of content. */
export function contentView(store: SiteStore, item: Searchable): CqlContentView {
  const space = store.spaces.get(item.page.spaceId);
  const spaceRef = { id: space?.id ?? '', key: space?.key ?? '' };
  if (item.kind === 'page') {
    const p = item.page;
    return {
      id: p.id,
      type: p.contentType,
      space: spaceRef,
      title: p.title,
      text: adfToPlainText(p.body),
      labels: p.labels,
      creator: p.authorId,
      created: p.createdAt,
      lastModified: lastModified(p),
      parentId: p.parentId,
      ancestorIds: ancestorsOf(store, p),
    };
  }
  const c = item.comment;
  return {
    id: c.id,
    type: 'comment',
    space: spaceRef,
    title: `Re: ${item.page.title}`,
    text: adfToPlainText(c.body),
    labels: [],
    creator: c.authorId,
    created: c.createdAt,
    lastModified: c.version.createdAt,
    parentId: c.parentCommentId ?? item.page.id,
    ancestorIds: [...ancestorsOf(store, item.page), item.page.id],
  };
}

export function cqlEnvironment(store: SiteStore, actor: Actor): CqlEnvironment {
  const visible = viewableSpaces(store, actor);
  return {
    currentAccountId: actor.accountId,
    now: () => store.now(),
    resolveSpace(value) {
      const v = value.toUpperCase();
      const s = visible.find((x) => x.id === value || x.key.toUpperCase() === v);
      return s ? { id: s.id, key: s.key } : undefined;
    },
  };
}

/** Current content the caller may view: pages, blog posts and their comments. */
function searchable(store: SiteStore, actor: Actor): Searchable[] {
  const out: Searchable[] = [];
  for (const page of store.pages.values())
    if (page.status === 'current' && canViewPage(store, actor, page)) out.push({ kind: 'page', page });
  for (const comment of store.contentComments.values()) {
    const page = store.pages.get(comment.pageId);
    if (page && page.status === 'current' && canViewPage(store, actor, page))
      out.push({ kind: 'comment', comment, page });
  }
  return out;
}

/** Runs CQL for the caller; `CqlError` becomes the v1 400. */
export function matchingContent(
  store: SiteStore,
  actor: Actor,
  cql: string,
): { item: Searchable; view: CqlContentView }[] {
  let compiled;
  try {
    compiled = compileCql(cql, cqlEnvironment(store, actor));
  } catch (e) {
    if (e instanceof CqlError) throw confluenceV1Error(400, e.message);
    throw e;
  }
  const hits = searchable(store, actor)
    .map((item) => ({ item, view: contentView(store, item) }))
    .filter((h) => compiled.matches(h.view));
  return hits.sort((a, b) => compiled.compare(a.view, b.view));
}

function excerptOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH - 1)}…` : flat;
}

function renderV1Space(space: Space | undefined) {
  if (!space) return undefined;
  return {
    id: Number(space.id),
    key: space.key,
    name: space.name,
    type: space.type,
    status: 'current',
    _links: { webui: `/spaces/${space.key}` },
  };
}

function friendly(date: Date, now: Date): string {
  const days = Math.floor((now.getTime() - date.getTime()) / 86_400_000);
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 30) return `${days} days ago`;
  return date.toLocaleDateString('en-US', {
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

function renderResult(store: SiteStore, item: Searchable, view: CqlContentView) {
  const space = store.spaces.get(item.page.spaceId);
  const webui =
    item.kind === 'page'
      ? pageWebui(store, item.page)
      : `${pageWebui(store, item.page)}?focusedCommentId=${item.comment.id}#comment-${item.comment.id}`;
  const content = {
    id: view.id,
    type: view.type,
    status: 'current',
    title: view.title,
    space: renderV1Space(space),
    ...(item.kind === 'comment'
      ? { container: { id: item.page.id, type: item.page.contentType, title: item.page.title } }
      : {}),
    _links: {
      webui,
      ...(item.kind === 'page' ? { tinyui: `/x/${tinyLinkCode(item.page.id)}` } : {}),
      self: `${wikiBase(store)}/rest/api/content/${view.id}`,
    },
    _expandable: { history: `/rest/api/content/${view.id}/history`, version: '', body: '', ancestors: '' },
  };
  return {
    content,
    title: view.title,
    excerpt: excerptOf(view.text),
    url: webui,
    resultGlobalContainer: { title: space?.name ?? '', displayUrl: `/spaces/${space?.key ?? ''}` },
    breadcrumbs: [],
    entityType: 'content',
    iconCssClass: `aui-icon content-type-${view.type}`,
    lastModified: view.lastModified.toISOString(),
    friendlyLastModified: friendly(view.lastModified, store.now()),
    score: 0,
  };
}

function queryDigest(cql: string): string {
  return createHash('sha256').update(cql).digest('base64url').slice(0, 10);
}

function cursorFor(offset: number, cql: string): string {
  return Buffer.from(JSON.stringify({ o: offset, q: queryDigest(cql) })).toString('base64url');
}

function offsetFrom(cursor: string, cql: string): number {
  try {
    const data = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as {
      o?: unknown;
      q?: unknown;
    };
    if (typeof data.o === 'number' && Number.isInteger(data.o) && data.o >= 0 && data.q === queryDigest(cql))
      return data.o;
  } catch {
    // answered below
  }
  throw confluenceV1Error(400, `The cursor "${cursor}" is not valid for this query.`);
}

export interface CqlSearchInput {
  cql: string | undefined;
  cursor?: string | undefined;
  start?: number | undefined;
  limit?: number | undefined;
  /** Accepted as Confluence takes them; the fake site always includes `content.space`. */
  cqlcontext?: string | undefined;
  expand?: string | undefined;
}

/** `GET /wiki/rest/api/search`: the v1 page `{results, start, limit, size, totalSize, cqlQuery, _links}`. */
export function searchContent(store: SiteStore, actor: Actor, input: CqlSearchInput) {
  const cql = input.cql;
  if (cql === undefined) throw confluenceV1Error(400, 'The cql parameter is required.');
  const limitIn = input.limit ?? DEFAULT_SEARCH_LIMIT;
  if (!Number.isInteger(limitIn) || limitIn < 1)
    throw confluenceV1Error(400, `limit must be a positive integer, got ${limitIn}`);
  const limit = Math.min(limitIn, MAX_SEARCH_LIMIT);
  const hits = matchingContent(store, actor, cql);
  const start = input.cursor ? offsetFrom(input.cursor, cql) : Math.max(0, input.start ?? 0);
  const page = hits.slice(start, start + limit);
  const more = start + page.length < hits.length;
  const self = `/rest/api/search?${new URLSearchParams({ cql, limit: String(limit), start: String(start) }).toString()}`;
  return {
    results: page.map((h) => renderResult(store, h.item, h.view)),
    start,
    limit,
    size: page.length,
    totalSize: hits.length,
    cqlQuery: cql,
    searchDuration: 12,
    _links: {
      base: wikiBase(store),
      context: '/wiki',
      self,
      ...(more
        ? {
            next: `/rest/api/search?${new URLSearchParams({
              next: 'true',
              cursor: cursorFor(start + page.length, cql),
              limit: String(limit),
              cql,
            }).toString()}`,
          }
        : {}),
    },
  };
}
