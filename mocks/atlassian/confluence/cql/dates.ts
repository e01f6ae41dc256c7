/**
 * CQL date values as half-open UTC ranges: a day covers the whole day, a minute the whole
 * minute, and a function an instant.
 */
import { applyDateFunction, PERIOD_FUNCTIONS } from '../../calendar.ts';

export { parseAbsoluteRange, type DateRange } from '../../calendar.ts';

const FUNCTIONS: Readonly<Record<string, (ms: number) => number>> = {
  now: (ms) => ms,
  ...PERIOD_FUNCTIONS,
};

/**
 * A date function such as `now("-7d")` or `startOfMonth("-1M")` as an instant; undefined for an
 * unknown function or a malformed increment.
 */
export function evaluateCqlDateFunction(
  name: string,
  args: readonly string[],
  now: number,
): number | undefined {
  const period = FUNCTIONS[name.toLowerCase()];
  if (!period || args.length > 1) return undefined;
  return applyDateFunction(period, now, args[0]);
}
