/**
 * CQL date values as half-open UTC ranges: a day covers the whole day, a minute the whole
 * minute, and a function an instant. The mock site has no user time zones.
 */

export interface DateRange {
  /** Inclusive, epoch milliseconds. */
  from: number;
  /** Exclusive. */
  to: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

const ABSOLUTE = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/;
// Function increments: `M` is months and `m` minutes, as in Confluence's documentation.
const INCREMENT = /^([-+]?)(\d+)([yMwdhm])$/;
const FIXED_UNIT: Readonly<Record<string, number>> = { w: WEEK, d: DAY, h: HOUR, m: MINUTE };

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `yyyy-MM-dd` or `yyyy/MM/dd`, optionally with ` HH:mm`; undefined if it is neither or not a real date. */
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

function addMonths(ms: number, months: number): number {
  const date = new Date(ms);
  const month = date.getUTCMonth() + months;
  const year = date.getUTCFullYear() + Math.floor(month / 12);
  const inYear = ((month % 12) + 12) % 12;
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

const startOfDay = (ms: number) => Math.floor(ms / DAY) * DAY;
const startOfWeek = (ms: number) => startOfDay(ms) - new Date(startOfDay(ms)).getUTCDay() * DAY;
const startOfMonth = (ms: number) => Date.UTC(new Date(ms).getUTCFullYear(), new Date(ms).getUTCMonth(), 1);
const startOfYear = (ms: number) => Date.UTC(new Date(ms).getUTCFullYear(), 0, 1);

const FUNCTIONS: Readonly<Record<string, (ms: number) => number>> = {
  now: (ms) => ms,
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
 * A date function such as `now("-7d")` or `startOfMonth("-1M")` as an instant; undefined for an
 * unknown function or a malformed increment. Months and years move the reference date before the
 * period is taken; smaller units shift the result.
 */
export function evaluateCqlDateFunction(
  name: string,
  args: readonly string[],
  now: number,
): number | undefined {
  const period = FUNCTIONS[name.toLowerCase()];
  if (!period || args.length > 1) return undefined;
  const increment = args[0];
  if (increment === undefined) return period(now);
  const match = INCREMENT.exec(increment.trim());
  if (!match) return undefined;
  const amount = Number(match[2]) * (match[1] === '-' ? -1 : 1);
  const unit = match[3] as string;
  if (unit === 'y' || unit === 'M') return period(addMonths(now, unit === 'y' ? amount * 12 : amount));
  return period(now) + amount * (FIXED_UNIT[unit] as number);
}
