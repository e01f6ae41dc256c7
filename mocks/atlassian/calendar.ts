/**
 * The UTC calendar that JQL and CQL dates share. The mock site has no user time zones, so every
 * absolute date and every start/end of a period is read in UTC.
 */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;

/** Milliseconds in the fixed-length units both query languages use; `m` is minutes. */
export const FIXED_UNIT: Readonly<Record<string, number>> = { w: WEEK, d: DAY, h: HOUR, m: MINUTE };

export interface DateRange {
  /** Inclusive, epoch milliseconds. */
  from: number;
  /** Exclusive. */
  to: number;
}

const ABSOLUTE = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/;
// Function offsets: case-sensitive, `M` is months and `m` minutes, no compounds (JQL and CQL alike).
const FUNCTION_OFFSET = /^([-+]?)(\d+)([yMwdhm])$/;

/** `month` is 1-based. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * `yyyy-MM-dd` or `yyyy/MM/dd`, optionally with ` HH:mm`, as the UTC day or minute it names;
 * undefined if it is neither or not a real date.
 */
export function parseAbsoluteRange(text: string): DateRange | undefined {
  const match = ABSOLUTE.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[3]), Number(match[4])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (match[5] === undefined) {
    const from = Date.UTC(year, month - 1, day);
    return { from, to: from + DAY };
  }
  const [hour, minute] = [Number(match[5]), Number(match[6])];
  if (hour > 23 || minute > 59) return undefined;
  const from = Date.UTC(year, month - 1, day, hour, minute);
  return { from, to: from + MINUTE };
}

export function addMonths(ms: number, months: number): number {
  const date = new Date(ms);
  const month = date.getUTCMonth() + months;
  const year = date.getUTCFullYear() + Math.floor(month / 12);
  const inYear = ((month % 12) + 12) % 12;
  // Clamp, so that 31 March less a month is 28 February rather than 3 March.
  const day = Math.min(date.getUTCDate(), daysInMonth(year, inYear + 1));
  return Date.UTC(
    year,
    inYear,
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
  // Weeks start on Sunday, as in the sites' default (US) locale.
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

/** The start/end-of-period date functions, by lowercase name. */
export const PERIOD_FUNCTIONS: Readonly<Record<string, (ms: number) => number>> = {
  startofday: startOfDay,
  endofday: (ms) => startOfDay(ms) + DAY - 1,
  startofweek: startOfWeek,
  endofweek: (ms) => startOfWeek(ms) + WEEK - 1,
  startofmonth: startOfMonth,
  endofmonth: (ms) => addMonths(startOfMonth(ms), 1) - 1,
  startofyear: startOfYear,
  endofyear: (ms) => addMonths(startOfYear(ms), 12) - 1,
};

/**
 * `period` taken at `now` with an optional offset such as `-1d` or `+1M`; undefined when the
 * offset is malformed. Months and years move the reference date before the period is taken (so
 * `endOfMonth(-1M)` ends last month); smaller units shift the result (so `startOfWeek(1d)` is
 * Monday).
 */
export function applyDateFunction(
  period: (ms: number) => number,
  now: number,
  offset?: string,
): number | undefined {
  if (offset === undefined) return period(now);
  const match = FUNCTION_OFFSET.exec(offset.trim());
  if (!match) return undefined;
  const amount = Number(match[2]) * (match[1] === '-' ? -1 : 1);
  const unit = match[3] as string;
  if (unit === 'y' || unit === 'M') return period(addMonths(now, unit === 'y' ? amount * 12 : amount));
  return period(now) + amount * (FIXED_UNIT[unit] as number);
}
