import { renderMe } from '../atlassian/identity.ts';
import { patchResult, patchRun } from './kit/patch.ts';
import type { Variant } from './kit/types.ts';

export const variants: Variant[] = [
  {
    name: 'user-info-always-admin',
    defect: 'atlassianUserInfo answers with the site admin whoever calls',
    breaks: ['identity.user-info'],
    apply(cloud) {
      const admin = cloud.store.userByHandle('admin');
      if (admin) patchResult(cloud, 'atlassianUserInfo', () => renderMe(admin));
    },
  },
  {
    name: 'resources-not-an-array',
    defect:
      'getAccessibleAtlassianResources returns an object, the server bug behind atlassian-mcp-server#55',
    breaks: ['identity.accessible-resources'],
    apply(cloud) {
      patchResult(cloud, 'getAccessibleAtlassianResources', (rows) => ({ resources: rows }));
    },
  },
  {
    name: 'cloud-id-uuid-only',
    defect: 'product tools refuse a host name or site URL as cloudId',
    breaks: ['identity.cloud-id-forms'],
    apply(cloud) {
      patchRun(cloud, 'getVisibleJiraProjects', (healthy, args, ctx) => {
        if (args.cloudId !== ctx.store.site.cloudId) throw new Error(`cloudId must be a UUID`);
        return healthy(args, ctx);
      });
    },
  },
  {
    name: 'lookup-matches-nothing',
    defect: 'lookupJiraAccountId never finds anyone',
    breaks: ['identity.account-lookup'],
    apply(cloud) {
      patchResult(cloud, 'lookupJiraAccountId', () => []);
    },
  },
];
