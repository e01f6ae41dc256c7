import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { Session } from '../../connect/session.ts';
import { HarnessError, UnsupportedVerbError } from '../../errors.ts';
import type { Operations, Tier } from '../mapped/schema.ts';
import { readToolResult, type ToolOutcome } from '../tool-call.ts';

/** How one operation is reached on this session, and how the harness learnt it (the evidence). */
export interface Route {
  /** The tool called: the operation itself when it is a primary tool, else an execute tool. */
  tool: string;
  primary: boolean;
  /** `discover` found it, or the catalogue's name was used (no discover, or discover did not offer it). */
  source: 'tools/list' | 'discover' | 'catalogue';
  omitCloudId: boolean;
  /** The inputs discover said the operation takes (undefined when it did not say). */
  inputs: readonly string[] | undefined;
}

const Properties = z.object({ properties: z.record(z.string(), z.unknown()).optional() }).loose();
const DiscoveredSchema = z
  .object({
    operations: z.array(
      z
        .object({
          name: z.string(),
          tier: z.enum(['read', 'write', 'destructive']).optional(),
          omitCloudId: z.boolean().optional(),
          inputSchema: Properties.optional(),
          inputs: Properties.optional(),
        })
        .loose(),
    ),
  })
  .loose();

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads a v2 answer: `structuredContent` when the target sends it, else the JSON text; an object that
 * holds nothing but `data` is unwrapped (Q10). Errors read as every Rovo error does.
 */
export function readV2Result(tool: string, result: CallToolResult): ToolOutcome {
  const outcome = readToolResult(tool, result);
  if (!outcome.ok) return outcome;
  const raw = isObject(result.structuredContent) ? result.structuredContent : outcome.payload;
  const payload = isObject(raw) && Object.keys(raw).length === 1 && 'data' in raw ? raw.data : raw;
  return { ok: true, payload, result };
}

/**
 * Routes capability operations on one session: a primary tool by its own name, anything else through
 * the execute tool of the tier `discover` gives (asked once per operation and session, cached). With no
 * `discover` listed, the catalogue's name and tier are used and the evidence says so.
 */
export class OperationRouter {
  private tools: Promise<Map<string, Tool>> | undefined;
  private readonly routes = new Map<string, Promise<Route>>();
  /** One line per operation routed, for the record's details. */
  readonly evidence: string[] = [];

  constructor(
    private readonly session: Session,
    private readonly ops: Operations,
    private readonly cloudId: string,
    private readonly onEvidence?: (lines: readonly string[]) => void,
  ) {}

  private listed(): Promise<Map<string, Tool>> {
    this.tools ??= this.session.listTools().then((all) => new Map(all.map((t) => [t.name, t])));
    return this.tools;
  }

  /** The first of `names` the target lists (Q2: graph tools under either name), else the first. */
  async pick(names: readonly [string, ...string[]]): Promise<string> {
    const tools = await this.listed();
    return names.find((n) => tools.has(n)) ?? names[0];
  }

  private say(line: string): void {
    if (this.evidence.includes(line)) return;
    this.evidence.push(line);
    this.onEvidence?.(this.evidence);
  }

  route(operation: string): Promise<Route> {
    let route = this.routes.get(operation);
    if (!route) {
      route = this.resolve(operation);
      this.routes.set(operation, route);
      route.catch(() => this.routes.delete(operation));
    }
    return route;
  }

  private async resolve(operation: string): Promise<Route> {
    const tools = await this.listed();
    const own = tools.get(operation);
    if (own) {
      const takesCloudId = Object.keys(own.inputSchema.properties ?? {}).includes('cloudId');
      return {
        tool: operation,
        primary: true,
        source: 'tools/list',
        omitCloudId: !takesCloudId,
        inputs: undefined,
      };
    }
    const known = this.ops.catalogue[operation];
    const discover = tools.get(this.ops.discover);
    if (!discover) {
      if (!known)
        throw new UnsupportedVerbError(
          operation,
          `the target lists no ${this.ops.discover} tool and the rovo-v2 catalogue does not name ${operation}`,
        );
      const route = this.viaTier(tools, operation, known.tier, 'catalogue', false, undefined);
      this.say(
        `${operation}: no ${this.ops.discover} tool listed; called by its catalogue name through ${route.tool} (discovery not proven)`,
      );
      return route;
    }
    const goal = known?.goal ?? operation;
    const props = Object.keys(discover.inputSchema.properties ?? {});
    const key = ['query', 'goal'].find((k) => props.includes(k)) ?? props[0] ?? 'query';
    const outcome = readV2Result(
      this.ops.discover,
      await this.session.callTool(this.ops.discover, { [key]: goal }),
    );
    if (!outcome.ok) throw outcome.error;
    const parsed = DiscoveredSchema.safeParse(outcome.payload);
    if (!parsed.success)
      throw new HarnessError(
        'TOOL_RESULT_INVALID',
        `${this.ops.discover} answered in a shape the rovo-v2 dialect does not read (no "operations" list of {name})`,
      );
    const found = parsed.data.operations.find((op) => op.name === operation);
    if (!found) {
      if (!known)
        throw new UnsupportedVerbError(
          operation,
          `${this.ops.discover}("${goal}") did not offer ${operation}`,
        );
      const offered =
        parsed.data.operations
          .slice(0, 5)
          .map((op) => op.name)
          .join(', ') || 'nothing';
      const route = this.viaTier(tools, operation, known.tier, 'catalogue', false, undefined);
      this.say(
        `${operation}: ${this.ops.discover}("${goal}") did not offer it (offered ${offered}); called by its catalogue name through ${route.tool}`,
      );
      return route;
    }
    const tier = found.tier ?? known?.tier;
    if (!tier)
      throw new UnsupportedVerbError(
        operation,
        `${this.ops.discover} gave no tier for ${operation} and the catalogue names none`,
      );
    const schema = found.inputSchema ?? found.inputs;
    const route = this.viaTier(
      tools,
      operation,
      tier,
      'discover',
      found.omitCloudId === true,
      schema && Object.keys(schema.properties ?? {}),
    );
    this.say(
      `${operation}: ${this.ops.discover}("${goal}") -> ${found.tier ? `tier ${tier}` : `no tier (catalogue's ${tier})`}, via ${route.tool}`,
    );
    return route;
  }

  private viaTier(
    tools: Map<string, Tool>,
    operation: string,
    tier: Tier,
    source: Route['source'],
    omitCloudId: boolean,
    inputs: readonly string[] | undefined,
  ): Route {
    const tiered = this.ops.execute[tier];
    const tool =
      tiered && tools.has(tiered) ? tiered : tools.has(this.ops.single) ? this.ops.single : undefined;
    if (!tool)
      throw new UnsupportedVerbError(
        operation,
        `the target lists neither ${tiered ?? `a ${tier} execute tool`} nor ${this.ops.single}, so ${operation} (tier ${tier}) cannot be run`,
      );
    return { tool, primary: false, source, omitCloudId, inputs };
  }

  /** Calls an operation with flat inputs; `cloudId` always goes top-level (never inside `inputs`). */
  readonly call = async (
    _session: Session,
    operation: string,
    inputs: Record<string, unknown>,
  ): Promise<ToolOutcome> => {
    const route = await this.route(operation);
    const { cloudId: _ignored, ...rest } = inputs;
    const cloud = route.omitCloudId ? {} : { cloudId: this.cloudId };
    if (route.inputs) {
      const unknown = Object.keys(rest).filter((k) => !route.inputs?.includes(k));
      if (unknown.length)
        this.say(
          `${operation}: sent ${unknown.join(', ')}, which discover's schema does not list (v2 drops unknown keys; the write is read back)`,
        );
    }
    const args = route.primary ? { ...cloud, ...rest } : { name: operation, ...cloud, inputs: rest };
    const outcome = readV2Result(route.tool, await this.session.callTool(route.tool, args));
    if (!outcome.ok && route.source === 'catalogue' && /unknown operation/i.test(outcome.error.targetMessage))
      throw new UnsupportedVerbError(
        operation,
        `the harness's catalogue name ${operation} is unknown to the target (${outcome.error.targetMessage.slice(0, 200)})`,
      );
    return outcome;
  };
}
