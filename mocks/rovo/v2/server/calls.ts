import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { AtlassianError } from '../../../atlassian/errors.ts';
import type { SiteStore } from '../../../atlassian/store.ts';
import { checkCloudId } from '../../cloud-id.ts';
import type { RovoToolError } from '../../tools/define.ts';
import type { Operation } from '../catalogue/schema.ts';
import { NotModelledError, OPERATION_SERVICES, OperationInputError } from '../operations/index.ts';
import type { V2Caller } from './caller.ts';
import { v2Error, v2Success, UPSTREAM_ERROR } from './envelope.ts';
import { v2Messages } from './messages.ts';
import type { V2Surface } from './surface.ts';
import type { V2Profile } from '../profile/schema.ts';
import { prepareJira, shapeJira } from './jira-shape.ts';

export interface CallContext {
  store: SiteStore;
  surface: V2Surface;
  caller: V2Caller;
  clientName: string | undefined;
}

const TIER_TOOL = { read: 'executeRead', write: 'executeWrite', destructive: 'executeDestructive' } as const;
const TOOL_TIER: Record<string, string> = {
  executeRead: 'read',
  executeWrite: 'write',
  executeDestructive: 'destructive',
};

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Keys outside `allowed`: refused under Q6 strict, otherwise left for the operation's parser to drop. */
function strictKeys(
  ctx: CallContext,
  name: string,
  value: Record<string, unknown>,
  allowed: readonly string[],
) {
  if (ctx.surface.profile.answers.Q6 !== 'strict') return undefined;
  const unknown = Object.keys(value).filter((k) => !allowed.includes(k));
  return unknown.length ? v2Error(v2Messages.unknownKeys(name, unknown, allowed)) : undefined;
}

/** Runs one operation of the site for the caller: cloudId, Q21's body format, the site's errors as Q17 says. */
function run(
  ctx: CallContext,
  op: Operation,
  cloudId: unknown,
  inputs: Record<string, unknown>,
): CallToolResult {
  const { profile } = ctx.surface;
  if (!op.modelled || !OPERATION_SERVICES.has(op.name))
    return v2Error(v2Messages.notModelled(op.name, op.notModelledReason ?? 'no site service backs it'));
  if (!op.omitCloudId) {
    if (typeof cloudId !== 'string' || cloudId === '') return v2Error(v2Messages.missingCloudId(op.name));
    try {
      checkCloudId(ctx.store, cloudId);
    } catch (error) {
      return v2Error((error as RovoToolError).message);
    }
  }
  try {
    const actor = { accountId: ctx.caller.user?.accountId ?? null };
    const prepared = prepareJira(op.name, asV2Inputs(op.name, inputs, profile), profile);
    let payload = OPERATION_SERVICES.get(op.name)?.call(prepared, { store: ctx.store, actor });
    payload = shapeJira(op.name, inputs, payload, { store: ctx.store, actor, profile });
    if (op.name === 'getContentFormatGuide' && isRecord(payload) && inputs.toolName !== prepared.toolName)
      payload = { ...payload, toolName: inputs.toolName };
    if (op.name === 'getAccessibleAtlassianResources' && profile.answers.Q25 === 'data-resources')
      payload = { data: { resources: v2Resources(payload) } };
    return v2Success(profile, payload, ctx.clientName);
  } catch (error) {
    if (error instanceof OperationInputError)
      return v2Error(v2Messages.invalidInputs(op.name, error.message.replace(`${op.name}: `, '')));
    if (error instanceof NotModelledError) return v2Error(v2Messages.notModelled(op.name, error.message));
    if (error instanceof AtlassianError && profile.answers.Q17 === 'specific')
      return v2Error(JSON.stringify(error.body));
    return v2Error(UPSTREAM_ERROR);
  }
}

/** The v2 names getContentFormatGuide takes as well under Q20 also-v2-names, as the content key they stand for. */
const GUIDE_V2_NAMES: Record<string, string> = {
  createConfluenceContent: 'createConfluencePage',
  updateConfluenceContent: 'updateConfluencePage',
};

/** Inputs as the operation reads them: Q21's default body format, Q20's v2 tool names. */
function asV2Inputs(
  name: string,
  inputs: Record<string, unknown>,
  profile: V2Profile,
): Record<string, unknown> {
  const body = inputs.body;
  if ((name === 'createConfluenceContent' || name === 'updateConfluenceContent') && isRecord(body))
    return body.format === undefined ? { ...inputs, body: { ...body, format: profile.answers.Q21 } } : inputs;
  const key = typeof inputs.toolName === 'string' ? GUIDE_V2_NAMES[inputs.toolName] : undefined;
  if (name === 'getContentFormatGuide' && key && profile.answers.Q20 === 'also-v2-names')
    return { ...inputs, toolName: key };
  return inputs;
}

/** v1's per-product rows as v2's one resource per site: `{cloudId, url, name}` without scopes (T-RES). */
function v2Resources(rows: unknown): { cloudId: string; url: string; name: string }[] {
  const sites = new Map<string, { cloudId: string; url: string; name: string }>();
  for (const r of rows as { id: string; url: string; name: string }[])
    sites.set(r.id, { cloudId: r.id, url: r.url, name: r.name });
  return [...sites.values()];
}

/** A primary tool (or, with `?tools=all`, any listed operation) called by its own name. */
export function callOperationTool(
  ctx: CallContext,
  op: Operation,
  args: Record<string, unknown>,
): CallToolResult {
  const allowed = [...Object.keys(op.inputSchema.properties ?? {}), ...(op.omitCloudId ? [] : ['cloudId'])];
  const refused = strictKeys(ctx, op.name, args, [...new Set(allowed)]);
  if (refused) return refused;
  const { cloudId, ...inputs } = args;
  return run(ctx, op, cloudId, inputs);
}

/**
 * `executeRead` / `executeWrite` / `executeDestructive` (or `execute`, Q1) with `{name, cloudId, inputs}`:
 * an unknown name, a v1 name (Q4), a group the caller lacks or the admin disabled (Q14) and a wrong
 * tier (Q5) each get their error before the site is touched.
 */
export function callExecute(ctx: CallContext, tool: string, args: Record<string, unknown>): CallToolResult {
  const { surface, caller } = ctx;
  const refused = strictKeys(ctx, tool, args, ['name', 'cloudId', 'inputs']);
  if (refused) return refused;
  const name = args.name;
  if (typeof name !== 'string' || name === '') return v2Error(v2Messages.needsName(tool));
  const inputs = args.inputs === undefined ? {} : args.inputs;
  if (!isRecord(inputs)) return v2Error(v2Messages.invalidInputs(name, '"inputs" must be an object'));
  let op = surface.chosen.get(name);
  if (!op && surface.profile.answers.Q4 === 'alias') op = surface.v1Names.get(name);
  if (!op || surface.isMeta(op)) return v2Error(v2Messages.unknownOperation(name));
  switch (surface.refusal(op, caller)) {
    case 'capability':
      return v2Error(v2Messages.unknownOperation(name));
    case 'scope':
      return v2Error(v2Messages.insufficientScope(op.name, op.permissionGroup));
    case 'disabled':
      return v2Error(
        surface.profile.answers.Q14 === 'hidden'
          ? v2Messages.unknownOperation(name)
          : v2Messages.disabledGroup(op.name, op.permissionGroup),
      );
    case undefined:
      break;
  }
  const tier = TOOL_TIER[tool];
  if (tier !== undefined && tier !== op.tier && surface.profile.answers.Q5 === 'error')
    return v2Error(v2Messages.wrongTier(op.name, op.tier, tool, TIER_TOOL[op.tier]));
  const strict = strictKeys(ctx, op.name, inputs, Object.keys(op.inputSchema.properties ?? {}));
  if (strict) return strict;
  return run(ctx, op, args.cloudId, inputs);
}
