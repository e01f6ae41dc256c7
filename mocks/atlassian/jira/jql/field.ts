/** The contract between the clause compiler and each searchable field. */
import type { JqlEmpty, JqlFunctionCall, JqlOperator, JqlValue } from './ast.ts';
import type { JqlEnvironment, JqlIssueView } from './types.ts';

export type Predicate = (issue: JqlIssueView) => boolean;

export const NEVER: Predicate = () => false;
export const ALWAYS: Predicate = () => true;

export interface ClauseContext {
  env: JqlEnvironment;
  /** `env.now()` read once per compile, so every clause agrees on the time. */
  now: number;
  /** The field name as the query wrote it; Jira's messages echo it. */
  field: string;
  /** Records a validation error; compiling carries on so every error is reported at once. */
  error: (message: string) => void;
}

export type ScalarOperand = JqlValue | JqlFunctionCall;
export type RelationalOperator = '<' | '<=' | '>' | '>=';

/**
 * A clause reduced to four shapes, with any enclosing NOT already applied: Jira pushes negation
 * into the operator, which is why `NOT assignee = x` leaves unassigned issues out just as
 * `assignee != x` does.
 */
export type NormalizedClause =
  | { op: 'empty'; negate: boolean }
  | { op: 'in'; negate: boolean; operands: ReadonlyArray<ScalarOperand | JqlEmpty> }
  | { op: RelationalOperator; operand: ScalarOperand }
  | { op: 'like'; negate: boolean; operand: ScalarOperand };

export type SortSpec =
  /** NaN when the issue has no value. */
  | { kind: 'number'; get: (issue: JqlIssueView) => number }
  | { kind: 'text'; get: (issue: JqlIssueView) => string | null }
  | {
      kind: 'custom';
      isEmpty: (issue: JqlIssueView) => boolean;
      compare: (a: JqlIssueView, b: JqlIssueView) => number;
    };

export interface FieldHandler {
  operators: ReadonlySet<JqlOperator>;
  compile(clause: NormalizedClause, ctx: ClauseContext): Predicate;
  /** Null when Jira cannot sort by the field. */
  sort: SortSpec | null;
}

export const EQUALITY_OPERATORS: ReadonlySet<JqlOperator> = new Set<JqlOperator>([
  '=',
  '!=',
  'in',
  'not in',
  'is',
  'is not',
]);

export const ORDERED_OPERATORS: ReadonlySet<JqlOperator> = new Set<JqlOperator>([
  ...EQUALITY_OPERATORS,
  '<',
  '<=',
  '>',
  '>=',
]);

/** Folds a key for case-insensitive comparison, without allocating when it is already lowercase ASCII. */
export function fold(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c > 127) return text.toLowerCase();
  }
  return text;
}
