import { z } from 'zod';
import type { CommentData, ContentHit, Driver, PageData } from '../types.ts';
import { callAndParse } from '../tool-call.ts';
import type { DriverContext } from '../context.ts';

type ConfluenceVerbs = Pick<
  Driver,
  | 'spaces'
  | 'pagesInSpace'
  | 'getPage'
  | 'createPage'
  | 'updatePage'
  | 'pageDescendants'
  | 'footerComments'
  | 'addFooterComment'
  | 'searchContent'
>;

/** Loose parsers for the Confluence tools: what the harness relies on, the rest let through. */

const NextLinks = z.object({ next: z.string().optional() }).loose().optional();

const PageSchema = z
  .object({
    id: z.string(),
    title: z.string().default(''),
    spaceId: z.string().optional(),
    parentId: z.string().nullable().optional(),
    version: z.object({ number: z.number() }).loose().optional(),
    body: z.unknown().optional(),
  })
  .loose();

const PageListSchema = z.object({ results: z.array(PageSchema), _links: NextLinks }).loose();

const SpaceListSchema = z
  .object({
    results: z.array(
      z
        .object({
          id: z.string(),
          key: z.string(),
          name: z.string().default(''),
          homepageId: z.string().nullable().optional(),
        })
        .loose(),
    ),
    _links: NextLinks,
  })
  .loose();

const DescendantsSchema = z
  .object({
    results: z.array(
      z
        .object({ id: z.string(), title: z.string().default(''), parentId: z.string().nullable().optional() })
        .loose(),
    ),
    _links: NextLinks,
  })
  .loose();

const CommentSchema = z
  .object({
    id: z.string(),
    body: z.unknown(),
    parentCommentId: z.string().nullable().optional(),
    version: z.object({ authorId: z.string().optional() }).loose().optional(),
    authorId: z.string().optional(),
  })
  .loose();
type RovoComment = z.infer<typeof CommentSchema>;

const CommentListSchema = z.object({ results: z.array(CommentSchema), _links: NextLinks }).loose();

const CqlResultSchema = z
  .object({
    results: z.array(
      z
        .object({
          title: z.string().optional(),
          content: z
            .object({
              id: z.string(),
              type: z.string(),
              title: z.string().optional(),
              space: z.object({ key: z.string() }).loose().optional(),
            })
            .loose()
            .optional(),
          resultGlobalContainer: z.object({ displayUrl: z.string().optional() }).loose().optional(),
        })
        .loose(),
    ),
  })
  .loose();

/** Bodies come back as Markdown text when asked for; anything else is shown as JSON. */
function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The cursor inside a `_links.next` URL. */
function cursorOf(next: string | undefined): string | undefined {
  if (!next) return undefined;
  return new URL(next, 'https://cursor.invalid').searchParams.get('cursor') ?? undefined;
}

function toPageData(p: z.infer<typeof PageSchema>): PageData {
  return {
    id: p.id,
    title: p.title,
    spaceId: p.spaceId ?? '',
    parentId: p.parentId ?? null,
    version: p.version?.number ?? 0,
    body: textOf(p.body),
  };
}

function toComment(c: RovoComment): CommentData {
  return {
    id: c.id,
    body: textOf(c.body),
    authorAccountId: c.version?.authorId ?? c.authorId,
    parentId: c.parentCommentId ?? null,
  };
}

function spaceKeyOf(hit: z.infer<typeof CqlResultSchema>['results'][number]): string | undefined {
  return (
    hit.content?.space?.key ?? /\/spaces\/([^/?#]+)/.exec(hit.resultGlobalContainer?.displayUrl ?? '')?.[1]
  );
}

const MD = { contentFormat: 'markdown' } as const;
const PAGE_SIZE = 250;

/** Confluence verbs over the Rovo v1 tools; bodies go in and come back as Markdown. */
export function rovoConfluence(ctx: DriverContext): ConfluenceVerbs {
  const { session, cloudId } = ctx;
  const call = <S extends z.ZodType>(tool: string, args: Record<string, unknown>, schema: S) =>
    callAndParse(session, tool, { cloudId, ...args }, schema);

  /** Follows `_links.next` to the end of a cursor-paged list. */
  async function all<T>(
    fetchPage: (
      cursor: string | undefined,
    ) => Promise<{ results: T[]; _links?: { next?: string | undefined } | undefined }>,
  ) {
    const out: T[] = [];
    const seen = new Set<string>();
    for (let cursor: string | undefined; ;) {
      const page = await fetchPage(cursor);
      out.push(...page.results);
      cursor = cursorOf(page._links?.next);
      if (!cursor || page.results.length === 0 || seen.has(cursor)) break;
      seen.add(cursor);
    }
    return out;
  }

  async function replies(comment: RovoComment): Promise<RovoComment[]> {
    const direct = await all((cursor) =>
      call(
        'getConfluenceCommentChildren',
        {
          commentId: comment.id,
          commentType: 'footer',
          limit: PAGE_SIZE,
          ...MD,
          ...(cursor ? { cursor } : {}),
        },
        CommentListSchema,
      ),
    );
    const nested = [];
    for (const r of direct) nested.push(...(await replies(r)));
    return [...direct.map((r) => ({ ...r, parentCommentId: r.parentCommentId ?? comment.id })), ...nested];
  }

  return {
    async spaces() {
      const out = [];
      for (let start = 0; ;) {
        const page = await call('getConfluenceSpaces', { start, limit: PAGE_SIZE }, SpaceListSchema);
        out.push(
          ...page.results.map((s) => ({
            id: s.id,
            key: s.key,
            name: s.name,
            homepageId: s.homepageId ?? null,
          })),
        );
        start += page.results.length;
        if (!page._links?.next || page.results.length === 0) break;
      }
      return out;
    },
    async pagesInSpace(spaceId, options = {}) {
      const page = await call(
        'getPagesInConfluenceSpace',
        {
          spaceId,
          ...MD,
          ...(options.limit ? { limit: options.limit } : {}),
          ...(options.cursor ? { cursor: options.cursor } : {}),
        },
        PageListSchema,
      );
      return { pages: page.results.map(toPageData), nextCursor: cursorOf(page._links?.next) };
    },
    async getPage(id) {
      return toPageData(await call('getConfluencePage', { pageId: id, ...MD }, PageSchema));
    },
    async createPage(input) {
      const page = await call(
        'createConfluencePage',
        {
          spaceId: input.space,
          title: input.title,
          body: input.body,
          ...MD,
          ...(input.parentId ? { parentId: input.parentId } : {}),
        },
        PageSchema,
      );
      ctx.created?.({ kind: 'page', id: page.id });
      return toPageData(page);
    },
    async updatePage(id, changes) {
      // Rovo takes no version number: it writes current + 1 itself, so changes.version is not sent.
      const page = await call(
        'updateConfluencePage',
        { pageId: id, title: changes.title, body: changes.body, includeBody: true, ...MD },
        PageSchema,
      );
      return toPageData(page);
    },
    async pageDescendants(id) {
      const found = await all((cursor) =>
        call(
          'getConfluencePageDescendants',
          { pageId: id, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) },
          DescendantsSchema,
        ),
      );
      // Descendant entries carry no space, version or body.
      return found.map((d) => ({
        id: d.id,
        title: d.title,
        spaceId: '',
        parentId: d.parentId ?? null,
        version: 0,
        body: '',
      }));
    },
    async footerComments(pageId) {
      const top = await all((cursor) =>
        call(
          'getConfluencePageFooterComments',
          { pageId, limit: PAGE_SIZE, ...MD, ...(cursor ? { cursor } : {}) },
          CommentListSchema,
        ),
      );
      const out: CommentData[] = [];
      for (const c of top) {
        out.push(toComment({ ...c, parentCommentId: null }));
        out.push(...(await replies(c)).map(toComment));
      }
      return out;
    },
    async addFooterComment(pageId, markdown, options = {}) {
      const c = await call(
        'createConfluenceFooterComment',
        options.parentCommentId
          ? { parentCommentId: options.parentCommentId, body: markdown, ...MD }
          : { pageId, body: markdown, ...MD },
        CommentSchema,
      );
      ctx.created?.({ kind: 'comment', id: c.id });
      return toComment(c);
    },
    async searchContent(cql, options = {}) {
      const result = await call(
        'searchConfluenceUsingCql',
        { cql, ...(options.limit ? { limit: options.limit } : {}) },
        CqlResultSchema,
      );
      return result.results.flatMap((r): ContentHit[] =>
        r.content
          ? [
              {
                id: r.content.id,
                type: r.content.type,
                title: r.content.title ?? r.title ?? '',
                spaceKey: spaceKeyOf(r),
              },
            ]
          : [],
      );
    },
  };
}
