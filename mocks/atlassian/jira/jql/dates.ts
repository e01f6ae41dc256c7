/**
 * Date values and date functions. The mock site has no user time zones, so every absolute date
 * and every start/end of a period is read in UTC.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

const ABSOLUTE = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/;
// A period on a date field: units are case-insensitive and `M` is minutes, as Jira reads them.
const PERIOD = /^([-+]?)(\d+[wdhm](?:\s+\d+[wdhm])*)$/i;
const PERIOD_PART = /(\d+)([wdhm])/gi;
// A function's offset is a different grammar: case-sensitive, `M` is months, no compounds.
const FUNCTION_OFFSET = /^([-+]?)(\d+)([yMwdhm])$/;
const PERIOD_UNIT: Readonly<Record<string, number>> = { w: WEEK, d: DAY, h: HOUR, m: MINUTE };

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `yyyy-MM-dd`, `yyyy/MM/dd`, optionally with ` HH:mm`, as a UTC instant; undefined if not one of those. */
export function parseAbsoluteDate(text: string): number | undefined {
  const match = ABSOLUTE.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[3]), Number(match[4])];
  const hour = match[5] === undefined ? 0 : Number(match[5]);
  const minute = match[6] === undefined ? 0 : Number(match[6]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59) return undefined;
  return Date.UTC(year, month - 1, day, hour, minute);
}

/** A period such as `-7d`, `2w`, `"-4w 2d"` in milliseconds; the sign applies to the whole period. */
export function parsePeriod(text: string): number | undefined {
  const match = PERIOD.exec(text.trim());
  if (!match) return undefined;
  let total = 0;
  for (const part of (match[2] as string).matchAll(PERIOD_PART)) {
    total += Number(part[1]) * (PERIOD_UNIT[(part[2] as string).toLowerCase()] as number);
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

function addMonths(ms: number, months: number): number {
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const targetYear = year + Math.floor(month / 12);
  const targetMonth = ((month % 12) + 12) % 12;
  // Clamp, so that 31 March less a month is 28 February rather than 3 March.
  const day = Math.min(date.getUTCDate(), daysInMonth(targetYear, targetMonth + 1));
  return Date.UTC(
    targetYear,
    targetMonth,
    day,
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
    date.getUTCMilliseconds(),
  );
}

function startOfDay(ms: number): number {
  return Math.floor(ms / DAY) * DAY;
}

function startOfWeek(ms: number): number {
  // Weeks start on Sunday, as for Jira's default (US) locale.
  const day = startOfDay(ms);
  return day - new Date(day).getUTCDay() * DAY;
}

function startOfMonth(ms: number): number {
  const date = new Date(ms);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
}

function startOfYear(ms: number): number {
  return Date.UTC(new Date(ms).getUTCFullYear(), 0, 1);
}

const PERIOD_FUNCTIONS: Readonly<Record<string, (ms: number) => number>> = {
  startofday: startOfDay,
  endofday: (ms) => startOfDay(ms) + DAY - 1,
  startofweek: startOfWeek,
  endofweek: (ms) => startOfWeek(ms) + WEEK - 1,
  startofmonth: startOfMonth,
  endofmonth: (ms) => addMonths(startOfMonth(ms), 1) - 1,
  startofyear: startOfYear,
  endofyear: (ms) => addMonths(startOfYear(ms), 12) - 1,
};

export const DATE_FUNCTION_NAMES: readonly string[] = ['now', ...Object.keys(PERIOD_FUNCTIONS)];

/**
 * Evaluates a date function (lowercase name) at `now`, with its optional offset such as `-1d` or
 * `+1M`; undefined when the offset is malformed. Months and years move the reference date before
 * the period is taken (so `endOfMonth(-1M)` ends last month); smaller units shift the result
 * (so `startOfWeek(1d)` is Monday).
 */
export function evaluateDateFunction(name: string, now: number, offset?: string): number | undefined {
  const period = PERIOD_FUNCTIONS[name];
  let reference = now;
  let shift = 0;
  if (offset !== undefined) {
    const match = FUNCTION_OFFSET.exec(offset.trim());
    if (!match) return undefined;
    const amount = Number(match[2]) * (match[1] === '-' ? -1 : 1);
    const unit = match[3] as string;
    if (unit === 'y' || unit === 'M') reference = addMonths(now, unit === 'y' ? amount * 12 : amount);
    else shift = amount * (PERIOD_UNIT[unit] as number);
  }
  return (period ? period(reference) : reference) + shift;
}
