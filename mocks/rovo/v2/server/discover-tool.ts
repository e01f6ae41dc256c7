import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { type DiscoverIndex, discover } from '../discover/match.ts';
import type { V2Caller } from './caller.ts';
import { v2Error, v2Success } from './envelope.ts';
import type { V2Surface } from './surface.ts';

/**
 * `discover`: the catalogue alone answers (it keeps working when product calls fail, I241). Q3 picks
 * the input key and the result: every field of the reference's recommended shape, or `{name, inputs}`.
 */
export function callDiscover(
  surface: V2Surface,
  index: DiscoverIndex,
  caller: V2Caller,
  args: Record<string, unknown>,
  clientName: string | undefined,
): CallToolResult {
  const full = surface.profile.answers.Q3 === 'query-full';
  const key = full ? 'query' : 'goal';
  const goal = args[key];
  if (typeof goal !== 'string' || goal.trim() === '')
    return v2Error(`discover needs "${key}": describe the goal in natural language.`);
  const matches = discover(index, goal, {
    include: (op) => surface.chosen.get(op.name) === op && surface.shows(op, caller),
  });
  const operations = matches.map(({ operation: op }) =>
    full
      ? {
          name: op.name,
          description: op.description,
          tier: op.tier,
          permissionGroup: op.permissionGroup,
          omitCloudId: op.omitCloudId,
          inputSchema: op.inputSchema,
        }
      : { name: op.name, inputs: op.inputSchema },
  );
  return v2Success(surface.profile, { operations }, clientName);
}
