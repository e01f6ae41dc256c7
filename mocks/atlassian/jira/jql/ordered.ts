/** Clauses on fields with an order: dates, numbers, priority. Values are numbers, NaN for empty. */
import {
  NEVER,
  type ClauseContext,
  type NormalizedClause,
  type Predicate,
  type ScalarOperand,
} from './field.ts';
import { resolveInList } from './in-list.ts';
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
      const list = resolveInList(clause.operands, target, ctx);
      if (list === undefined) return NEVER;
      const { keys: values, withEmpty } = list;
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
