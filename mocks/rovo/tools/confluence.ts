import { z } from 'zod';
import { pageNotFound, visiblePage, visibleSpace } from '../../atlassian/confluence/access.ts';
import {
  createCommentRecord,
  listCommentChildren,
  listPageComments,
  type CommentKind,
} from '../../atlassian/confluence/comments.ts';
import { cursorPage } from '../../atlassian/confluence/paging.ts';
import {
  type ContentType,
  createPageRecord,
  listDescendants,
  pagesOfSpace,
  updatePageRecord,
} from '../../atlassian/confluence/pages.ts';
import { pageWebUrl, renderCommentMeta, renderPageMeta, tinyUrl } from '../../atlassian/confluence/render.ts';
import { searchContent } from '../../atlassian/confluence/search.ts';
import { listSpacesByOffset } from '../../atlassian/confluence/spaces.ts';
import { resolvePageId } from '../../atlassian/confluence/tiny-link.ts';
import { htmlToAdf } from '../../../lib/content/index.ts';
import type { AdfDoc } from '../../../lib/content/types.ts';
import type { SiteStore } from '../../atlassian/store.ts';
import type { ConfluenceComment, Page } from '../../atlassian/entities/confluence.ts';
import { checkCloudId } from '../cloud-id.ts';
import { type ConfluenceFormat, renderRichText, richTextToAdf } from '../content.ts';
import { READ, RovoToolError, type ToolContext, WRITE, defineTool } from './define.ts';
import { CLOUD_ID, CONFLUENCE_FORMAT } from './params.ts';

/**
 * The Confluence tools of rovo-surface.md 2.5, over the v2 services. Bodies are stored as ADF and
 * read back in `contentFormat` (profile default `defaultContentFormat.confluence`). A `pageId` may
 * be a numeric id or a tiny-link code. `updateConfluencePage` takes no version: it writes
 * current + 1 itself, so a stale edit silently replaces a newer one (last writer wins).
 */

const READ_FORMAT = z.enum(['adf', 'markdown']).describe('Format of returned bodies');
const WRITE_FORMAT = CONFLUENCE_FORMAT.describe(
  'Format of body: adf (JSON text), html (storage) or markdown',
);
const PAGE_ID = z.string().describe('Page ID (numeric) or the tiny-link code after /wiki/x/');
const CONTENT_TYPE = z.enum(['page', 'blog']).describe('page (default) or blog post');
const LIMIT = z.number().int().min(1).max(250).describe('Maximum results (1-250, default 25)');
const CURSOR = z.string().describe('Cursor from the previous response (_links.next)');
const COMMENT_SORT = z.enum(['created-date', '-created-date', 'modified-date', '-modified-date']);
const STRINGS = z.union([z.string(), z.array(z.string())]);

function contentType(value: 'page' | 'blog' | undefined): ContentType {
  return value === 'blog' ? 'blogpost' : 'page';
}

function list(value: string | string[] | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return (Array.isArray(value) ? value : value.split(',')).map((v) => v.trim()).filter(Boolean);
}

/** A page (or blog post) of the expected type that the caller may view, by id or tiny-link code. */
function pageFor(ctx: ToolContext, pageId: string, type: 'page' | 'blog' | undefined): Page {
  const page = visiblePage(ctx.store, ctx.actor, resolvePageId(pageId));
  if (page.contentType !== contentType(type)) throw pageNotFound();
  return page;
}

/** A Confluence body argument as ADF: html is storage XHTML, markdown and adf as for Jira rich text. */
export function confluenceBodyToAdf(
  value: string,
  explicit: ConfluenceFormat | undefined,
  fallback: ConfluenceFormat,
): AdfDoc {
  if ((explicit ?? fallback) === 'html') return htmlToAdf(value);
  return richTextToAdf(
    'body',
    value,
    explicit === 'html' ? undefined : explicit,
    fallback === 'html' ? 'markdown' : fallback,
  );
}

/** The REST write body Rovo sends on the caller's behalf (ADF travels as JSON text). */
function adfBody(doc: AdfDoc) {
  return { representation: 'atlas_doc_format', value: JSON.stringify(doc) };
}

/** The page as Rovo returns it: v2 metadata, web and tiny URLs, and the body as ADF (rendered later). */
export function rovoPage(store: SiteStore, page: Page, includeBody = true) {
  return {
    ...renderPageMeta(store, page),
    type: page.contentType,
    spaceKey: store.spaces.get(page.spaceId)?.key ?? '',
    webUrl: pageWebUrl(store, page),
    tinyUrl: tinyUrl(store, page),
    ...(includeBody ? { body: page.body } : {}),
  };
}

function rovoComment(store: SiteStore, c: ConfluenceComment) {
  return { ...renderCommentMeta(store, c), body: c.body };
}

function readFormat(ctx: ToolContext, explicit: ConfluenceFormat | undefined): ConfluenceFormat {
  return explicit ?? ctx.profile.defaultContentFormat.confluence;
}

const commentListInput = {
  cloudId: CLOUD_ID,
  pageId: PAGE_ID,
  contentType: CONTENT_TYPE.optional(),
  limit: LIMIT.optional(),
  cursor: CURSOR.optional(),
  status: z.enum(['current', 'archived', 'trashed', 'deleted', 'historical', 'draft']).optional(),
  sort: COMMENT_SORT.optional(),
  contentFormat: READ_FORMAT.optional(),
};

function pageComments(kind: CommentKind) {
  return (
    args: {
      cloudId: string;
      pageId: string;
      contentType?: 'page' | 'blog' | undefined;
      limit?: number | undefined;
      cursor?: string | undefined;
      status?: string | undefined;
      sort?: string | undefined;
      contentFormat?: ConfluenceFormat | undefined;
      resolutionStatus?: string | undefined;
    },
    ctx: ToolContext,
  ) => {
    checkCloudId(ctx.store, args.cloudId);
    const page = pageFor(ctx, args.pageId, args.contentType);
    const result = listPageComments(
      ctx.store,
      ctx.actor,
      page.id,
      kind,
      {
        limit: args.limit,
        cursor: args.cursor,
        sort: args.sort,
        status: args.status ? [args.status] : undefined,
        resolutionStatus: args.resolutionStatus ? [args.resolutionStatus] : undefined,
      },
      (c) => rovoComment(ctx.store, c),
    );
    return renderRichText(result, readFormat(ctx, args.contentFormat));
  };
}

function createComment(
  kind: CommentKind,
  args: {
    body: string;
    pageId?: string | undefined;
    parentCommentId?: string | undefined;
    contentType?: 'page' | 'blog' | undefined;
    attachmentId?: string | undefined;
    customContentId?: string | undefined;
    contentFormat?: ConfluenceFormat | undefined;
    inlineCommentProperties?: unknown;
  },
  ctx: ToolContext,
) {
  const format = ctx.profile.defaultContentFormat.confluence;
  const doc = confluenceBodyToAdf(args.body, args.contentFormat, format);
  const anchor =
    args.pageId === undefined
      ? {}
      : { [args.contentType === 'blog' ? 'blogPostId' : 'pageId']: resolvePageId(args.pageId) };
  const comment = createCommentRecord(ctx.store, ctx.actor, kind, {
    ...anchor,
    ...(args.parentCommentId !== undefined ? { parentCommentId: args.parentCommentId } : {}),
    ...(args.attachmentId !== undefined ? { attachmentId: args.attachmentId } : {}),
    ...(args.customContentId !== undefined ? { customContentId: args.customContentId } : {}),
    ...(args.inlineCommentProperties !== undefined
      ? { inlineCommentProperties: args.inlineCommentProperties }
      : {}),
    body: adfBody(doc),
  });
  return renderRichText(rovoComment(ctx.store, comment), args.contentFormat ?? format);
}

export const CONFLUENCE_TOOLS = [
  defineTool({
    name: 'getConfluenceSpaces',
    group: 'read_confluence',
    description:
      'List the Confluence spaces the user can view, optionally filtered by ids, keys, type or status. Pages with start/limit (default 25, max 250).',
    input: z
      .object({
        cloudId: CLOUD_ID,
        ids: STRINGS.optional().describe('Space ids'),
        keys: STRINGS.optional().describe('Space keys'),
        labels: STRINGS.optional(),
        expand: STRINGS.optional(),
        type: z.enum(['global', 'personal']).optional(),
        status: z.enum(['current', 'archived']).optional(),
        favourite: z.boolean().optional(),
        favoritedBy: z.string().optional(),
        start: z.number().int().min(0).optional(),
        limit: LIMIT.optional(),
      })
      .strict(),
    annotations: { ...READ, title: 'Get Confluence spaces' },
    run(args, ctx) {
      checkCloudId(ctx.store, args.cloudId);
      return listSpacesByOffset(ctx.store, ctx.actor, {
        ids: list(args.ids),
        keys: list(args.keys),
        labels: list(args.labels),
        type: args.type,
        status: args.status,
        favourite: args.favourite ?? (args.favoritedBy !== undefined ? true : undefined),
        start: args.start,
        limit: args.limit,
      });
    },
  }),
  defineTool({
    name: 'getPagesInConfluenceSpace',
    group: 'read_confluence',
    description:
      'List the pages (or blog posts) of a Confluence space by space id. Cursor-paged: pass the cursor from _links.next for the next page.',
    input: z
      .object({
        cloudId: CLOUD_ID,
        spaceId: z.string().describe('Space ID (a space key is resolved too)'),
        contentType: CONTENT_TYPE.optional(),
        limit: LIMIT.optional(),
        cursor: CURSOR.optional(),
        status: z.enum(['current', 'archived', 'trashed', 'deleted']).optional(),
        title: z.string().optional().describe('Exact page title'),
        sort: z
          .enum([
            'id',
            '-id',
            'created-date',
            '-created-date',
            'modified-date',
            '-modified-date',
            'title',
            '-title',
          ])
          .optional(),
        contentFormat: READ_FORMAT.optional(),
      })
      .strict(),
    annotations: { ...READ, title: 'Get pages in Confluence space' },
    run(args, ctx) {
      checkCloudId(ctx.store, args.cloudId);
      const space = visibleSpace(ctx.store, ctx.actor, args.spaceId);
      const type = contentType(args.contentType);
      const q = {
        limit: args.limit,
        cursor: args.cursor,
        status: args.status ? [args.status] : undefined,
        title: args.title,
        sort: args.sort,
        contentType: type,
      };
      const path = `/wiki/api/v2/spaces/${space.id}/${type === 'blogpost' ? 'blogposts' : 'pages'}`;
      const query = { status: args.status, title: args.title, sort: args.sort };
      const result = cursorPage(ctx.store, pagesOfSpace(ctx.store, space, q), q, path, query, (p) =>
        rovoPage(ctx.store, p),
      );
      return renderRichText(result, readFormat(ctx, args.contentFormat));
    },
  }),
  defineTool({
    name: 'getConfluencePage',
    group: 'read_confluence',
    description:
      'Get a Confluence page (or blog post) by id or tiny-link code, with its body in contentFormat (adf or markdown).',
    input: z
      .object({
        cloudId: CLOUD_ID,
        pageId: PAGE_ID,
        contentType: CONTENT_TYPE.optional(),
        contentFormat: READ_FORMAT.optional(),
      })
      .strict(),
    annotations: { ...READ, title: 'Get Confluence page' },
    run(args, ctx) {
      checkCloudId(ctx.store, args.cloudId);
      const page = pageFor(ctx, args.pageId, args.contentType);
      return renderRichText(rovoPage(ctx.store, page), readFormat(ctx, args.contentFormat));
    },
  }),
  defineTool({
    name: 'getConfluencePageDescendants',
    group: 'read_confluence',
    description:
      'Get the pages below a Confluence page (children, grandchildren...), each with its parentId and depth.',
    input: z
      .object({
        cloudId: CLOUD_ID,
        pageId: PAGE_ID,
        limit: LIMIT.optional(),
        depth: z.number().int().min(1).max(5).optional().describe('Levels to descend (1-5, default 5)'),
        cursor: CURSOR.optional(),
      })
      .strict(),
    annotations: { ...READ, title: 'Get Confluence page descendants' },
    run(args, ctx) {
      checkCloudId(ctx.store, args.cloudId);
      return listDescendants(ctx.store, ctx.actor, resolvePageId(args.pageId), {
        limit: args.limit,
        depth: args.depth,
        cursor: args.cursor,
      });
    },
  }),
  defineTool({
    name: 'createConfluencePage',
    group: 'write_confluence',
    description:
      'Create a Confluence page or blog post in a space (space id or key). Without parentId a page goes under the space homepage. body is in contentFormat (adf, html or markdown).',
    input: z
      .object({
        cloudId: CLOUD_ID,
        spaceId: z.string().describe('Space ID or key'),
        body: z.string().describe('The page body in contentFormat'),
        title: z.string().optional(),
        parentId: z.string().optional().describe('Parent page id (ignored for blog posts)'),
        status: z.enum(['current', 'draft']).optional(),
        contentType: CONTENT_TYPE.optional(),
        subtype: z.literal('live').optional(),
        isPrivate: z.boolean().optional(),
        contentFormat: WRITE_FORMAT.optional(),
      })
      .strict(),
    annotations: { ...WRITE, title: 'Create Confluence page' },
    run(args, ctx) {
      checkCloudId(ctx.store, args.cloudId);
      const format = ctx.profile.defaultContentFormat.confluence;
      const space = visibleSpace(ctx.store, ctx.actor, args.spaceId);
      const type = contentType(args.contentType);
      const doc = confluenceBodyToAdf(args.body, args.contentFormat, format);
      const page = createPageRecord(
        ctx.store,
        ctx.actor,
        {
          spaceId: space.id,
          status: args.status ?? 'current',
          ...(args.title !== undefined ? { title: args.title } : {}),
          ...(args.parentId !== undefined && type === 'page'
            ? { parentId: resolvePageId(args.parentId) }
            : {}),
          body: adfBody(doc),
        },
        { contentType: type },
      );
      return renderRichText(rovoPage(ctx.store, page), args.contentFormat ?? format);
    },
  }),
  defineTool({
    name: 'updateConfluencePage',
    group: 'write_confluence',
    description:
      'Update a Confluence page: body replaces the whole body (no patching); title, parentId and status change when given. The version number is incremented by the server.',
    input: z
      .object({
        cloudId: CLOUD_ID,
        pageId: PAGE_ID,
        body: z.string().describe('The new full body in contentFormat'),
        title: z.string().optional(),
        spaceId: z.string().max(255).optional(),
        parentId: z.string().optional(),
        status: z.enum(['current', 'draft']).optional(),
        contentType: CONTENT_TYPE.optional(),
        versionMessage: z.string().optional(),
        includeBody: z.boolean().optional().describe('Include the body in the response (default false)'),
        contentFormat: WRITE_FORMAT.optional(),
      })
      .strict(),
    annotations: { ...WRITE, title: 'Update Confluence page', idempotentHint: true },
    run(args, ctx) {
      checkCloudId(ctx.store, args.cloudId);
      const format = ctx.profile.defaultContentFormat.confluence;
      const page = pageFor(ctx, args.pageId, args.contentType);
      const doc = confluenceBodyToAdf(args.body, args.contentFormat, format);
      const spaceId =
        args.spaceId === undefined ? undefined : visibleSpace(ctx.store, ctx.actor, args.spaceId).id;
      // No optimistic locking: the version is whatever is current now, plus one (1 when a page turns draft).
      const status = args.status ?? (page.status === 'draft' ? 'draft' : 'current');
      const number = status === 'draft' && page.status !== 'draft' ? 1 : page.version.number + 1;
      const updated = updatePageRecord(ctx.store, ctx.actor, page.id, {
        id: page.id,
        status,
        title: args.title ?? page.title,
        ...(spaceId !== undefined ? { spaceId } : {}),
        ...(args.parentId !== undefined ? { parentId: resolvePageId(args.parentId) } : {}),
        body: adfBody(doc),
        version: { number, message: args.versionMessage ?? '' },
      });
      return renderRichText(
        rovoPage(ctx.store, updated, args.includeBody ?? false),
        args.contentFormat ?? format,
      );
    },
  }),
  defineTool({
    name: 'getConfluencePageFooterComments',
    group: 'read_confluence',
    description:
      'List the top-level footer comments of a Confluence page (replies via getConfluenceCommentChildren). Cursor-paged.',
    input: z.object(commentListInput).strict(),
    annotations: { ...READ, title: 'Get Confluence page footer comments' },
    run: pageComments('footer'),
  }),
  defineTool({
    name: 'getConfluencePageInlineComments',
    group: 'read_confluence',
    description:
      'List the top-level inline comments of a Confluence page, optionally by resolution status. Cursor-paged.',
    input: z
      .object({
        ...commentListInput,
        resolutionStatus: z.enum(['open', 'reopened', 'resolved', 'dangling']).optional(),
      })
      .strict(),
    annotations: { ...READ, title: 'Get Confluence page inline comments' },
    run: pageComments('inline'),
  }),
  defineTool({
    name: 'getConfluenceCommentChildren',
    group: 'read_confluence',
    description: 'List the replies to a footer or inline comment. Cursor-paged.',
    input: z
      .object({
        cloudId: CLOUD_ID,
        commentId: z.string(),
        commentType: z.enum(['footer', 'inline']),
        limit: LIMIT.optional(),
        cursor: CURSOR.optional(),
        sort: COMMENT_SORT.optional(),
        contentFormat: READ_FORMAT.optional(),
      })
      .strict(),
    annotations: { ...READ, title: 'Get Confluence comment replies' },
    run(args, ctx) {
      checkCloudId(ctx.store, args.cloudId);
      const result = listCommentChildren(
        ctx.store,
        ctx.actor,
        args.commentId,
        args.commentType,
        { limit: args.limit, cursor: args.cursor, sort: args.sort },
        (c) => rovoComment(ctx.store, c),
      );
      return renderRichText(result, readFormat(ctx, args.contentFormat));
    },
  }),
  defineTool({
    name: 'createConfluenceFooterComment',
    group: 'write_confluence',
    description:
      'Add a footer comment to a Confluence page, or reply to a footer comment with parentCommentId. body is in contentFormat.',
    input: z
      .object({
        cloudId: CLOUD_ID,
        body: z.string(),
        pageId: PAGE_ID.optional(),
        parentCommentId: z.string().optional().describe('Reply to this footer comment'),
        contentType: CONTENT_TYPE.optional(),
        attachmentId: z.string().optional(),
        customContentId: z.string().optional(),
        contentFormat: WRITE_FORMAT.optional(),
      })
      .strict(),
    annotations: { ...WRITE, title: 'Create Confluence footer comment' },
    run(args, ctx) {
      checkCloudId(ctx.store, args.cloudId);
      return createComment('footer', args, ctx);
    },
  }),
  defineTool({
    name: 'createConfluenceInlineComment',
    group: 'write_confluence',
    description:
      'Add an inline comment on a text selection of a Confluence page (the text, how often it occurs, which occurrence), or reply to one with parentCommentId.',
    input: z
      .object({
        cloudId: CLOUD_ID,
        body: z.string(),
        pageId: PAGE_ID.optional(),
        parentCommentId: z.string().optional().describe('Reply to this inline comment'),
        inlineCommentProperties: z
          .object({
            textSelection: z.string().describe('The exact page text to comment on'),
            textSelectionMatchCount: z
              .number()
              .int()
              .min(1)
              .describe('How many times that text occurs on the page'),
            textSelectionMatchIndex: z.number().int().min(0).describe('Which occurrence (0-based)'),
          })
          .strict()
          .optional(),
        contentType: CONTENT_TYPE.optional(),
        contentFormat: WRITE_FORMAT.optional(),
      })
      .strict(),
    annotations: { ...WRITE, title: 'Create Confluence inline comment' },
    run(args, ctx) {
      checkCloudId(ctx.store, args.cloudId);
      if (args.pageId === undefined && args.parentCommentId === undefined)
        throw new RovoToolError('Pass pageId for a new inline comment, or parentCommentId for a reply.');
      return createComment('inline', args, ctx);
    },
  }),
  defineTool({
    name: 'searchConfluenceUsingCql',
    group: 'search_confluence',
    description:
      'Search Confluence content with CQL, e.g. type = page AND space = DOCS AND text ~ "backup". Results are paged with cursor/limit (default 25, max 250).',
    input: z
      .object({
        cloudId: CLOUD_ID,
        cql: z.string().describe('A CQL query'),
        cqlcontext: z.string().optional(),
        cursor: CURSOR.optional(),
        expand: STRINGS.optional(),
        limit: LIMIT.optional(),
        prev: z.boolean().optional(),
        next: z.boolean().optional(),
      })
      .strict(),
    annotations: { ...READ, title: 'Search Confluence with CQL' },
    run(args, ctx) {
      checkCloudId(ctx.store, args.cloudId);
      return searchContent(ctx.store, ctx.actor, {
        cql: args.cql,
        cursor: args.cursor,
        limit: args.limit,
        cqlcontext: args.cqlcontext,
        expand: list(args.expand)?.join(','),
      });
    },
  }),
];
