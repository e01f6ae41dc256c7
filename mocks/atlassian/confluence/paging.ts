import { createHash } from 'node:crypto';
import { confluenceError } from '../errors.ts';
import type { SiteStore } from '../store.ts';
import { wikiBase } from '../urls.ts';

/**
 * Confluence v2 cursor paging: `limit` (default 25, 1-250), an opaque `cursor`, and `_links.next`
 * (a relative URL carrying the next cursor) while more remain. A cursor only works for the list it
 * came from: it carries a digest of that list's request.
 */

export const DEFAULT_LIMIT = 25;
export const MAX_LIMIT = 250;

interface CursorData {
  o: number;
  q: string;
}

function digest(scope: string): string {
  return createHash('sha256').update(scope).digest('base64url').slice(0, 10);
}

export function encodeCursor(offset: number, scope: string): string {
  return Buffer.from(JSON.stringify({ o: offset, q: digest(scope) } satisfies CursorData)).toString(
    'base64url',
  );
}

export function decodeCursor(cursor: string, scope: string): number {
  try {
    const data = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<CursorData>;
    if (typeof data.o === 'number' && Number.isInteger(data.o) && data.o >= 0 && data.q === digest(scope))
      return data.o;
  } catch {
    // answered below, as Confluence answers a cursor it did not issue
  }
  throw confluenceError(400, 'INVALID_REQUEST_PARAMETER', 'The provided cursor is invalid or has expired.');
}

export function checkLimit(limit: number | undefined, max = MAX_LIMIT): number {
  if (limit === undefined) return DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1)
    throw confluenceError(400, 'INVALID_REQUEST_PARAMETER', `limit must be between 1 and ${max}`);
  return Math.min(limit, max);
}

export interface CursorRequest {
  cursor?: string | undefined;
  limit?: number | undefined;
}

export interface CursorPage<T> {
  results: T[];
  _links: { next?: string; base: string };
}

/**
 * One page of `items`. `path` is the list's relative URL (`/wiki/api/v2/spaces/1/pages`), `query` its
 * other parameters; both go into `_links.next` and into the cursor's scope.
 */
export function cursorPage<T, R>(
  store: SiteStore,
  items: readonly T[],
  request: CursorRequest,
  path: string,
  query: Record<string, string | undefined>,
  render: (item: T) => R,
): CursorPage<R> {
  const limit = checkLimit(request.limit);
  const params = Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined);
  const scope = `${path}?${params.map(([k, v]) => `${k}=${v}`).join('&')}`;
  const offset =
    request.cursor === undefined || request.cursor === '' ? 0 : decodeCursor(request.cursor, scope);
  const slice = items.slice(offset, offset + limit);
  const next = offset + slice.length < items.length ? encodeCursor(offset + slice.length, scope) : undefined;
  const links: CursorPage<R>['_links'] = { base: wikiBase(store) };
  if (next !== undefined) {
    const search = new URLSearchParams([...params, ['limit', String(limit)], ['cursor', next]]);
    links.next = `${path}?${search.toString()}`;
  }
  return { results: slice.map(render), _links: links };
}

/** The cursor inside a `_links.next` URL (clients page with it). */
export function cursorOf(next: string | undefined): string | undefined {
  if (next === undefined) return undefined;
  return new URL(next, 'https://x.invalid').searchParams.get('cursor') ?? undefined;
}

/** `Link: <next>; rel="next"`, which v2 sends besides `_links.next`. */
export function linkHeader(page: CursorPage<unknown>): Record<string, string> {
  return page._links.next ? { link: `<${page._links.next}>; rel="next"` } : {};
}
