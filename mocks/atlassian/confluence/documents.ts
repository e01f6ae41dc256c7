import { createHash } from 'node:crypto';
import type { AdfDoc } from '../../../lib/content/types.ts';
import { AtlassianError, confluenceError } from '../errors.ts';
import type { Actor } from '../jira/access.ts';
import type { SiteStore } from '../store.ts';
import type { Page } from '../entities/confluence.ts';
import { canEditPage } from './access.ts';
import { renderContent, visibleContent } from './content.ts';
import { CANNOT_EDIT, updatePageRecord } from './pages.ts';

/**
 * Rovo v2's document reads and writes over pages and blog posts: every read carries a `snapshotToken`
 * naming the version it saw; an update that presents a token older than the current version is refused
 * with `snapshot_stale` and the current token (rovo-v2-surface.md 4.2), instead of overwriting.
 */

interface Snapshot {
  c: string;
  v: number;
}

function sign(store: SiteStore, payload: string): string {
  return createHash('sha256').update(`${store.site.cloudId}|${payload}`).digest('base64url').slice(0, 16);
}

export function snapshotToken(store: SiteStore, item: Page): string {
  const payload = Buffer.from(
    JSON.stringify({ c: item.id, v: item.version.number } satisfies Snapshot),
  ).toString('base64url');
  return `${payload}.${sign(store, payload)}`;
}

function parseToken(store: SiteStore, token: string): Snapshot | undefined {
  const [payload = '', signature] = token.split('.');
  if (signature !== sign(store, payload)) return undefined;
  try {
    const data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<Snapshot>;
    return typeof data.c === 'string' && typeof data.v === 'number' ? { c: data.c, v: data.v } : undefined;
  } catch {
    return undefined;
  }
}

export class SnapshotStaleError extends AtlassianError {
  constructor(
    readonly currentSnapshotToken: string,
    readonly currentVersion: number,
  ) {
    super(409, {
      errors: [
        {
          status: 409,
          code: 'snapshot_stale',
          title:
            'The content changed after this snapshotToken was issued: read it again and reapply the change.',
          detail: null,
        },
      ],
      currentSnapshotToken,
      currentVersion,
    });
  }
}

/** Refuses a token that is not this item's (400) or is older than its current version (409 stale). */
export function checkSnapshot(store: SiteStore, item: Page, token: string): void {
  const s = parseToken(store, token);
  if (!s || s.c !== item.id)
    throw confluenceError(
      400,
      'INVALID_REQUEST_PARAMETER',
      'The snapshotToken is not one issued for this content',
    );
  if (s.v !== item.version.number)
    throw new SnapshotStaleError(snapshotToken(store, item), item.version.number);
}

function document(store: SiteStore, actor: Actor, id: string): Page {
  const item = visibleContent(store, actor, id);
  if (item.contentType !== 'page' && item.contentType !== 'blogpost')
    throw confluenceError(
      400,
      'INVALID_REQUEST_PARAMETER',
      `A ${item.contentType} has no body to read or write`,
    );
  return item;
}

/** The item with its body (ADF), and the token an update must present. Typed content has no body. */
export function readDocument(store: SiteStore, actor: Actor, id: string) {
  const item = visibleContent(store, actor, id);
  const hasBody = item.contentType === 'page' || item.contentType === 'blogpost';
  return {
    content: renderContent(store, item),
    ...(hasBody ? { body: item.body, snapshotToken: snapshotToken(store, item) } : {}),
  };
}

export interface DocumentUpdate {
  snapshotToken?: string | undefined;
  title?: string | undefined;
  body?: AdfDoc | undefined;
  versionMessage?: string | undefined;
  /** Answer what the update would save, without saving it. */
  dryRun?: boolean | undefined;
}

/**
 * Saves a new version (current + 1) with the new title and/or body, after the snapshot check; a dry run
 * checks permission and token and answers the result unsaved.
 */
export function updateDocument(store: SiteStore, actor: Actor, id: string, input: DocumentUpdate) {
  const item = document(store, actor, id);
  if (input.snapshotToken !== undefined) checkSnapshot(store, item, input.snapshotToken);
  if (input.title === undefined && input.body === undefined)
    throw confluenceError(400, 'INVALID_REQUEST_PARAMETER', 'Give a new body, a new title, or both');
  if (input.dryRun) {
    if (!canEditPage(store, actor, item)) throw confluenceError(403, 'FORBIDDEN', CANNOT_EDIT);
    return {
      dryRun: true,
      content: { ...renderContent(store, item), title: input.title ?? item.title },
      body: input.body ?? item.body,
      snapshotToken: snapshotToken(store, item),
    };
  }
  const saved = updatePageRecord(store, actor, item.id, {
    id: item.id,
    status: item.status,
    title: input.title ?? item.title,
    body: { representation: 'atlas_doc_format', value: input.body ?? item.body },
    version: { number: item.version.number + 1, message: input.versionMessage ?? '' },
  });
  return {
    dryRun: false,
    content: renderContent(store, saved),
    body: saved.body,
    snapshotToken: snapshotToken(store, saved),
  };
}
