/** Issue keys as a field (`key`, `parent`) and as a sort order where DEMO-10 follows DEMO-9. */
import { equalityPredicate, type MultiValued } from './equality.ts';
import {
  EQUALITY_OPERATORS,
  NEVER,
  ORDERED_OPERATORS,
  type ClauseContext,
  type FieldHandler,
  type Predicate,
  type ScalarOperand,
} from './field.ts';
import { invalid } from './messages.ts';
import type { JqlIssueView } from './types.ts';

const ISSUE_KEY = /^([A-Za-z][A-Za-z0-9_]*)-(\d+)$/;
const ISSUE_ID = /^\d+$/;

function numberAfter(key: string, dash: number): number {
  let value = 0;
  for (let i = dash + 1; i < key.length; i++) {
    const digit = key.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return NaN;
    value = value * 10 + digit;
  }
  return value;
}

/** Orders keys by project key, then numerically by issue number; allocation-free, it runs inside sort. */
export function compareIssueKeys(a: string, b: string): number {
  const dashA = a.lastIndexOf('-');
  const dashB = b.lastIndexOf('-');
  const common = Math.min(dashA, dashB);
  for (let i = 0; i < common; i++) {
    const difference = a.charCodeAt(i) - b.charCodeAt(i);
    if (difference !== 0) return difference;
  }
  if (dashA !== dashB) return dashA - dashB;
  const byNumber = numberAfter(a, dashA) - numberAfter(b, dashB);
  if (byNumber) return byNumber;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Keys (upper-cased) and ids an operand names; reports values that are neither. */
function resolveKeys(operand: ScalarOperand, ctx: ClauseContext): readonly string[] | undefined {
  if (operand.type === 'function') {
    ctx.error(invalid.functionNotForField(operand.name, ctx.field));
    return undefined;
  }
  const value = operand.value.trim();
  if (ISSUE_ID.test(value)) return [value];
  if (ISSUE_KEY.test(value)) return [value.toUpperCase()];
  ctx.error(invalid.invalidIssueKey(operand.value, ctx.field));
  return undefined;
}

function startsWithProject(key: string, project: string): boolean {
  if (key.length <= project.length || key.charCodeAt(project.length) !== 45) return false;
  for (let i = 0; i < project.length; i++) {
    if (key.charCodeAt(i) !== project.charCodeAt(i)) return false;
  }
  return true;
}

/** `key > DEMO-5`: later issues of the same project, as in Jira. */
function keyRange(op: '<' | '<=' | '>' | '>=', operand: ScalarOperand, ctx: ClauseContext): Predicate {
  const resolved = resolveKeys(operand, ctx)?.[0];
  if (resolved === undefined) return NEVER;
  const test = (difference: number) =>
    op === '<'
      ? difference < 0
      : op === '<='
        ? difference <= 0
        : op === '>'
          ? difference > 0
          : difference >= 0;
  if (ISSUE_ID.test(resolved)) {
    const id = Number(resolved);
    return (issue) => test(Number(issue.id) - id);
  }
  const dash = resolved.lastIndexOf('-');
  const project = resolved.slice(0, dash);
  const number = numberAfter(resolved, dash);
  return (issue) =>
    startsWithProject(issue.key, project) &&
    test(numberAfter(issue.key, issue.key.lastIndexOf('-')) - number);
}

const issueKeys: MultiValued<string> = {
  resolve: resolveKeys,
  isEmpty: () => false,
  has: (issue, keys) => keys.has(issue.key) || keys.has(issue.id),
};

export const keyField: FieldHandler = {
  operators: ORDERED_OPERATORS,
  compile(clause, ctx) {
    if (clause.op === 'like') return NEVER;
    if (clause.op === 'empty' || clause.op === 'in') return equalityPredicate(issueKeys, clause, ctx);
    return keyRange(clause.op, clause.operand, ctx);
  },
  sort: { kind: 'custom', isEmpty: () => false, compare: (a, b) => compareIssueKeys(a.key, b.key) },
};

const parentKeys: MultiValued<string> = {
  resolve: resolveKeys,
  isEmpty: (issue: JqlIssueView) => issue.parent === null,
  has: (issue, keys) => issue.parent !== null && (keys.has(issue.parent.key) || keys.has(issue.parent.id)),
};

export const parentField: FieldHandler = {
  operators: EQUALITY_OPERATORS,
  compile: (clause, ctx) => equalityPredicate(parentKeys, clause, ctx),
  sort: {
    kind: 'custom',
    isEmpty: (issue) => issue.parent === null,
    compare: (a, b) => compareIssueKeys(a.parent?.key ?? '', b.parent?.key ?? ''),
  },
};
