import { confluenceError } from '../errors.ts';
import type { Actor } from '../jira/access.ts';
import type { SiteStore } from '../store.ts';
import type { Space } from '../entities/confluence.ts';
import { wikiBase } from '../urls.ts';
import { viewableSpaces, visibleSpace } from './access.ts';
import { checkLimit, type CursorRequest, cursorPage } from './paging.ts';
import { renderSpace } from './render.ts';

/** `GET /spaces` filters. The fake site has no space labels or favourites, so those filters match nothing. */
export interface SpaceQuery {
  ids?: readonly string[] | undefined;
  keys?: readonly string[] | undefined;
  type?: string | undefined;
  status?: string | undefined;
  labels?: readonly string[] | undefined;
  favourite?: boolean | undefined;
  sort?: string | undefined;
}

const SORTS: Record<string, (a: Space, b: Space) => number> = {
  id: (a, b) => Number(a.id) - Number(b.id),
  key: (a, b) => a.key.localeCompare(b.key),
  name: (a, b) => a.name.localeCompare(b.name),
};

function sorter(sort: string | undefined): (a: Space, b: Space) => number {
  const s = sort ?? 'id';
  const desc = s.startsWith('-');
  const by = SORTS[desc ? s.slice(1) : s];
  if (!by) throw confluenceError(400, 'INVALID_REQUEST_PARAMETER', `Invalid value for sort: ${s}`);
  return desc ? (a, b) => by(b, a) : by;
}

/** Spaces the caller may view that pass every filter, in `sort` order. */
export function matchingSpaces(store: SiteStore, actor: Actor, q: SpaceQuery = {}): Space[] {
  const keys = q.keys?.map((k) => k.toUpperCase());
  return viewableSpaces(store, actor)
    .filter((s) => !q.ids?.length || q.ids.includes(s.id))
    .filter((s) => !keys?.length || keys.includes(s.key.toUpperCase()))
    .filter((s) => q.type === undefined || s.type === q.type)
    .filter(
      () => (q.status === undefined || q.status === 'current') && !q.labels?.length && q.favourite !== true,
    )
    .sort(sorter(q.sort));
}

/** `GET /wiki/api/v2/spaces`: cursor-paged. */
export function listSpaces(store: SiteStore, actor: Actor, q: SpaceQuery & CursorRequest = {}) {
  const query = {
    ids: q.ids?.join(','),
    keys: q.keys?.join(','),
    type: q.type,
    status: q.status,
    labels: q.labels?.join(','),
    sort: q.sort,
  };
  return cursorPage(store, matchingSpaces(store, actor, q), q, '/wiki/api/v2/spaces', query, (s) =>
    renderSpace(store, s),
  );
}

/** Rovo's `getConfluenceSpaces` pages with `start`/`limit` (default 25, max 250) over the same list. */
export function listSpacesByOffset(
  store: SiteStore,
  actor: Actor,
  q: SpaceQuery & { start?: number | undefined; limit?: number | undefined } = {},
) {
  const all = matchingSpaces(store, actor, q);
  const start = Math.max(0, q.start ?? 0);
  const limit = checkLimit(q.limit);
  const results = all.slice(start, start + limit);
  const more = start + results.length < all.length;
  return {
    results: results.map((s) => renderSpace(store, s)),
    start,
    limit,
    size: results.length,
    _links: {
      base: wikiBase(store),
      ...(more ? { next: `/wiki/api/v2/spaces?start=${start + results.length}&limit=${limit}` } : {}),
    },
  };
}

/** `GET /spaces/{id}`. */
export function getSpace(store: SiteStore, actor: Actor, idOrKey: string) {
  return renderSpace(store, visibleSpace(store, actor, idOrKey));
}

/** `GET /wiki/rest/api/space` (v1) filters: repeatable `spaceKey`/`spaceId`, `type`, `status`, offset paging. */
export interface SpaceQueryV1 {
  keys?: readonly string[] | undefined;
  ids?: readonly string[] | undefined;
  type?: string | undefined;
  status?: string | undefined;
  start?: number | undefined;
  limit?: number | undefined;
}

/**
 * `GET /wiki/rest/api/space` (v1, still served by Confluence Cloud): offset-paged spaces with numeric
 * ids and `_links.next` while more follow, in key order as Cloud answers it.
 */
export function listSpacesV1(store: SiteStore, actor: Actor, q: SpaceQueryV1 = {}) {
  const all = matchingSpaces(store, actor, {
    keys: q.keys,
    ids: q.ids,
    type: q.type,
    status: q.status,
    sort: 'key',
  });
  const start = Math.max(0, q.start ?? 0);
  const limit = checkLimit(q.limit);
  const results = all.slice(start, start + limit);
  const base = wikiBase(store);
  const more = start + results.length < all.length;
  return {
    results: results.map((s) => ({
      id: Number(s.id),
      key: s.key,
      name: s.name,
      type: s.type,
      status: 'current',
      _expandable: {
        description: '',
        ...(s.homepageId ? { homepage: `/rest/api/content/${s.homepageId}` } : {}),
      },
      _links: { webui: `/spaces/${s.key}`, self: `${base}/rest/api/space/${s.key}` },
    })),
    start,
    limit,
    size: results.length,
    _links: {
      base,
      context: '/wiki',
      self: `${base}/rest/api/space`,
      ...(more ? { next: `/rest/api/space?start=${start + results.length}&limit=${limit}` } : {}),
    },
  };
}
