import { resolvePageId } from '../atlassian/confluence/tiny-link.ts';
import type { FakeCloud } from '../cloud.ts';
import { renderRichText } from '../rovo/content.ts';
import { rovoPage } from '../rovo/tools/confluence.ts';
import type { ToolContext } from '../rovo/tools/define.ts';
import { ignoreArgument, patchResult, patchRun, record } from './kit/patch.ts';
import type { Variant } from './kit/types.ts';

/** The same call made with the site admin's eyes, whoever asked. */
function asAdmin(cloud: FakeCloud, ctx: ToolContext): ToolContext {
  const admin = cloud.store.userByHandle('admin');
  return admin ? { ...ctx, actor: { accountId: admin.accountId }, user: admin } : ctx;
}

export const variants: Variant[] = [
  {
    name: 'spaces-capped-at-two',
    defect: 'getConfluenceSpaces returns at most two spaces and no next link, whatever the limit',
    breaks: ['confluence.spaces.list'],
    apply: (cloud) =>
      patchResult(cloud, 'getConfluenceSpaces', (payload) => {
        const p = record(payload);
        const results = Array.isArray(p.results) ? p.results.slice(0, 2) : [];
        return { ...p, results, size: results.length, _links: { base: record(p._links).base } };
      }),
  },
  {
    name: 'space-pages-cursor-ignored',
    defect: 'getPagesInConfluenceSpace ignores the cursor and answers the first page again',
    breaks: ['confluence.pages.paging'],
    apply: (cloud) => ignoreArgument(cloud, 'getPagesInConfluenceSpace', 'cursor'),
  },
  {
    name: 'page-read-ignores-markdown',
    defect:
      'getConfluencePage returns the ADF body whatever contentFormat asks (as atlassian-mcp-server#189 reports for Jira)',
    breaks: ['confluence.page.read-markdown'],
    apply: (cloud) =>
      patchRun(cloud, 'getConfluencePage', (healthy, args, ctx) =>
        healthy({ ...args, contentFormat: 'adf' }, ctx),
      ),
  },
  {
    name: 'create-at-space-root',
    defect:
      'createConfluencePage without parentId puts the page at the top of the space, not under its homepage',
    breaks: ['confluence.page.create'],
    apply: (cloud) =>
      patchRun(cloud, 'createConfluencePage', async (healthy, args, ctx) => {
        const created = record(await healthy(args, ctx));
        const page = ctx.store.pages.get(String(created.id));
        if (!page || args.parentId !== undefined) return created;
        page.parentId = null;
        return { ...created, parentId: null, parentType: null };
      }),
  },
  {
    name: 'update-keeps-version',
    defect: 'updateConfluencePage replaces the body but leaves the version number where it was',
    breaks: ['confluence.page.update', 'confluence.page.version-conflict'],
    apply: (cloud) =>
      patchRun(cloud, 'updateConfluencePage', async (healthy, args, ctx) => {
        const page = ctx.store.pages.get(resolvePageId(String(args.pageId)));
        const before = page?.version.number;
        const answer = record(await healthy(args, ctx));
        if (!page || before === undefined) return answer;
        page.version = { ...page.version, number: before };
        return { ...answer, version: { ...record(answer.version), number: before } };
      }),
  },
  {
    name: 'update-dropped-after-other-editor',
    defect:
      'updateConfluencePage reports success but silently discards the edit when another user saved the page last',
    breaks: ['confluence.page.version-conflict'],
    apply: (cloud) =>
      patchRun(cloud, 'updateConfluencePage', (healthy, args, ctx) => {
        const page = ctx.store.pages.get(resolvePageId(String(args.pageId)));
        if (!page || page.version.authorId === ctx.actor.accountId) return healthy(args, ctx);
        const format =
          (args.contentFormat as 'adf' | 'markdown' | 'html' | undefined) ??
          ctx.profile.defaultContentFormat.confluence;
        return renderRichText(rovoPage(ctx.store, page, args.includeBody === true), format);
      }),
  },
  {
    name: 'descendants-children-only',
    defect: 'getConfluencePageDescendants stops at the direct children, whatever depth says',
    breaks: ['confluence.page.descendants'],
    apply: (cloud) =>
      patchRun(cloud, 'getConfluencePageDescendants', (healthy, args, ctx) =>
        healthy({ ...args, depth: 1 }, ctx),
      ),
  },
  {
    name: 'comment-reply-posted-top-level',
    defect:
      'createConfluenceFooterComment ignores parentCommentId and posts the reply as a new top-level comment',
    breaks: ['confluence.comments.footer'],
    apply: (cloud) =>
      patchRun(cloud, 'createConfluenceFooterComment', (healthy, args, ctx) => {
        if (args.parentCommentId === undefined) return healthy(args, ctx);
        const { parentCommentId, ...rest } = args;
        const parent =
          typeof parentCommentId === 'string' ? ctx.store.contentComments.get(parentCommentId) : undefined;
        return healthy({ ...rest, pageId: parent?.pageId ?? args.pageId }, ctx);
      }),
  },
  {
    name: 'cql-ignores-space',
    defect: 'searchConfluenceUsingCql drops the space clause and searches every space',
    breaks: ['confluence.cql.search'],
    apply: (cloud) =>
      patchRun(cloud, 'searchConfluenceUsingCql', (healthy, args, ctx) =>
        healthy(
          { ...args, cql: String(args.cql).replace(/\bspace\s*=\s*("[^"]*"|\S+)\s+AND\s+/gi, '') },
          ctx,
        ),
      ),
  },
  {
    name: 'cql-ignores-permissions',
    defect: "searchConfluenceUsingCql searches with the site admin's permissions, leaking restricted spaces",
    breaks: ['confluence.cql.search'],
    apply: (cloud) =>
      patchRun(cloud, 'searchConfluenceUsingCql', (healthy, args, ctx) => healthy(args, asAdmin(cloud, ctx))),
  },
  {
    name: 'cql-invalid-returns-empty',
    defect: 'searchConfluenceUsingCql answers CQL it cannot parse with an empty result instead of an error',
    breaks: ['confluence.cql.invalid'],
    apply: (cloud) =>
      patchRun(cloud, 'searchConfluenceUsingCql', async (healthy, args, ctx) => {
        try {
          return await healthy(args, ctx);
        } catch {
          return { results: [], start: 0, limit: 25, size: 0, totalSize: 0, cqlQuery: args.cql, _links: {} };
        }
      }),
  },
];
