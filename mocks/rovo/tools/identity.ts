import { z } from 'zod';
import { accessibleResources, renderMe } from '../../atlassian/identity.ts';
import { searchUsers } from '../../atlassian/jira/users.ts';
import { checkCloudId } from '../cloud-id.ts';
import { READ, defineTool } from './define.ts';
import { CLOUD_ID } from './params.ts';

export const IDENTITY_TOOLS = [
  defineTool({
    name: 'atlassianUserInfo',
    group: 'shared',
    description: 'Get current user info from Atlassian',
    input: z.object({}).strict(),
    annotations: { ...READ, title: 'Get current user info' },
    run: (_args, ctx) => renderMe(ctx.user),
  }),
  defineTool({
    name: 'getAccessibleAtlassianResources',
    group: 'shared',
    description:
      'Get cloudid to construct API calls to Atlassian REST APIs. When given a link, try the hostname as cloudId first.',
    input: z.object({}).strict(),
    annotations: { ...READ, title: 'Get accessible Atlassian resources' },
    run: (_args, ctx) => accessibleResources(ctx.store),
  }),
  defineTool({
    name: 'lookupJiraAccountId',
    group: 'read_jira',
    description: 'Lookup account ids of existing users in Jira based on the user name or email address.',
    input: z
      .object({
        cloudId: CLOUD_ID,
        searchString: z.string().describe('Name or email address to search for'),
      })
      .strict(),
    annotations: { ...READ, title: 'Lookup Jira account ID' },
    run(args, ctx) {
      checkCloudId(ctx.store, args.cloudId);
      return searchUsers(ctx.store, ctx.actor, args.searchString);
    },
  }),
];
