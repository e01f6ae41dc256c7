/** Turns operand values into what fields compare, once per compile rather than once per issue. */
import { dayNumber, evaluateDateFunction, parseDateValue } from './dates.ts';
import { fold, type ClauseContext, type ScalarOperand } from './field.ts';
import { functionYields } from './functions.ts';
import { invalid } from './messages.ts';

const NUMERIC = /^\d+$/;

/**
 * Items (statuses, issue types, priorities) an operand names by name (case-insensitive) or id.
 * An unquoted number is an id first, as in Jira, and is reported as a missing id.
 */
export function resolveNamed<T extends { id: string; name: string }>(
  operand: ScalarOperand,
  items: readonly T[],
  ctx: ClauseContext,
): T[] | undefined {
  if (operand.type === 'function') {
    ctx.error(invalid.functionNotForField(operand.name, ctx.field));
    return undefined;
  }
  const value = operand.value;
  const wanted = fold(value);
  const byId = items.filter((item) => item.id === value);
  const byName = items.filter((item) => fold(item.name) === wanted);
  const idFirst = !operand.quoted && NUMERIC.test(value);
  const found = idFirst && byId.length > 0 ? byId : [...new Set([...byName, ...byId])];
  if (found.length > 0) return found;
  ctx.error(idFirst ? invalid.idNotFound(value, ctx.field) : invalid.valueNotFound(value, ctx.field));
  return undefined;
}

/** Account ids for a user clause: `currentUser()`, an account id, an email or a display name. */
export function resolveUsers(operand: ScalarOperand, ctx: ClauseContext): readonly string[] | undefined {
  if (operand.type === 'function') {
    if (!functionYields(operand, 'user', ctx)) return undefined;
    const me = ctx.env.currentAccountId;
    if (me === null) {
      ctx.error(invalid.anonymousCurrentUser(ctx.field));
      return undefined;
    }
    return [me];
  }
  const accounts = ctx.env.resolveUsers(operand.value);
  if (accounts.length > 0) return accounts;
  ctx.error(invalid.valueNotFound(operand.value, ctx.field));
  return undefined;
}

/** The instant a date operand means: a date, a period from now, or a date function. */
export function resolveInstant(operand: ScalarOperand, ctx: ClauseContext): readonly number[] | undefined {
  if (operand.type === 'function') {
    if (!functionYields(operand, 'date', ctx)) return undefined;
    const instant = evaluateDateFunction(operand.name.toLowerCase(), ctx.now, operand.args[0]);
    if (instant !== undefined) return [instant];
    ctx.error(invalid.functionDuration(operand.name));
    return undefined;
  }
  const instant = parseDateValue(operand.value, ctx.now);
  if (instant !== undefined) return [instant];
  ctx.error(invalid.invalidDate(operand.value, ctx.field));
  return undefined;
}

/** The calendar day (as `dayNumber`) a date operand means, for date-only fields such as `duedate`. */
export function resolveDay(operand: ScalarOperand, ctx: ClauseContext): readonly number[] | undefined {
  return resolveInstant(operand, ctx)?.map(dayNumber);
}

export function resolveNumber(operand: ScalarOperand, ctx: ClauseContext): readonly number[] | undefined {
  if (operand.type === 'function') {
    ctx.error(invalid.functionNotForField(operand.name, ctx.field));
    return undefined;
  }
  const value = operand.value.trim() === '' ? NaN : Number(operand.value);
  if (Number.isFinite(value)) return [value];
  ctx.error(invalid.invalidNumber(operand.value, ctx.field));
  return undefined;
}

/** A plain value compared case-insensitively (labels, resolutions, option values). */
export function resolveFolded(operand: ScalarOperand, ctx: ClauseContext): readonly string[] | undefined {
  if (operand.type === 'function') {
    ctx.error(invalid.functionNotForField(operand.name, ctx.field));
    return undefined;
  }
  return [fold(operand.value)];
}
