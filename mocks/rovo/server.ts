import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import {
  CallToolRequestSchema,
  ErrorCode,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  McpError,
  SetLevelRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';
import type { SiteStore } from '../atlassian/store.ts';
import type { User } from '../atlassian/entities/people.ts';
import { ILL_FORMED_MESSAGE, illFormedPath } from '../atlassian/well-formed.ts';
import {
  errorMessageOf,
  errorResult,
  invalidArgumentsResult,
  sendsStructured,
  successResult,
} from './envelope.ts';
import type { Profile } from './profile/schema.ts';
import type { RovoTool } from './tools/define.ts';
import { listedTool } from './tools/index.ts';

/** What the HTTP front puts in `authInfo.extra` for every request it lets through. */
export interface RovoCaller {
  user: User;
  /** Tools this caller may see and call (scopes and admin groups already applied). */
  tools: readonly RovoTool[];
}

export interface RovoServerDeps {
  store: SiteStore;
  profile: Profile;
  /** Resolves the caller of one request; the HTTP front authenticated it. */
  callerOf(authInfo: AuthInfo | undefined): RovoCaller;
  /** Seen before every tool runs (fault injection, rate limits); may throw or delay. `signal` aborts on cancel. */
  beforeCall?(tool: string, caller: RovoCaller, signal: AbortSignal): Promise<void> | void;
}

const CURSOR_PREFIX = 'tools:';

function decodeCursor(cursor: string | undefined, total: number): number {
  if (cursor === undefined) return 0;
  const offset = cursor.startsWith(CURSOR_PREFIX) ? Number(cursor.slice(CURSOR_PREFIX.length)) : NaN;
  if (!Number.isInteger(offset) || offset < 0 || offset >= total)
    throw new McpError(ErrorCode.InvalidParams, `Invalid cursor: ${cursor}`);
  return offset;
}

/** One MCP server per session, as the real (Cloudflare McpAgent-style) server keeps one per session. */
export function createRovoServer(deps: RovoServerDeps): Server {
  const { profile } = deps;
  const server = new Server(profile.serverInfo, {
    capabilities: { tools: { listChanged: true }, logging: {}, resources: {} },
  });

  server.setRequestHandler(ListToolsRequestSchema, (request, extra) => {
    const tools = deps.callerOf(extra.authInfo).tools;
    const size = profile.toolsPageSize ?? tools.length;
    const offset = decodeCursor(request.params?.cursor, tools.length);
    const page = tools.slice(offset, offset + size);
    const next = offset + page.length;
    return {
      tools: page.map(listedTool),
      ...(next < tools.length ? { nextCursor: `${CURSOR_PREFIX}${next}` } : {}),
    };
  });

  server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const caller = deps.callerOf(extra.authInfo);
    const { name, arguments: args } = request.params;
    const tool = caller.tools.find((t) => t.name === name);
    if (!tool) {
      const message = `Tool ${name} not found`;
      if (profile.unknownTool === 'jsonrpc-error') throw new McpError(ErrorCode.InvalidParams, message);
      return { content: [{ type: 'text', text: `MCP error -32602: ${message}` }], isError: true };
    }
    const parsed = tool.input.safeParse(args ?? {});
    if (!parsed.success)
      return invalidArgumentsResult(name, parsed.error.issues, Object.keys(tool.input.shape));
    // Refused before the tool runs, so nothing is half-written.
    const illFormed = illFormedPath(parsed.data);
    if (illFormed)
      return invalidArgumentsResult(
        name,
        [{ code: 'custom', path: illFormed, message: ILL_FORMED_MESSAGE, input: undefined }],
        Object.keys(tool.input.shape),
      );
    try {
      await deps.beforeCall?.(name, caller, extra.signal);
      // A call the client cancelled while it waited does no work (its answer is never sent).
      extra.signal.throwIfAborted();
      const payload = await tool.run(parsed.data, {
        store: deps.store,
        actor: { accountId: caller.user.accountId },
        user: caller.user,
        profile,
      });
      return successResult(payload, sendsStructured(profile, server.getClientVersion()?.name));
    } catch (error) {
      return errorResult(profile, errorMessageOf(error, profile, name));
    }
  });

  // Advertised by the real server though nothing is documented behind it.
  server.setRequestHandler(ListResourcesRequestSchema, () => ({ resources: [] }));
  server.setRequestHandler(ListResourceTemplatesRequestSchema, () => ({ resourceTemplates: [] }));
  server.setRequestHandler(SetLevelRequestSchema, () => ({}));
  return server;
}
