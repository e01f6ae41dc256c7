import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { z } from 'zod';
import { fileTokenStore } from './oauth.ts';
import { createLegacyServer } from './server.ts';

/**
 * The reference legacy server as its own process on stdio, configured the way custom servers are:
 * environment variables and a token file it rewrites when the refresh token rotates.
 */
const required = (what: string) =>
  z.string({ error: `not set; set it to ${what}` }).min(1, `empty; set it to ${what}`);
const EnvSchema = z.object({
  ATLASSIAN_TOKEN_FILE: required('the path of the 3LO token file (access and refresh token)'),
  ATLASSIAN_CLIENT_ID: required('the client id of the OAuth app the grant belongs to'),
  ATLASSIAN_CLIENT_SECRET: required('the client secret of that OAuth app'),
  JIRA_CLOUD_ID: required('the cloudId of the Jira site'),
  JIRA_SITE_URL: z.url().optional(),
  ATLASSIAN_API_URL: z.url().optional(),
  ATLASSIAN_AUTH_URL: z.url().optional(),
});

const parsed = EnvSchema.safeParse(process.env);
if (!parsed.success) {
  for (const issue of parsed.error.issues)
    console.error(`legacy-jira-mcp: ${issue.path.join('.')} is ${issue.message}`);
  process.exit(2);
}
const env = parsed.data;
const { server } = createLegacyServer({
  cloudId: env.JIRA_CLOUD_ID,
  siteUrl: env.JIRA_SITE_URL,
  apiUrl: env.ATLASSIAN_API_URL,
  authUrl: env.ATLASSIAN_AUTH_URL,
  client: { id: env.ATLASSIAN_CLIENT_ID, secret: env.ATLASSIAN_CLIENT_SECRET },
  tokens: fileTokenStore(env.ATLASSIAN_TOKEN_FILE),
});
await server.connect(new StdioServerTransport());
console.error('legacy-jira-mcp running on stdio');
