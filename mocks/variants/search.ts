import type { FakeCloud } from '../cloud.ts';
import { patchResult, patchRun, record } from './kit/patch.ts';
import type { Variant } from './kit/types.ts';

/** The profile's names for Rovo search and fetch (searchAtlassian/fetchAtlassian or search/fetch). */
const searchTool = (cloud: FakeCloud) => cloud.profile.searchToolNames.search;
const fetchTool = (cloud: FakeCloud) => cloud.profile.searchToolNames.fetch;

function hitsOf(payload: unknown): Record<string, unknown>[] {
  const p = record(payload);
  return Array.isArray(p.results) ? p.results.map(record) : [];
}

export const variants: Variant[] = [
  {
    name: 'search-jira-only',
    defect: 'Rovo search returns Jira issues only; Confluence pages never come back',
    breaks: ['search.rovo.find'],
    apply: (cloud) =>
      patchResult(cloud, searchTool(cloud), (payload) => ({
        results: hitsOf(payload).filter((h) => String(h.id).startsWith('ari:cloud:jira:')),
      })),
  },
  {
    name: 'search-ari-without-site',
    defect: 'Rovo search hits carry ARIs without the cloudId (ari:cloud:jira::issue/N)',
    breaks: ['search.rovo.find'],
    apply: (cloud) =>
      patchResult(cloud, searchTool(cloud), (payload) => ({
        results: hitsOf(payload).map((h) => ({
          ...h,
          id: String(h.id).replace(/^(ari:cloud:[a-z]+:)[^:]+:/, '$1:'),
        })),
      })),
  },
  {
    name: 'search-ignores-permissions',
    defect:
      "Rovo search runs with the site admin's permissions, returning pages from spaces the caller cannot view",
    breaks: ['search.rovo.find'],
    apply: (cloud) =>
      patchRun(cloud, searchTool(cloud), (healthy, args, ctx) => {
        const admin = cloud.store.userByHandle('admin');
        return healthy(args, admin ? { ...ctx, actor: { accountId: admin.accountId }, user: admin } : ctx);
      }),
  },
  {
    name: 'fetch-returns-wrong-object',
    defect: 'Rovo fetch answers with the first issue or page of the site whatever ARI it is given',
    breaks: ['search.rovo.fetch'],
    apply: (cloud) =>
      patchRun(cloud, fetchTool(cloud), (healthy, args, ctx) => {
        const ari = String(args.id);
        const firstIssue = [...ctx.store.issues.keys()][0] ?? '1';
        const firstPage = [...ctx.store.pages.keys()][0] ?? '1';
        const wrong = ari.startsWith('ari:cloud:jira:')
          ? ari.replace(/issue\/\d+$/, `issue/${firstIssue}`)
          : ari.replace(/page\/\d+$/, `page/${firstPage}`);
        return healthy({ ...args, id: wrong }, ctx);
      }),
  },
  {
    name: 'fetch-unknown-falls-back',
    defect:
      'Rovo fetch answers an ARI it cannot resolve with the most recently created issue instead of an error',
    breaks: ['search.rovo.fetch-invalid'],
    apply: (cloud) =>
      patchRun(cloud, fetchTool(cloud), async (healthy, args, ctx) => {
        try {
          return await healthy(args, ctx);
        } catch {
          const latest = [...ctx.store.issues.values()].at(-1);
          if (!latest) throw new Error('no issue to fall back to');
          return healthy({ id: `ari:cloud:jira:${ctx.store.site.cloudId}:issue/${latest.id}` }, ctx);
        }
      }),
  },
];
