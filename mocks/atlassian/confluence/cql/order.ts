/** ORDER BY for CQL, and the default order: relevance, approximated as most recently modified first. */
import type { CqlSortKey } from './ast.ts';
import type { CqlContentView } from './types.ts';

export type Comparator = (a: CqlContentView, b: CqlContentView) => number;

/** Content ids are numeric strings: a shorter id is a smaller number. */
export function compareIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

const ASCENDING: ReadonlyMap<string, Comparator> = new Map<string, Comparator>([
  ['title', (a, b) => a.title.localeCompare(b.title, 'en', { sensitivity: 'base' })],
  ['created', (a, b) => a.created.getTime() - b.created.getTime()],
  ['lastmodified', (a, b) => a.lastModified.getTime() - b.lastModified.getTime()],
  ['id', (a, b) => compareIds(a.id, b.id)],
]);

const byId: Comparator = (a, b) => compareIds(a.id, b.id);

export const DEFAULT_ORDER: Comparator = (a, b) =>
  b.lastModified.getTime() - a.lastModified.getTime() || byId(a, b);

/** The comparator for ORDER BY; undefined when a field cannot be sorted on. */
export function compileOrder(orderBy: readonly CqlSortKey[]): Comparator | undefined {
  if (orderBy.length === 0) return DEFAULT_ORDER;
  const comparators: Comparator[] = [];
  for (const key of orderBy) {
    const ascending = ASCENDING.get(key.field);
    if (!ascending) return undefined;
    comparators.push(key.direction === 'desc' ? (a, b) => ascending(b, a) : ascending);
  }
  comparators.push(byId);
  return (a, b) => {
    for (const compare of comparators) {
      const result = compare(a, b);
      if (result !== 0) return result;
    }
    return 0;
  };
}
