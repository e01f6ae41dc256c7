import { adfToHtml } from '../../../lib/content/index.ts';
import type { AdfDoc } from '../../../lib/content/types.ts';
import { confluenceError } from '../errors.ts';
import type { SiteStore } from '../store.ts';
import type { ConfluenceComment, Page, PageVersion, Space } from '../entities/confluence.ts';
import { wikiBase } from '../urls.ts';
import { wellFormed } from '../well-formed.ts';
import { tinyLinkCode } from './tiny-link.ts';

/** Confluence REST v2 read shapes (spaces, pages, comments) over stored content. */

export const BODY_FORMATS = ['storage', 'atlas_doc_format', 'view', 'export_view'] as const;
export type BodyFormat = (typeof BODY_FORMATS)[number];

/** `body-format` as a query parameter: absent means no body; anything unknown is a 400. */
export function parseBodyFormat(value: string | null | undefined): BodyFormat | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if ((BODY_FORMATS as readonly string[]).includes(value)) return value as BodyFormat;
  throw confluenceError(
    400,
    'INVALID_REQUEST_PARAMETER',
    `Invalid value for body-format: ${value}. Expected one of ${BODY_FORMATS.join(', ')}`,
  );
}

export type RenderedBody = Partial<Record<BodyFormat, { representation: BodyFormat; value: string }>>;

/** `{ <format>: { representation, value } }`: ADF travels as JSON text, the others as XHTML. */
export function renderBody(doc: AdfDoc, format: BodyFormat | undefined): RenderedBody {
  if (format === undefined) return {};
  const value = format === 'atlas_doc_format' ? JSON.stringify(doc) : adfToHtml(doc);
  return { [format]: { representation: format, value } };
}

export function renderVersion(v: PageVersion) {
  return {
    number: v.number,
    message: v.message,
    minorEdit: v.minorEdit,
    authorId: v.authorId,
    createdAt: v.createdAt.toISOString(),
  };
}

export function spaceKeyOf(store: SiteStore, page: Page): string {
  return store.spaces.get(page.spaceId)?.key ?? '';
}

function slug(title: string): string {
  // Whatever is stored, a listing renders: encodeURIComponent throws on a lone surrogate.
  return encodeURIComponent(wellFormed(title).replace(/\s+/g, '+')).replace(/%2B/g, '+');
}

export function pageWebui(store: SiteStore, page: Page): string {
  const kind = page.contentType === 'blogpost' ? 'blog' : 'pages';
  return `/spaces/${spaceKeyOf(store, page)}/${kind}/${page.id}/${slug(page.title)}`;
}

export function pageWebUrl(store: SiteStore, page: Page): string {
  return `${wikiBase(store)}${pageWebui(store, page)}`;
}

export function tinyUrl(store: SiteStore, page: Page): string {
  return `${wikiBase(store)}/x/${tinyLinkCode(page.id)}`;
}

/** The page without its body: what every v2 page read starts from. */
export function renderPageMeta(store: SiteStore, page: Page) {
  return {
    id: page.id,
    status: page.status,
    title: page.title,
    spaceId: page.spaceId,
    ...(page.contentType === 'page'
      ? {
          parentId: page.parentId,
          parentType: page.parentId === null ? null : (store.pages.get(page.parentId)?.contentType ?? 'page'),
        }
      : {}),
    authorId: page.authorId,
    ownerId: page.ownerId,
    createdAt: page.createdAt.toISOString(),
    version: renderVersion(page.version),
    _links: {
      webui: pageWebui(store, page),
      editui: `/pages/resumedraft.action?draftId=${page.id}`,
      tinyui: `/x/${tinyLinkCode(page.id)}`,
    },
  };
}

/** `GET /pages/{id}`: the page, with `body` holding the requested format (empty without one). */
export function renderPage(store: SiteStore, page: Page, format: BodyFormat | undefined) {
  return { ...renderPageMeta(store, page), body: renderBody(page.body, format) };
}

export function renderSpace(store: SiteStore, space: Space) {
  return {
    id: space.id,
    key: space.key,
    name: space.name,
    type: space.type,
    status: 'current',
    authorId: null,
    createdAt: space.createdAt.toISOString(),
    homepageId: space.homepageId,
    description: space.description ? { plain: { value: space.description, representation: 'plain' } } : null,
    icon: null,
    _links: { webui: `/spaces/${space.key}`, base: wikiBase(store) },
  };
}

/** A footer or inline comment without its body. */
export function renderCommentMeta(store: SiteStore, c: ConfluenceComment) {
  const page = store.pages.get(c.pageId);
  const webui = page
    ? `${pageWebui(store, page)}?focusedCommentId=${c.id}#comment-${c.id}`
    : `/pages/viewpage.action?pageId=${c.pageId}&focusedCommentId=${c.id}`;
  return {
    id: c.id,
    status: 'current',
    title: `Re: ${page?.title ?? ''}`,
    ...(page?.contentType === 'blogpost' ? { blogPostId: c.pageId } : { pageId: c.pageId }),
    ...(c.parentCommentId ? { parentCommentId: c.parentCommentId } : {}),
    version: renderVersion(c.version),
    ...(c.kind === 'inline'
      ? {
          resolutionStatus: c.resolutionStatus ?? 'open',
          properties: {
            inlineMarkerRef: `marker-${c.id}`,
            inlineOriginalSelection: c.inlineProperties?.textSelection ?? '',
          },
        }
      : {}),
    _links: { webui },
  };
}

export function renderComment(store: SiteStore, c: ConfluenceComment, format: BodyFormat | undefined) {
  return { ...renderCommentMeta(store, c), body: renderBody(c.body, format) };
}
