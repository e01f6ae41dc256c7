import { z } from 'zod';
import { adfToMarkdown, isAdfDoc } from '../../../lib/content/index.ts';
import type { DriverContext } from '../context.ts';
import { GraphContextSchema, graphContextOf } from '../shapes/graph.ts';
import { TargetError } from '../tool-call.ts';
import type { CommentData, Driver, PageData } from '../types.ts';
import { caller, markdownOf } from './jira.ts';
import type { OperationRouter } from './router.ts';

const id = z.union([z.string(), z.number().transform(String)]);
const Links = z.object({ next: z.string().optional() }).loose().optional();
const PageSchema = z
  .object({
    id,
    title: z.string().default(''),
    spaceId: id.optional(),
    parentId: id.nullish(),
    version: z.object({ number: z.number() }).loose().optional(),
    body: z.unknown().optional(),
    snapshotToken: z.string().optional(),
  })
  .loose();
const PageListSchema = z.object({ results: z.array(PageSchema), _links: Links }).loose();
/** A comment body: Markdown text, ADF, or Confluence's `{atlas_doc_format: {value: "<ADF JSON>"}}`. */
const CommentSchema = z
  .object({
    id,
    body: z.unknown(),
    parentCommentId: id.nullish(),
    version: z.object({ authorId: z.string().optional() }).loose().optional(),
    authorId: z.string().optional(),
  })
  .loose();
type V2Comment = z.infer<typeof CommentSchema>;
const Stored = z.object({ atlas_doc_format: z.object({ value: z.string() }).loose() }).loose();

function bodyText(body: unknown): string {
  const stored = Stored.safeParse(body);
  if (stored.success) {
    try {
      const doc: unknown = JSON.parse(stored.data.atlas_doc_format.value);
      return isAdfDoc(doc) ? adfToMarkdown(doc) : stored.data.atlas_doc_format.value;
    } catch {
      return stored.data.atlas_doc_format.value;
    }
  }
  return markdownOf(body) ?? '';
}

const toPage = (p: z.infer<typeof PageSchema>): PageData => ({
  id: p.id,
  title: p.title,
  spaceId: p.spaceId ?? '',
  parentId: p.parentId ?? null,
  version: p.version?.number ?? 0,
  body: typeof p.body === 'string' ? p.body : '',
});
const toComment = (c: V2Comment, parentId: string | null): CommentData => ({
  id: c.id,
  body: bodyText(c.body),
  authorAccountId: c.version?.authorId ?? c.authorId,
  parentId: c.parentCommentId ?? parentId,
});
const cursorOf = (next: string | undefined) =>
  next ? (new URL(next, 'https://cursor.invalid').searchParams.get('cursor') ?? undefined) : undefined;

type CodeVerbs = Pick<
  Driver,
  | 'pagesInSpace'
  | 'pageDescendants'
  | 'getPage'
  | 'createPage'
  | 'updatePage'
  | 'footerComments'
  | 'addFooterComment'
  | 'fetch'
  | 'graphContext'
>;

const PAGE_SIZE = 50;

/** Confluence and graph verbs data cannot say: cursors, space keys, reply trees, read-back of writes. */
export function v2Confluence(ctx: DriverContext, router: OperationRouter): CodeVerbs {
  const call = caller(ctx, router);
  /**
   * The snapshot token of each page as this driver last read it: an update sends it, so v2 refuses an
   * edit based on an older version (`snapshot_stale`) instead of the last writer silently winning.
   */
  const snapshots = new Map<string, string>();
  const getPage = async (pageId: string) => {
    const page = await call(
      'getConfluenceContent',
      { content_id: pageId, content_format: 'markdown', detail: 'full' },
      PageSchema,
    );
    if (page.snapshotToken) snapshots.set(pageId, page.snapshotToken);
    return toPage(page);
  };
  /** A write answered success: it is only true if the page reads back with the title it was given. */
  const readBack = async (tool: string, pageId: string, title: string) => {
    const page = await getPage(pageId);
    if (page.title !== title)
      throw new TargetError(
        tool,
        `dropped silently: title (${tool} answered success, but page ${pageId} reads back titled "${page.title.slice(0, 80)}")`,
        false,
        false,
      );
    return page;
  };
  async function comments(pageId: string): Promise<CommentData[]> {
    const out: CommentData[] = [];
    const seen = new Set<string>();
    for (let cursor: string | undefined; ;) {
      const page = await call(
        'listConfluenceComments',
        { 'content-id': pageId, 'comment-type': 'footer', limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) },
        z.object({ results: z.array(CommentSchema), _links: Links }).loose(),
      );
      for (const c of page.results) {
        out.push(toComment(c, null));
        const full = await call(
          'getConfluenceComment',
          { commentId: c.id, includeReplies: true },
          CommentSchema.extend({ replies: z.array(CommentSchema).default([]) }),
        );
        out.push(...full.replies.map((r) => toComment(r, c.id)));
      }
      cursor = cursorOf(page._links?.next);
      if (!cursor || page.results.length === 0 || seen.has(cursor)) break;
      seen.add(cursor);
    }
    return out;
  }
  return {
    async pagesInSpace(spaceId, options = {}) {
      const page = await call(
        'listConfluenceContent',
        {
          type: 'page',
          spaceId,
          ...(options.limit ? { limit: Math.min(options.limit, 250) } : {}),
          ...(options.cursor ? { cursor: options.cursor } : {}),
        },
        PageListSchema,
      );
      return { pages: page.results.map(toPage), nextCursor: cursorOf(page._links?.next) };
    },
    getPage,
    async pageDescendants(pageId) {
      const found = await call(
        'getConfluenceContentDescendants',
        { contentId: pageId, limit: 250 },
        z.object({ results: z.array(PageSchema) }).loose(),
      );
      // Descendant entries carry no space, version or body (v1's driver reads them the same way).
      return found.results.map((d) => ({ ...toPage(d), body: '' }));
    },
    async createPage(input) {
      // v2's parent takes a numeric space id; a key is looked up first.
      const spaceId = /^\d+$/.test(input.space)
        ? input.space
        : (await call('getConfluenceSpace', { spaceIdOrKey: input.space }, z.object({ id }).loose())).id;
      const created = await call(
        'createConfluenceContent',
        {
          parent: { spaceId, ...(input.parentId ? { parentContentId: input.parentId } : {}) },
          contentType: 'page',
          title: input.title,
          body: { format: 'markdown', value: input.body },
        },
        PageSchema,
      );
      ctx.created?.({ kind: 'page', id: created.id });
      return readBack('createConfluenceContent', created.id, input.title);
    },
    async updatePage(pageId, changes) {
      // v2 bumps the version itself (changes.version is not sent); the snapshot token guards staleness.
      const snapshotToken = snapshots.get(pageId);
      await call(
        'updateConfluenceContent',
        {
          contentId: pageId,
          ...(snapshotToken ? { snapshotToken } : {}),
          title: changes.title,
          body: { format: 'markdown', value: changes.body },
        },
        z.unknown(),
      );
      return readBack('updateConfluenceContent', pageId, changes.title);
    },
    footerComments: comments,
    async addFooterComment(pageId, markdown, options = {}) {
      const c = await call(
        'createConfluenceComment',
        options.parentCommentId
          ? { parentCommentId: options.parentCommentId, body: markdown, contentFormat: 'markdown' }
          : { contentId: pageId, commentType: 'footer', body: markdown, contentFormat: 'markdown' },
        CommentSchema,
      );
      ctx.created?.({ kind: 'comment', id: c.id });
      return toComment(c, options.parentCommentId ?? null);
    },
    async fetch(ari) {
      // v2 has no fetch tool: ARIs and URLs go to the graph object tool (rovo-v2-surface.md §3.4).
      const result = await call(
        await router.pick(['getGraphObject', 'getTeamworkGraphObject']),
        { objects: [ari] },
        z.object({ objects: z.array(z.record(z.string(), z.unknown())) }).loose(),
      );
      const [object] = result.objects;
      if (!object)
        throw new TargetError('getGraphObject', `no object answered for ${ari.slice(0, 120)}`, false, false);
      if (typeof object.error === 'string')
        throw new TargetError('getGraphObject', object.error, false, false);
      return object;
    },
    async graphContext(identifier, objectType) {
      const answer = await call(
        await router.pick(['getGraphContext', 'getTeamworkGraphContext']),
        {
          objectIdentifier: identifier,
          objectType: objectType === 'issue' ? 'JiraWorkItem' : 'ConfluencePage',
        },
        GraphContextSchema,
      );
      return graphContextOf(answer);
    },
  };
}
