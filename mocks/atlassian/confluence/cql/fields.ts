/** What each CQL field means for a piece of content, compiled into a predicate once per query. */
import {
  itemOccursIn,
  parseTextQuery,
  queryHolds,
  type TextItem,
  type TextQuery,
} from '../../jira/jql/text-match.ts';
import type { CqlOperand, CqlOperator, CqlSingleOperand } from './ast.ts';
import { evaluateCqlDateFunction, parseAbsoluteRange, type DateRange } from './dates.ts';
import type { CqlContentView, CqlEnvironment } from './types.ts';

export type Predicate = (content: CqlContentView) => boolean;

export interface Scope {
  env: CqlEnvironment;
  /** `env.now()` read once per compile. */
  now: number;
  /** Refuses the query with Confluence's "Could not parse cql" error. */
  fail: () => never;
}

type FieldCompiler = (operator: CqlOperator, operand: CqlOperand, scope: Scope) => Predicate;
type KeysOf = (item: CqlSingleOperand, scope: Scope) => readonly string[];

const fold = (text: string) => text.toLowerCase();

function itemsOf(operator: CqlOperator, operand: CqlOperand, scope: Scope): readonly CqlSingleOperand[] {
  const listOperator = operator === 'in' || operator === 'not in';
  if ((operand.type === 'list') !== listOperator) scope.fail();
  return operand.type === 'list' ? operand.items : [operand];
}

function plainValue(item: CqlSingleOperand, scope: Scope): string {
  return item.type === 'value' ? item.value : scope.fail();
}

const exact: KeysOf = (item, scope) => [plainValue(item, scope)];
const folded: KeysOf = (item, scope) => [fold(plainValue(item, scope))];

/** `=`, `!=`, IN and NOT IN over keys the content holds. */
function equality(
  keysOf: KeysOf,
  has: (content: CqlContentView, keys: ReadonlySet<string>) => boolean,
): FieldCompiler {
  return (operator, operand, scope) => {
    if (operator !== '=' && operator !== '!=' && operator !== 'in' && operator !== 'not in') scope.fail();
    const keys = new Set(itemsOf(operator, operand, scope).flatMap((item) => keysOf(item, scope)));
    return operator === '!=' || operator === 'not in' ? (c) => !has(c, keys) : (c) => has(c, keys);
  };
}

function textQuery(operand: CqlOperand, scope: Scope): TextQuery {
  if (operand.type !== 'value') return scope.fail();
  const parsed = parseTextQuery(operand.value);
  return parsed.ok ? parsed.query : scope.fail();
}

/** `~` and `!~` over the words of the content, as for JQL. */
function contains(occurs: (item: TextItem, content: CqlContentView) => boolean): FieldCompiler {
  return (operator, operand, scope) => {
    if (operator !== '~' && operator !== '!~') scope.fail();
    const query = textQuery(operand, scope);
    return operator === '!~' ? (c) => !queryHolds(query, c, occurs) : (c) => queryHolds(query, c, occurs);
  };
}

function dateRange(operand: CqlOperand, scope: Scope): DateRange {
  if (operand.type === 'value') return parseAbsoluteRange(operand.value) ?? scope.fail();
  if (operand.type === 'list') return scope.fail();
  const instant = evaluateCqlDateFunction(operand.name, operand.args, scope.now);
  return instant === undefined ? scope.fail() : { from: instant, to: instant + 1 };
}

/** Date comparisons; a date without a time means the whole day. */
function date(get: (content: CqlContentView) => number): FieldCompiler {
  return (operator, operand, scope) => {
    const { from, to } = dateRange(operand, scope);
    switch (operator) {
      case '=':
        return (c) => get(c) >= from && get(c) < to;
      case '!=':
        return (c) => get(c) < from || get(c) >= to;
      case '<':
        return (c) => get(c) < from;
      case '<=':
        return (c) => get(c) < to;
      case '>':
        return (c) => get(c) >= to;
      case '>=':
        return (c) => get(c) >= from;
      case '~':
      case '!~':
      case 'in':
      case 'not in':
        return scope.fail();
    }
  };
}

const user: KeysOf = (item, scope) => {
  if (item.type === 'value') return [item.value];
  if (item.name.toLowerCase() !== 'currentuser' || item.args.length > 0) return scope.fail();
  // An anonymous caller is nobody: currentUser() matches no content rather than failing.
  return scope.env.currentAccountId === null ? [] : [scope.env.currentAccountId];
};

const space: KeysOf = (item, scope) => {
  // An unknown or hidden space is not an error in Confluence: it simply matches nothing.
  const found = scope.env.resolveSpace(plainValue(item, scope));
  return found ? [found.id] : [];
};

const title: FieldCompiler = (operator, operand, scope) =>
  operator === '~' || operator === '!~'
    ? contains((item, c) => itemOccursIn(item, c.title))(operator, operand, scope)
    : equality(folded, (c, keys) => keys.has(fold(c.title)))(operator, operand, scope);

const FIELDS: ReadonlyMap<string, FieldCompiler> = new Map<string, FieldCompiler>([
  ['type', equality(folded, (c, keys) => keys.has(c.type))],
  ['space', equality(space, (c, keys) => keys.has(c.space.id))],
  ['space.key', equality(space, (c, keys) => keys.has(c.space.id))],
  ['space.id', equality(space, (c, keys) => keys.has(c.space.id))],
  ['title', title],
  ['text', contains((item, c) => itemOccursIn(item, c.title) || itemOccursIn(item, c.text))],
  ['label', equality(folded, (c, keys) => c.labels.some((label) => keys.has(fold(label))))],
  ['creator', equality(user, (c, keys) => keys.has(c.creator))],
  ['id', equality(exact, (c, keys) => keys.has(c.id))],
  ['content', equality(exact, (c, keys) => keys.has(c.id))],
  ['parent', equality(exact, (c, keys) => c.parentId !== null && keys.has(c.parentId))],
  ['ancestor', equality(exact, (c, keys) => c.ancestorIds.some((id) => keys.has(id)))],
  ['created', date((c) => c.created.getTime())],
  ['lastmodified', date((c) => c.lastModified.getTime())],
]);

/** The predicate for one clause; fails the query for an unknown field or an operator it does not take. */
export function compileTerminal(
  field: string,
  operator: CqlOperator,
  operand: CqlOperand,
  scope: Scope,
): Predicate {
  const compile = FIELDS.get(field);
  return compile ? compile(operator, operand, scope) : scope.fail();
}
