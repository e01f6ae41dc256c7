import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { z } from 'zod';
import { serveOnLoopback } from './loopback.ts';
import { LEGACY_MCP_PATH, legacyHttpHandler } from '../legacy/http.ts';
import { fileTokenStore } from '../legacy/oauth.ts';
import { createLegacyServer, legacyMcpServer } from '../legacy/server.ts';

/**
 * The reference legacy server as its own process, configured the way custom servers are: environment
 * variables and a token file it rewrites when the refresh token rotates. On stdio by default; with
 * PORT set, Streamable HTTP at /mcp (the container image runs it so).
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
  PORT: z.coerce
    .number({ error: 'not a port; set it to a number from 0 to 65535, or unset it for stdio' })
    .int()
    .min(0)
    .max(65535)
    .optional(),
  HOST: z.union([z.ipv4(), z.ipv6()], { error: 'not an IP address; set it to e.g. 127.0.0.1' }).optional(),
});

const parsed = EnvSchema.safeParse(process.env);
if (!parsed.success) {
  for (const issue of parsed.error.issues)
    console.error(`legacy-jira-mcp: ${issue.path.join('.')} is ${issue.message}`);
  process.exit(2);
}
const env = parsed.data;
const legacy = createLegacyServer({
  cloudId: env.JIRA_CLOUD_ID,
  siteUrl: env.JIRA_SITE_URL,
  apiUrl: env.ATLASSIAN_API_URL,
  authUrl: env.ATLASSIAN_AUTH_URL,
  client: { id: env.ATLASSIAN_CLIENT_ID, secret: env.ATLASSIAN_CLIENT_SECRET },
  tokens: fileTokenStore(env.ATLASSIAN_TOKEN_FILE),
});
if (env.PORT === undefined) {
  await legacy.server.connect(new StdioServerTransport());
  console.error('legacy-jira-mcp running on stdio');
} else {
  const handler = legacyHttpHandler(() => legacyMcpServer(legacy.ctx));
  const mount = await serveOnLoopback(handler, env.PORT, env.HOST);
  console.error(`legacy-jira-mcp listening on ${mount.origin}${LEGACY_MCP_PATH}`);
  // As PID 1 of a container, nothing ends the process on SIGTERM unless it does so itself.
  const stop = () => {
    void Promise.all([handler.close(), mount.close()]).then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
