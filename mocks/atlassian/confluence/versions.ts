import { adfToMarkdown } from '../../../lib/content/index.ts';
import { confluenceError } from '../errors.ts';
import type { Actor } from '../jira/access.ts';
import type { SiteStore } from '../store.ts';
import type { Page } from '../entities/confluence.ts';
import type { ContentVersion } from './extras.ts';
import { canEditPage } from './access.ts';
import { PLURAL, visibleContent } from './content.ts';
import { lineDiff, unifiedText } from './diff.ts';
import { type CursorRequest, cursorPage } from './paging.ts';
import { CANNOT_EDIT } from './pages.ts';
import { type BodyFormat, renderBody, renderVersion } from './render.ts';

/**
 * Content versions: the list and one version (REST v2 `/{type}/{id}/versions`), a diff between two
 * (Confluence's "compare versions", which has no REST endpoint), and restore (REST v1
 * `POST /content/{id}/version`, which saves the old text as a new version).
 */

export const versionNotFound = (n: number | string) =>
  confluenceError(404, 'NOT_FOUND', `Version ${n} not found`);

function renderContentVersion(item: Page, v: ContentVersion, format?: BodyFormat) {
  return {
    ...renderVersion(v),
    [item.contentType]: { id: item.id, title: v.title },
    ...(format ? { body: renderBody(v.body, format) } : {}),
  };
}

function versionOf(item: Page, versions: readonly ContentVersion[], n: number): ContentVersion {
  const v = Number.isInteger(n) ? versions.find((x) => x.number === n) : undefined;
  if (!v) throw versionNotFound(n);
  return v;
}

export interface VersionListQuery extends CursorRequest {
  /** `modified-date` (oldest first) or `-modified-date` (newest first, the default). */
  sort?: string | undefined;
  bodyFormat?: BodyFormat | undefined;
}

/** `GET /{type}/{id}/versions`: cursor-paged, newest first unless `sort=modified-date`. */
export function listContentVersions(store: SiteStore, actor: Actor, id: string, q: VersionListQuery = {}) {
  const item = visibleContent(store, actor, id);
  const sort = q.sort ?? '-modified-date';
  if (sort !== 'modified-date' && sort !== '-modified-date')
    throw confluenceError(400, 'INVALID_REQUEST_PARAMETER', `Invalid value for sort: ${sort}`);
  const versions = store.wikiExtras.versionsOf(item);
  if (sort === '-modified-date') versions.reverse();
  const path = `/wiki/api/v2/${PLURAL[item.contentType]}/${item.id}/versions`;
  return cursorPage(store, versions, q, path, { sort: q.sort, 'body-format': q.bodyFormat }, (v) =>
    renderContentVersion(item, v, q.bodyFormat),
  );
}

/** `GET /{type}/{id}/versions/{number}`. */
export function getContentVersion(
  store: SiteStore,
  actor: Actor,
  id: string,
  n: number,
  bodyFormat?: BodyFormat,
) {
  const item = visibleContent(store, actor, id);
  return renderContentVersion(item, versionOf(item, store.wikiExtras.versionsOf(item), n), bodyFormat);
}

/** What changed from version `from` to version `to`: the title, and the text line by line (as Markdown). */
export function diffContentVersions(store: SiteStore, actor: Actor, id: string, from: number, to: number) {
  const item = visibleContent(store, actor, id);
  const versions = store.wikiExtras.versionsOf(item);
  const a = versionOf(item, versions, from);
  const b = versionOf(item, versions, to);
  const lines = lineDiff(adfToMarkdown(a.body).split('\n'), adfToMarkdown(b.body).split('\n'));
  const side = (v: ContentVersion) => ({
    number: v.number,
    title: v.title,
    authorId: v.authorId,
    createdAt: v.createdAt.toISOString(),
  });
  return {
    contentId: item.id,
    type: item.contentType,
    from: side(a),
    to: side(b),
    titleChange: a.title === b.title ? null : { from: a.title, to: b.title },
    added: lines.filter((l) => l.op === '+').length,
    removed: lines.filter((l) => l.op === '-').length,
    diff: unifiedText(`version ${a.number}`, `version ${b.number}`, lines),
  };
}

export interface RestoreOptions {
  message?: string | undefined;
  /** Also bring back the old title (default: keep the current one). */
  restoreTitle?: boolean | undefined;
}

/**
 * Saves an earlier version's text (and, when asked, its title) as a new version. Needs edit permission;
 * the current version cannot be restored onto itself.
 */
export function restoreContentVersion(
  store: SiteStore,
  actor: Actor,
  id: string,
  n: number,
  options: RestoreOptions = {},
) {
  const item = visibleContent(store, actor, id);
  const old = versionOf(item, store.wikiExtras.versionsOf(item), n);
  if (!canEditPage(store, actor, item)) throw confluenceError(403, 'FORBIDDEN', CANNOT_EDIT);
  if (old.number === item.version.number)
    throw confluenceError(400, 'INVALID_REQUEST_PARAMETER', `Version ${n} is the current version`);
  store.wikiExtras.keepVersion(item);
  const now = store.now();
  item.body = structuredClone(old.body);
  if (options.restoreTitle) item.title = old.title;
  item.version = {
    number: item.version.number + 1,
    message: options.message ?? `Restored from version ${old.number}`,
    minorEdit: false,
    authorId: actor.accountId ?? '',
    createdAt: now,
  };
  return renderContentVersion(item, { ...item.version, title: item.title, body: item.body });
}
