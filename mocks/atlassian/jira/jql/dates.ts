/**
 * JQL date values and date functions, on the shared UTC calendar.
 */
import { applyDateFunction, FIXED_UNIT, PERIOD_FUNCTIONS, parseAbsoluteRange } from '../../calendar.ts';

// A period on a date field: units are case-insensitive and `M` is minutes, as Jira reads them,
// unlike a function's offset (calendar.ts), where `M` is months.
const PERIOD = /^([-+]?)(\d+[wdhm](?:\s+\d+[wdhm])*)$/i;
const PERIOD_PART = /(\d+)([wdhm])/gi;

/** `yyyy-MM-dd`, `yyyy/MM/dd`, optionally with ` HH:mm`, as a UTC instant; undefined if not one of those. */
export function parseAbsoluteDate(text: string): number | undefined {
  return parseAbsoluteRange(text)?.from;
}

/** A period such as `-7d`, `2w`, `"-4w 2d"` in milliseconds; the sign applies to the whole period. */
export function parsePeriod(text: string): number | undefined {
  const match = PERIOD.exec(text.trim());
  if (!match) return undefined;
  let total = 0;
  for (const part of (match[2] as string).matchAll(PERIOD_PART)) {
    total += Number(part[1]) * (FIXED_UNIT[(part[2] as string).toLowerCase()] as number);
  }
  return match[1] === '-' ? -total : total;
}

/** A date field value as an instant: absolute, relative to `now`, or epoch milliseconds. */
export function parseDateValue(text: string, now: number): number | undefined {
  const absolute = parseAbsoluteDate(text);
  if (absolute !== undefined) return absolute;
  const period = parsePeriod(text);
  if (period !== undefined) return now + period;
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

/** The UTC calendar day of an instant as a sortable number: 2026-11-01 -> 20261101. */
export function dayNumber(ms: number): number {
  const date = new Date(ms);
  return date.getUTCFullYear() * 10_000 + (date.getUTCMonth() + 1) * 100 + date.getUTCDate();
}

function digit(text: string, index: number): number {
  const code = text.charCodeAt(index) - 48;
  return code >= 0 && code <= 9 ? code : NaN;
}

/** Reads the `YYYY-MM-DD` at the start of a stored date without allocating; NaN when it is not one. */
export function dayNumberOf(text: string | null | undefined): number {
  if (typeof text !== 'string' || text.length < 10 || text.charCodeAt(4) !== 45) return NaN;
  const year = digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3);
  const month = digit(text, 5) * 10 + digit(text, 6);
  const day = digit(text, 8) * 10 + digit(text, 9);
  return year * 10_000 + month * 100 + day;
}

export const DATE_FUNCTION_NAMES: readonly string[] = ['now', ...Object.keys(PERIOD_FUNCTIONS)];

/**
 * Evaluates a date function (lowercase name) at `now`, with its optional offset such as `-1d` or
 * `+1M`; undefined when the offset is malformed. `now` and any name that is not a period read as
 * the instant itself.
 */
export function evaluateDateFunction(name: string, now: number, offset?: string): number | undefined {
  return applyDateFunction(PERIOD_FUNCTIONS[name] ?? ((ms) => ms), now, offset);
}
