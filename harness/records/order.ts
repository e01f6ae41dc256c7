import type { CheckRecord } from './schema.ts';

/** Records in report order: by capability, then target. Reports never depend on completion order. */
export function sortRecords(records: readonly CheckRecord[]): CheckRecord[] {
  return [...records].sort((a, b) =>
    a.capabilityId === b.capabilityId
      ? a.target.localeCompare(b.target)
      : a.capabilityId.localeCompare(b.capabilityId),
  );
}
