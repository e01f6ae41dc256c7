/** Compiles ORDER BY into one comparator. Empty values sort last in either direction. */
import type { JqlSortKey } from './ast.ts';
import type { SortSpec } from './field.ts';
import { findField } from './fields.ts';
import { compareIssueKeys } from './issue-keys.ts';
import { invalid } from './messages.ts';
import type { JqlEnvironment, JqlIssueView } from './types.ts';

export type Comparator = (a: JqlIssueView, b: JqlIssueView) => number;

function foldedCode(code: number, text: string, index: number): number {
  if (code < 128) return code >= 65 && code <= 90 ? code + 32 : code;
  return (text[index] as string).toLowerCase().charCodeAt(0);
}

/** Case-insensitive order without allocating for ASCII text; exact order breaks ties. */
export function compareIgnoringCase(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const difference = foldedCode(x, a, i) - foldedCode(y, b, i);
    if (difference !== 0) return difference;
  }
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** For when exactly one side is empty: the empty one goes last. */
function emptyLast(aEmpty: boolean): number {
  return aEmpty ? 1 : -1;
}

function comparatorFor(spec: SortSpec, descending: boolean): Comparator {
  const sign = descending ? -1 : 1;
  switch (spec.kind) {
    case 'number': {
      const get = spec.get;
      return (a, b) => {
        const x = get(a);
        const y = get(b);
        if (x !== x || y !== y) return x !== x && y !== y ? 0 : emptyLast(x !== x);
        return x < y ? -sign : x > y ? sign : 0;
      };
    }
    case 'text': {
      const get = spec.get;
      return (a, b) => {
        const x = get(a);
        const y = get(b);
        if (x === null || y === null) return x === y ? 0 : emptyLast(x === null);
        return sign * compareIgnoringCase(x, y);
      };
    }
    case 'custom': {
      const { isEmpty, compare } = spec;
      return (a, b) => {
        const xEmpty = isEmpty(a);
        const yEmpty = isEmpty(b);
        if (xEmpty || yEmpty) return xEmpty === yEmpty ? 0 : emptyLast(xEmpty);
        return sign * compare(a, b);
      };
    }
  }
}

function chain(comparators: readonly Comparator[]): Comparator {
  const [first, second] = comparators;
  if (first && second && comparators.length === 2) return (a, b) => first(a, b) || second(a, b);
  return (a, b) => {
    for (let i = 0; i < comparators.length; i++) {
      const result = (comparators[i] as Comparator)(a, b);
      if (result !== 0) return result;
    }
    return 0;
  };
}

const byKeyAscending: Comparator = (a, b) => compareIssueKeys(a.key, b.key);

/** Jira's order without ORDER BY: newest first, then by key, highest first. */
export const DEFAULT_ORDER: Comparator = (a, b) =>
  b.created.getTime() - a.created.getTime() || compareIssueKeys(b.key, a.key);

export function compileOrder(
  orderBy: readonly JqlSortKey[] | null,
  env: JqlEnvironment,
  error: (message: string) => void,
): Comparator {
  if (orderBy === null) return DEFAULT_ORDER;
  const comparators: Comparator[] = [];
  for (const key of orderBy) {
    const handler = findField(key.field, env)[0];
    if (!handler) {
      error(invalid.fieldNotFound(key.field.name));
      continue;
    }
    if (!handler.sort) {
      error(invalid.sortNotSupported(key.field.name));
      continue;
    }
    comparators.push(comparatorFor(handler.sort, key.direction === 'desc'));
  }
  // Ties fall back to key order so that a page boundary never depends on the input order.
  comparators.push(byKeyAscending);
  return chain(comparators);
}
