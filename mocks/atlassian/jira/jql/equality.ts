/** Clauses on fields compared by identity: project, status, users, labels, options and the like. */
import {
  NEVER,
  type ClauseContext,
  type NormalizedClause,
  type Predicate,
  type ScalarOperand,
} from './field.ts';
import { resolveInList } from './in-list.ts';
import type { JqlIssueView } from './types.ts';

interface Resolver<K> {
  /** The keys an operand may mean, resolved at compile time; undefined after reporting it unknown. */
  resolve(operand: ScalarOperand, ctx: ClauseContext): readonly K[] | undefined;
}

/** A field holding at most one value; null is empty. */
export interface SingleValued<K> extends Resolver<K> {
  single: (issue: JqlIssueView) => K | null;
}

/** A field holding any number of values. */
export interface MultiValued<K> extends Resolver<K> {
  isEmpty: (issue: JqlIssueView) => boolean;
  has: (issue: JqlIssueView, keys: ReadonlySet<K>) => boolean;
}

export type EqualityTarget<K> = SingleValued<K> | MultiValued<K>;

function emptiness<K>(target: EqualityTarget<K>): (issue: JqlIssueView) => boolean {
  if ('isEmpty' in target) return target.isEmpty;
  const single = target.single;
  return (issue) => single(issue) === null;
}

/**
 * Compiles `=`, `!=`, IN, NOT IN and IS [NOT] EMPTY. Like Jira, a negated clause never matches an
 * issue whose field is empty.
 */
export function equalityPredicate<K>(
  target: EqualityTarget<K>,
  clause: NormalizedClause,
  ctx: ClauseContext,
): Predicate {
  const isEmpty = emptiness(target);
  if (clause.op === 'empty') return clause.negate ? (issue) => !isEmpty(issue) : isEmpty;
  if (clause.op !== 'in') return NEVER;
  const list = resolveInList(clause.operands, target, ctx);
  if (list === undefined) return NEVER;
  const { keys, withEmpty } = list;
  const has: (issue: JqlIssueView, keys: ReadonlySet<K>) => boolean =
    'has' in target
      ? target.has
      : (issue, set) => {
          const value = target.single(issue);
          return value !== null && set.has(value);
        };
  if (clause.negate) return (issue) => !isEmpty(issue) && !has(issue, keys);
  if (withEmpty) return (issue) => isEmpty(issue) || has(issue, keys);
  if ('single' in target && keys.size === 1) {
    const only = keys.values().next().value as K;
    const single = target.single;
    return (issue) => single(issue) === only;
  }
  if (keys.size === 0) return NEVER;
  return (issue) => has(issue, keys);
}
