import type { CheckRecord } from './schema.ts';

/** Code-unit order: unlike localeCompare it does not depend on the machine's locale. */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Records in report order: by capability, then target. Reports never depend on completion order. */
export function sortRecords<T extends Pick<CheckRecord, 'capabilityId' | 'target'>>(
  records: readonly T[],
): T[] {
  return [...records].sort(
    (a, b) => byCodeUnit(a.capabilityId, b.capabilityId) || byCodeUnit(a.target, b.target),
  );
}
