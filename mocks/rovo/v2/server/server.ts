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
  type Tool,
} from '@modelcontextprotocol/sdk/types.js';
import type { SiteStore } from '../../../atlassian/store.ts';
import type { Operation } from '../catalogue/schema.ts';
import type { DiscoverIndex } from '../discover/match.ts';
import type { V2Caller } from './caller.ts';
import { callExecute, callOperationTool } from './calls.ts';
import { callDiscover } from './discover-tool.ts';
import { UPSTREAM_ERROR, v2Error } from './envelope.ts';
import type { V2Surface } from './surface.ts';

export interface V2ServerDeps {
  store: SiteStore;
  surface: () => V2Surface;
  index: DiscoverIndex;
  callerOf(authInfo: AuthInfo | undefined): V2Caller;
  /** Seen before every tool runs (fault injection); may throw or delay. */
  beforeCall?(tool: string, signal: AbortSignal): Promise<void> | void;
}

const CURSOR_PREFIX = 'page:';

/** How an operation is listed: the catalogue's schema, cloudId added for a flat (`tools=all`) operation. */
export function listedTool(op: Operation, surface: V2Surface, flat: boolean): Tool {
  const schema = structuredClone(op.inputSchema) as Tool['inputSchema'];
  if (op.name === 'discover' && surface.profile.answers.Q3 === 'goal-name-inputs')
    schema.properties = { goal: { type: 'string', description: 'The goal in natural language' } };
  if (flat && !op.primary && !op.omitCloudId) {
    schema.properties = {
      cloudId: { type: 'string', description: 'Cloud ID (a UUID) or site URL' },
      ...schema.properties,
    };
    schema.required = ['cloudId', ...(schema.required ?? [])];
  }
  const readOnly = op.name === 'executeRead' || (op.tier === 'read' && !op.name.startsWith('execute'));
  const hints =
    surface.profile.answers.Q23 === 'hints'
      ? {
          annotations:
            op.name === 'executeDestructive' || op.tier === 'destructive'
              ? { destructiveHint: true }
              : readOnly
                ? { readOnlyHint: true }
                : {},
        }
      : {};
  return { name: op.name, description: op.description, inputSchema: schema, ...hints };
}

/** One MCP server per session, like the v1 mock: the tools a caller sees come from the v2 surface. */
export function createV2Server(deps: V2ServerDeps): Server {
  const surface = deps.surface();
  const server = new Server(surface.profile.serverInfo, {
    capabilities: { tools: { listChanged: true }, logging: {}, resources: {} },
  });

  server.setRequestHandler(ListToolsRequestSchema, (request, extra) => {
    const caller = deps.callerOf(extra.authInfo);
    const tools = surface.listed(caller);
    const size = caller.toolsAll ? surface.profile.toolsAllPageSize : tools.length;
    const cursor = request.params?.cursor;
    const offset =
      cursor === undefined
        ? 0
        : cursor.startsWith(CURSOR_PREFIX)
          ? Number(cursor.slice(CURSOR_PREFIX.length))
          : NaN;
    if (!Number.isInteger(offset) || offset < 0 || (cursor !== undefined && offset >= tools.length))
      throw new McpError(ErrorCode.InvalidParams, `Invalid cursor: ${cursor}`);
    const page = tools.slice(offset, offset + size);
    const next = offset + page.length;
    return {
      tools: page.map((op) => listedTool(op, surface, caller.toolsAll)),
      ...(next < tools.length ? { nextCursor: `${CURSOR_PREFIX}${next}` } : {}),
    };
  });

  server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const caller = deps.callerOf(extra.authInfo);
    const { name, arguments: args = {} } = request.params;
    const op = surface.listed(caller).find((t) => t.name === name);
    // Unknown tool names answer like the v1 mock's default (JSON-RPC -32602); not captured on v2.
    if (!op) throw new McpError(ErrorCode.InvalidParams, `Tool ${name} not found`);
    try {
      await deps.beforeCall?.(name, extra.signal);
    } catch (error) {
      // A fault a hook injects is an upstream failure, answered as v1's are (I241); a cancelled call stays one.
      if (extra.signal.aborted) throw error;
      return v2Error(UPSTREAM_ERROR);
    }
    extra.signal.throwIfAborted();
    const ctx = { store: deps.store, surface, caller, clientName: server.getClientVersion()?.name };
    if (name === 'discover') return callDiscover(surface, deps.index, caller, args, ctx.clientName);
    if (surface.isMeta(op)) return callExecute(ctx, name, args);
    return callOperationTool(ctx, op, args);
  });

  server.setRequestHandler(ListResourcesRequestSchema, () => ({ resources: [] }));
  server.setRequestHandler(ListResourceTemplatesRequestSchema, () => ({ resourceTemplates: [] }));
  server.setRequestHandler(SetLevelRequestSchema, () => ({}));
  return server;
}
