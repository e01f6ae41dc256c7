/** Clauses on fields with an order: dates, numbers, priority. Values are numbers, NaN for empty. */
import {
  NEVER,
  type ClauseContext,
  type NormalizedClause,
  type Predicate,
  type ScalarOperand,
} from './field.ts';
import type { JqlIssueView } from './types.ts';

export interface OrderedTarget {
  /** The numbers an operand may mean, resolved at compile time; undefined after reporting it. */
  resolve(operand: ScalarOperand, ctx: ClauseContext): readonly number[] | undefined;
  /** The issue's value; NaN when empty, so every comparison with it is false. */
  get: (issue: JqlIssueView) => number;
}

export function orderedPredicate(
  target: OrderedTarget,
  clause: NormalizedClause,
  ctx: ClauseContext,
): Predicate {
  const get = target.get;
  switch (clause.op) {
    case 'empty':
      return clause.negate ? (issue) => !Number.isNaN(get(issue)) : (issue) => Number.isNaN(get(issue));
    case 'like':
      return NEVER;
    case 'in': {
      const values = new Set<number>();
      let withEmpty = false;
      let failed = false;
      for (const operand of clause.operands) {
        if (operand.type === 'empty') {
          withEmpty = true;
          continue;
        }
        const resolved = target.resolve(operand, ctx);
        if (resolved === undefined) failed = true;
        else for (const value of resolved) values.add(value);
      }
      if (failed) return NEVER;
      if (clause.negate) {
        return (issue) => {
          const value = get(issue);
          return value === value && !values.has(value);
        };
      }
      if (!withEmpty && values.size === 1) {
        const only = values.values().next().value as number;
        return (issue) => get(issue) === only;
      }
      return (issue) => {
        const value = get(issue);
        return value === value ? values.has(value) : withEmpty;
      };
    }
    case '<':
    case '<=':
    case '>':
    case '>=': {
      const resolved = target.resolve(clause.operand, ctx);
      const bound = resolved?.[0];
      if (bound === undefined) return NEVER;
      if (clause.op === '<') return (issue) => get(issue) < bound;
      if (clause.op === '<=') return (issue) => get(issue) <= bound;
      if (clause.op === '>') return (issue) => get(issue) > bound;
      return (issue) => get(issue) >= bound;
    }
  }
}
