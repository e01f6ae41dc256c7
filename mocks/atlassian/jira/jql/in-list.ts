/** The operands of an IN clause, resolved to the set of keys they mean. */
import type { JqlEmpty } from './ast.ts';
import type { ClauseContext, ScalarOperand } from './field.ts';

export interface InList<K> {
  keys: Set<K>;
  /** Whether EMPTY was one of the operands. */
  withEmpty: boolean;
}

/**
 * Undefined when any operand could not be resolved. Every operand is still resolved, so that each
 * unknown value is reported, not only the first.
 */
export function resolveInList<K>(
  operands: ReadonlyArray<ScalarOperand | JqlEmpty>,
  target: { resolve(operand: ScalarOperand, ctx: ClauseContext): readonly K[] | undefined },
  ctx: ClauseContext,
): InList<K> | undefined {
  const keys = new Set<K>();
  let withEmpty = false;
  let failed = false;
  for (const operand of operands) {
    if (operand.type === 'empty') {
      withEmpty = true;
      continue;
    }
    const resolved = target.resolve(operand, ctx);
    if (resolved === undefined) failed = true;
    else for (const key of resolved) keys.add(key);
  }
  return failed ? undefined : { keys, withEmpty };
}
