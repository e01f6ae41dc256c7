import { z } from 'zod';
import { renderIssue } from '../../atlassian/jira/render.ts';
import { fetchByAri, rovoSearch } from '../../atlassian/search/rovo-search.ts';
import { browseUrl } from '../../atlassian/urls.ts';
import { checkCloudId } from '../cloud-id.ts';
import { renderRichText } from '../content.ts';
import { rovoPage } from './confluence.ts';
import { READ, RovoToolError, defineTool } from './define.ts';
import { DEFAULT_ISSUE_FIELDS } from './jira-read.ts';

/**
 * Rovo search and fetch (rovo-surface.md 2.2), defined with their canonical names; a profile may
 * rename them (searchAtlassian / fetchAtlassian). cloudId is optional: the token names the site.
 */

const OPTIONAL_CLOUD_ID = z
  .string()
  .describe('Cloud ID (UUID or site URL); optional, derived from your access token');

export const SEARCH_TOOLS = [
  defineTool({
    name: 'search',
    group: 'search_atlassian',
    description:
      'Search Jira and Confluence with Rovo. Returns matching issues and pages with an ARI id, title, type, URL and a snippet; pass the id to fetch for the full object.',
    input: z
      .object({
        query: z.string().describe('What to search for, in plain words'),
        cloudId: OPTIONAL_CLOUD_ID.optional(),
      })
      .strict(),
    annotations: { ...READ, title: 'Search Atlassian' },
    run(args, ctx) {
      if (args.cloudId !== undefined) checkCloudId(ctx.store, args.cloudId);
      return rovoSearch(ctx.store, ctx.actor, args.query);
    },
  }),
  defineTool({
    name: 'fetch',
    group: 'search_atlassian',
    description:
      'Fetch the full Jira issue or Confluence page named by an ARI from search (ari:cloud:jira:<cloudId>:issue/<id> or ari:cloud:confluence:<cloudId>:page/<id>).',
    input: z
      .object({
        id: z.string().describe('The ARI of a search result'),
        cloudId: z
          .string()
          .optional()
          .describe('Cloud ID (UUID or site URL); optional, extracted from the ARI'),
      })
      .strict(),
    annotations: { ...READ, title: 'Fetch Atlassian object' },
    run(args, ctx) {
      if (args.cloudId !== undefined) checkCloudId(ctx.store, args.cloudId);
      const found = fetchByAri(ctx.store, ctx.actor, args.id);
      switch (found.kind) {
        case 'error':
          throw new RovoToolError(found.message);
        case 'issue': {
          const issue = renderIssue(ctx.store, found.issue, ctx.actor, { fields: DEFAULT_ISSUE_FIELDS });
          const url = browseUrl(ctx.store, found.issue.key);
          return renderRichText(
            { ari: found.ari, type: 'issue', title: found.issue.summary, url, ...issue, webUrl: url },
            'markdown',
          );
        }
        case 'page': {
          const page = rovoPage(ctx.store, found.page);
          return renderRichText({ ari: found.ari, url: page.webUrl, ...page }, 'markdown');
        }
      }
    },
  }),
];
