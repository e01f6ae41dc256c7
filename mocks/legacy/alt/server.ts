import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { OAuthSession } from '../oauth.ts';
import { ATLASSIAN_API_URL, ATLASSIAN_AUTH_URL } from '../server.ts';
import { readAltCredentials } from './credentials.ts';
import { AltRest } from './rest.ts';
import { registerAltTools } from './tools.ts';

export const ALT_SERVER_INFO = { name: 'jira-mcp-lite', version: '0.4.1' };

export interface AltServerOptions {
  /** The folder its credential files are under (credentials.ts), its working directory as a process. */
  dir: string;
  apiUrl?: string | undefined;
  authUrl?: string | undefined;
  /** Defaults to the global fetch, looked up per call so interceptors installed later still apply. */
  fetch?: typeof fetch | undefined;
}

/**
 * The second reference legacy server, written in another style than mocks/legacy/server.ts so the
 * legacy dialect is proven not to depend on legacy-mock's shapes: the SDK's high-level McpServer,
 * credentials from files at fixed paths (the site taken from the token's `resources`), flattened
 * results under its own key names, no project-metadata tools, and a retry on every 4xx (rest.ts).
 */
export function createAltLegacyServer(options: AltServerOptions): McpServer {
  const fetchImpl: typeof fetch = options.fetch ?? ((input, init) => fetch(input, init));
  const credentials = readAltCredentials(options.dir);
  const auth = new OAuthSession(
    credentials.tokens,
    credentials.client,
    `${options.authUrl ?? ATLASSIAN_AUTH_URL}/oauth/token`,
    fetchImpl,
  );
  const base = `${options.apiUrl ?? ATLASSIAN_API_URL}/ex/jira/${credentials.cloudId}/rest/api/3`;
  const server = new McpServer(ALT_SERVER_INFO, { capabilities: { tools: {} } });
  registerAltTools(server, {
    rest: new AltRest(base, auth, fetchImpl),
    cloudId: credentials.cloudId,
    siteUrl: credentials.siteUrl,
  });
  return server;
}
