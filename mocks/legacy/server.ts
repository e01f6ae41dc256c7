import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  type CallToolResult,
  CallToolRequestSchema,
  ListToolsRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { JiraClient } from './jira-client.ts';
import { type OAuthClient, OAuthSession, type TokenStore } from './oauth.ts';
import { LEGACY_TOOLS, type LegacyContext, type LegacyTool } from './tools/index.ts';

export const LEGACY_SERVER_INFO = { name: 'legacy-jira-mcp', version: '2.0.0' };

export const ATLASSIAN_API_URL = 'https://api.atlassian.com';
export const ATLASSIAN_AUTH_URL = 'https://auth.atlassian.com';

export interface LegacyServerOptions {
  cloudId: string;
  /** `https://<site>.atlassian.net`, for browse links. */
  siteUrl?: string | undefined;
  /** Base URLs; a server is pointed at a fake site through these. */
  apiUrl?: string | undefined;
  authUrl?: string | undefined;
  client: OAuthClient;
  tokens: TokenStore;
  /** Defaults to the global fetch, looked up per call so interceptors installed later still apply. */
  fetch?: typeof fetch | undefined;
}

export interface LegacyServer {
  server: Server;
  jira: JiraClient;
  auth: OAuthSession;
  /** What every MCP session of this server shares (the HTTP entry opens one server per session on it). */
  ctx: LegacyContext;
}

const text = (value: string, isError = false): CallToolResult => ({
  content: [{ type: 'text', text: value }],
  ...(isError ? { isError: true } : {}),
});

function listed(tool: LegacyTool) {
  return {
    name: tool.name,
    description: tool.description,
    inputSchema: z.toJSONSchema(tool.input, { target: 'draft-7', io: 'input' }) as {
      type: 'object';
      [k: string]: unknown;
    },
  };
}

/**
 * The reference pre-Rovo custom Jira MCP server (jira-semantics.md C2/C3): snake_case tools, names
 * by issue type name, plain-text descriptions wrapped into ADF, direct REST v3 calls through the
 * gateway with a self-refreshed 3LO token, native bulk create, and every failure flattened into
 * `Error: ...` text with `isError: true`.
 */
export function createLegacyServer(options: LegacyServerOptions): LegacyServer {
  const fetchImpl: typeof fetch = options.fetch ?? ((input, init) => fetch(input, init));
  const auth = new OAuthSession(
    options.tokens,
    options.client,
    `${options.authUrl ?? ATLASSIAN_AUTH_URL}/oauth/token`,
    fetchImpl,
  );
  const jira = new JiraClient({
    apiUrl: options.apiUrl ?? ATLASSIAN_API_URL,
    cloudId: options.cloudId,
    auth,
    fetch: fetchImpl,
  });
  const ctx: LegacyContext = { jira, cloudId: options.cloudId, siteUrl: options.siteUrl };
  return { server: legacyMcpServer(ctx), jira, auth, ctx };
}

/**
 * One MCP server over a shared context. Sessions share the Jira client and its OAuth session, so
 * concurrent sessions refresh the rotating token once instead of replaying a spent refresh token.
 */
export function legacyMcpServer(ctx: LegacyContext): Server {
  const server = new Server(LEGACY_SERVER_INFO, { capabilities: { tools: {} } });

  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: LEGACY_TOOLS.map(listed) }));
  server.setRequestHandler(CallToolRequestSchema, async (request) => {
    const { name, arguments: args } = request.params;
    const tool = LEGACY_TOOLS.find((t) => t.name === name);
    if (!tool) return text(`Error: Unknown tool: ${name}`, true);
    const parsed = tool.input.safeParse(args ?? {});
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(arguments)'}: ${i.message}`);
      return text(`Error: Invalid arguments for ${name}: ${problems.join('; ')}`, true);
    }
    try {
      return text(JSON.stringify(await tool.run(parsed.data, ctx), null, 2));
    } catch (error) {
      return text(`Error: ${error instanceof Error ? error.message : String(error)}`, true);
    }
  });
  return server;
}
