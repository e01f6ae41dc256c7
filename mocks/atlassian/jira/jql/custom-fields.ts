/** Custom fields, compared according to their `JqlFieldKind`. Values are read as the REST API stores them. */
import type { JqlOperator } from './ast.ts';
import { dayNumberOf } from './dates.ts';
import { equalityPredicate, type EqualityTarget } from './equality.ts';
import {
  EQUALITY_OPERATORS,
  fold,
  type FieldHandler,
  type ScalarOperand,
  type ClauseContext,
} from './field.ts';
import { invalid } from './messages.ts';
import { resolveDay, resolveFolded, resolveInstant, resolveNumber, resolveUsers } from './resolvers.ts';
import { compareLabels, equalityField, labelsHave, orderedField, textField } from './system-fields.ts';
import { textPredicate, type TextTarget } from './text-fields.ts';
import { itemOccursIn } from './text-match.ts';
import type { JqlCustomField, JqlIssueView } from './types.ts';

type Read = (issue: JqlIssueView) => unknown;

const STRING_OPERATORS = new Set<JqlOperator>([...EQUALITY_OPERATORS, '~', '!~']);
const TEXT_OPERATORS = new Set<JqlOperator>(['~', '!~', 'is', 'is not']);

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function idOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  return typeof value === 'number' ? String(value) : null;
}

/** Whether a stored `{id, value}` option is one of `keys` (folded values and ids). */
function optionIn(option: unknown, keys: ReadonlySet<string>): boolean {
  if (typeof option !== 'object' || option === null) return false;
  const { id, value } = option as { id?: unknown; value?: unknown };
  const optionId = idOf(id);
  return (optionId !== null && keys.has(optionId)) || (typeof value === 'string' && keys.has(fold(value)));
}

function optionValue(option: unknown): string | null {
  if (typeof option !== 'object' || option === null) return null;
  return text((option as { value?: unknown }).value);
}

function accountOf(user: unknown): string | null {
  if (typeof user === 'string') return user;
  if (typeof user !== 'object' || user === null) return null;
  return text((user as { accountId?: unknown }).accountId);
}

function listOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

const NO_STRINGS: readonly string[] = [];

function stringsOf(value: unknown): readonly string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : NO_STRINGS;
}

function sprintIds(value: unknown): readonly number[] {
  if (typeof value === 'number') return [value];
  return listOf(value).flatMap((item) => {
    if (typeof item === 'number') return [item];
    const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
    return typeof id === 'number' ? [id] : [];
  });
}

function resolveSprint(operand: ScalarOperand, ctx: ClauseContext): readonly number[] | undefined {
  if (operand.type === 'function') {
    ctx.error(invalid.unknownFunction(operand.name));
    return undefined;
  }
  if (/^\d+$/.test(operand.value.trim())) return [Number(operand.value)];
  ctx.error(invalid.valueNotFound(operand.value, ctx.field));
  return undefined;
}

function stringField(read: Read): FieldHandler {
  const target: TextTarget = {
    occurs: (item, issue) => {
      const value = read(issue);
      return typeof value === 'string' && itemOccursIn(item, value);
    },
    isEmpty: (issue) => text(read(issue)) === null,
    emptySearchable: true,
  };
  const exact: EqualityTarget<string> = {
    resolve: resolveFolded,
    single: (issue) => {
      const value = text(read(issue));
      return value === null ? null : fold(value);
    },
  };
  return {
    operators: STRING_OPERATORS,
    compile: (clause, ctx) =>
      clause.op === 'like' ? textPredicate(target, clause, ctx) : equalityPredicate(exact, clause, ctx),
    sort: { kind: 'text', get: (issue) => text(read(issue)) },
  };
}

function userField(read: Read, many: boolean): FieldHandler {
  if (!many) {
    return equalityField<string>(
      { resolve: resolveUsers, single: (issue) => accountOf(read(issue)) },
      { kind: 'text', get: (issue) => accountOf(read(issue)) },
    );
  }
  return equalityField<string>(
    {
      resolve: resolveUsers,
      isEmpty: (issue) => listOf(read(issue)).length === 0,
      has: (issue, keys) => listOf(read(issue)).some((user) => keys.has(accountOf(user) ?? '')),
    },
    { kind: 'text', get: (issue) => accountOf(listOf(read(issue))[0]) },
  );
}

/** The handler for a custom field, comparing values the way its kind needs. */
export function customFieldHandler(field: JqlCustomField): FieldHandler {
  const id = field.id;
  const read: Read = (issue) => issue.customFields[id];
  switch (field.kind) {
    case 'string':
      return stringField(read);
    case 'text':
      return textField(
        {
          occurs: (item, issue) => {
            const value = read(issue);
            return typeof value === 'string' && itemOccursIn(item, value);
          },
          isEmpty: (issue) => text(read(issue)) === null,
          emptySearchable: true,
        },
        TEXT_OPERATORS,
        null,
      );
    case 'number':
      return orderedField({
        resolve: resolveNumber,
        get: (issue) => {
          const value = read(issue);
          return typeof value === 'number' ? value : NaN;
        },
      });
    case 'date':
      return orderedField({ resolve: resolveDay, get: (issue) => dayNumberOf(text(read(issue))) });
    case 'datetime':
      return orderedField({
        resolve: resolveInstant,
        get: (issue) => {
          const value = read(issue);
          return typeof value === 'string' ? Date.parse(value) : NaN;
        },
      });
    case 'option':
      return equalityField<string>(
        {
          resolve: resolveFolded,
          isEmpty: (issue) => optionValue(read(issue)) === null,
          has: (issue, keys) => optionIn(read(issue), keys),
        },
        { kind: 'text', get: (issue) => optionValue(read(issue)) },
      );
    case 'options':
      return equalityField<string>(
        {
          resolve: resolveFolded,
          isEmpty: (issue) => listOf(read(issue)).length === 0,
          has: (issue, keys) => listOf(read(issue)).some((option) => optionIn(option, keys)),
        },
        { kind: 'text', get: (issue) => optionValue(listOf(read(issue))[0]) },
      );
    case 'cascade':
      // Jira matches a cascading select on either its parent or its child option.
      return equalityField<string>(
        {
          resolve: resolveFolded,
          isEmpty: (issue) => optionValue(read(issue)) === null,
          has: (issue, keys) => {
            const value = read(issue);
            return (
              optionIn(value, keys) ||
              (optionValue(value) !== null && optionIn((value as { child?: unknown }).child, keys))
            );
          },
        },
        { kind: 'text', get: (issue) => optionValue(read(issue)) },
      );
    case 'user':
      return userField(read, false);
    case 'users':
      return userField(read, true);
    case 'labels':
      return equalityField<string>(
        {
          resolve: resolveFolded,
          isEmpty: (issue) => listOf(read(issue)).length === 0,
          has: (issue, keys) => labelsHave(stringsOf(read(issue)), keys),
        },
        {
          kind: 'custom',
          isEmpty: (issue) => listOf(read(issue)).length === 0,
          compare: (a, b) => compareLabels(stringsOf(read(a)), stringsOf(read(b))),
        },
      );
    case 'sprint':
      return equalityField<number>(
        {
          resolve: resolveSprint,
          isEmpty: (issue) => sprintIds(read(issue)).length === 0,
          has: (issue, keys) => {
            const value = read(issue);
            if (typeof value === 'number') return keys.has(value);
            return sprintIds(value).some((sprint) => keys.has(sprint));
          },
        },
        { kind: 'number', get: (issue) => sprintIds(read(issue))[0] ?? NaN },
      );
  }
}
