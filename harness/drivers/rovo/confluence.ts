import { z } from 'zod';
import type { DriverContext } from '../context.ts';
import type { CommentData, Driver, PageData } from '../types.ts';
import type { ParsedCall } from './call.ts';

type ConfluenceVerbs = Pick<
  Driver,
  'spaces' | 'pagesInSpace' | 'pageDescendants' | 'footerComments' | 'addFooterComment'
>;

/** Loose parsers for the paged Confluence tools: what the harness relies on, the rest let through. */

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

const listOf = <T extends z.ZodType>(item: T) =>
  z.object({ results: z.array(item), _links: NextLinks }).loose();

const SpaceSchema = z
  .object({
    id: z.string(),
    key: z.string(),
    name: z.string().default(''),
    homepageId: z.string().nullable().optional(),
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

const MD = { contentFormat: 'markdown' } as const;
const PAGE_SIZE = 250;

/**
 * Confluence verbs data cannot say: offset and cursor paging, reply trees (one call per comment, to
 * the bottom), descendants that carry no space, version or body, and a comment's arguments that name
 * either the page or the comment answered.
 */
export function rovoConfluence(ctx: DriverContext, call: ParsedCall): ConfluenceVerbs {
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
        'footerComments',
        'getConfluenceCommentChildren',
        {
          commentId: comment.id,
          commentType: 'footer',
          limit: PAGE_SIZE,
          ...MD,
          ...(cursor ? { cursor } : {}),
        },
        listOf(CommentSchema),
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
        const page = await call(
          'spaces',
          'getConfluenceSpaces',
          { start, limit: PAGE_SIZE },
          listOf(SpaceSchema),
        );
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
        'pagesInSpace',
        'getPagesInConfluenceSpace',
        {
          spaceId,
          ...MD,
          ...(options.limit ? { limit: options.limit } : {}),
          ...(options.cursor ? { cursor: options.cursor } : {}),
        },
        listOf(PageSchema),
      );
      return { pages: page.results.map(toPageData), nextCursor: cursorOf(page._links?.next) };
    },
    async pageDescendants(id) {
      const found = await all((cursor) =>
        call(
          'pageDescendants',
          'getConfluencePageDescendants',
          { pageId: id, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) },
          listOf(PageSchema),
        ),
      );
      // Descendant entries carry no space, version or body.
      return found.map((d) => ({ ...toPageData(d), spaceId: '', version: 0, body: '' }));
    },
    async footerComments(pageId) {
      const top = await all((cursor) =>
        call(
          'footerComments',
          'getConfluencePageFooterComments',
          { pageId, limit: PAGE_SIZE, ...MD, ...(cursor ? { cursor } : {}) },
          listOf(CommentSchema),
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
        'addFooterComment',
        'createConfluenceFooterComment',
        options.parentCommentId
          ? { parentCommentId: options.parentCommentId, body: markdown, ...MD }
          : { pageId, body: markdown, ...MD },
        CommentSchema,
      );
      ctx.created?.({ kind: 'comment', id: c.id });
      return toComment(c);
    },
  };
}
