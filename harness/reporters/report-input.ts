import type { RequirementSet } from '../migration/schema.ts';
import type { CapabilitiesReport, CapabilityRecord, RunHeader } from './capabilities.ts';

/** Everything any reporter reads. Reporters are pure: the same input gives the same bytes. */
export interface ReportInput {
  header: RunHeader;
  /** From `reportRecords()`: sorted, labelled, redacted. */
  records: readonly CapabilityRecord[];
  /** The requirement set the readiness section judges, when one was chosen. */
  requirements?: RequirementSet;
  /** An earlier run's capabilities.json, for the changes section. */
  previous?: CapabilitiesReport;
}

/** Targets in run order (the header's), then any other target a record names. */
export function reportTargets(input: Pick<ReportInput, 'header' | 'records'>): string[] {
  const named = input.header.targets.map((t) => t.name);
  const extra = [...new Set(input.records.map((r) => r.target))].filter((t) => !named.includes(t)).sort();
  return [...named, ...extra];
}
