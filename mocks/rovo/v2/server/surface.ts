import { chosenOperations, type OperationCatalogue } from '../catalogue/load.ts';
import type { Operation } from '../catalogue/schema.ts';
import { META_OPERATIONS } from '../operations/index.ts';
import { QUESTIONS, type Question } from '../profile/questions.ts';
import type { V2Profile } from '../profile/schema.ts';
import type { V2Caller } from './caller.ts';

/**
 * What one caller of /v2/mcp may see and call under a profile: the catalogue's operations the profile's
 * answers choose (Q1, Q2, Q13 pick names; Q22 drops Loom and the graph tools), then the caller's
 * permission groups, the admin's disabled groups (Q14) and `?capabilities=` (Q8).
 */
export class V2Surface {
  /** Every operation of the catalogue the profile's answers name, by name. */
  readonly chosen: ReadonlyMap<string, Operation>;
  /** v1 name -> the v2 operation that replaced it (for Q4 alias). */
  readonly v1Names: ReadonlyMap<string, Operation>;

  constructor(
    readonly catalogue: OperationCatalogue,
    readonly profile: V2Profile,
  ) {
    const letters = Object.fromEntries(
      (Object.keys(QUESTIONS) as Question[]).map((q) => {
        const index = (QUESTIONS[q].options as readonly string[]).indexOf(profile.answers[q]);
        return [q, (['a', 'b', 'c'] as const)[Math.max(0, index)] ?? 'a'];
      }),
    );
    const dropped =
      profile.answers.Q22 === '17'
        ? /^(getLoomVideo|getGraph|addGraph|getTeamworkGraph|addTeamworkGraph)/
        : null;
    const ops = chosenOperations(catalogue, letters).filter((op) => !(op.primary && dropped?.test(op.name)));
    this.chosen = new Map(ops.map((op) => [op.name, op]));
    this.v1Names = new Map(ops.flatMap((op) => op.v1Names.map((v1) => [v1, op] as const)));
  }

  /** The execute tools the profile lists (Q1). */
  executeTools(): string[] {
    return this.profile.answers.Q1 === 'single-execute'
      ? ['execute']
      : ['executeRead', 'executeWrite', 'executeDestructive'];
  }

  isMeta(op: Operation): boolean {
    return META_OPERATIONS.has(op.name);
  }

  /** Why a caller may not use an operation's group, or undefined when it may. */
  refusal(op: Operation, caller: V2Caller): 'scope' | 'disabled' | 'capability' | undefined {
    if (op.permissionGroup === 'none') return undefined;
    if (
      caller.capabilities &&
      this.profile.answers.Q8 === 'filter' &&
      !caller.capabilities.has(op.permissionGroup)
    )
      return 'capability';
    if (caller.granted && !caller.granted.has(op.permissionGroup)) return 'scope';
    if (this.profile.disabledGroups.includes(op.permissionGroup)) return 'disabled';
    return undefined;
  }

  /** Whether discover and `tools=all` show the operation to this caller. */
  shows(op: Operation, caller: V2Caller): boolean {
    if (!op.modelled || this.isMeta(op)) return false;
    const refusal = this.refusal(op, caller);
    return (
      refusal === undefined || (refusal === 'disabled' && this.profile.answers.Q14 === 'permission-error')
    );
  }

  /** The tools `tools/list` names for this caller, in catalogue order. */
  listed(caller: V2Caller): Operation[] {
    const ops = [...this.chosen.values()];
    if (caller.twgOnly) return ops.filter((op) => op.primary && op.product === 'teamwork-graph');
    if (caller.toolsAll) {
      const flat = ops.filter((op) => this.shows(op, caller));
      if (this.profile.answers.Q7 === 'operations-only') return flat;
      return [...ops.filter((op) => op.primary && this.isMeta(op)), ...flat];
    }
    // Primary tools are listed whether or not the site models them (getLoomVideo answers that it does not).
    return ops.filter((op) => op.primary && (this.isMeta(op) || this.refusal(op, caller) === undefined));
  }
}
