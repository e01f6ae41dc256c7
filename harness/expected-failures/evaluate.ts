import { sortRecords } from '../records/order.ts';
import type { CheckRecord } from '../records/schema.ts';
import type { Baseline } from './load.ts';
import type { BaselineEntry } from './schema.ts';

/**
 * What one record means against its target's baseline:
 * - `unexpected`: it failed and the baseline does not list it (fails the run)
 * - `expected`: it failed and the baseline lists it (the run stays green)
 * - `stale`: the baseline lists it, but it ran and did not fail (fails the run: remove the entry)
 * - `ok`: neither failed nor listed, or listed but not testable this time
 */
export type BaselineJudgement = 'unexpected' | 'expected' | 'stale' | 'ok';

export function judge(record: CheckRecord, entry: BaselineEntry | undefined): BaselineJudgement {
  if (record.verdict === 'failed') return entry ? 'expected' : 'unexpected';
  if (entry && record.verdict !== 'not-testable') return 'stale';
  return 'ok';
}

export interface BaselineReport {
  expected: { record: CheckRecord; entry: BaselineEntry }[];
  stale: { record: CheckRecord; entry: BaselineEntry; path: string }[];
  /** Entries whose check did not run or was not testable, so the run says nothing about them. */
  unverified: { target: string; entry: BaselineEntry; why: string }[];
  unexpected: CheckRecord[];
}

/** Sorts a run's records against the targets' baselines; the run passes when nothing is unexpected or stale. */
export function applyBaselines(
  records: readonly CheckRecord[],
  baselines: readonly Baseline[],
): BaselineReport {
  const report: BaselineReport = { expected: [], stale: [], unverified: [], unexpected: [] };
  const byTarget = new Map(baselines.map((b) => [b.target, b]));
  const ran = new Map(records.map((r) => [`${r.capabilityId}\u0000${r.target}`, r]));
  for (const record of sortRecords(records)) {
    const baseline = byTarget.get(record.target);
    const entry = baseline?.entries.get(record.capabilityId);
    const verdict = judge(record, entry);
    if (verdict === 'unexpected') report.unexpected.push(record);
    if (verdict === 'expected' && entry) report.expected.push({ record, entry });
    if (verdict === 'stale' && entry && baseline) report.stale.push({ record, entry, path: baseline.path });
    if (verdict === 'ok' && entry)
      report.unverified.push({
        target: record.target,
        entry,
        why: `not testable: ${record.prerequisite ?? record.evidence}`,
      });
  }
  for (const baseline of baselines)
    for (const entry of baseline.entries.values())
      if (!ran.has(`${entry.capability}\u0000${baseline.target}`))
        report.unverified.push({
          target: baseline.target,
          entry,
          why: 'its check was not part of this run (--area)',
        });
  return report;
}

export function baselinePasses(report: BaselineReport): boolean {
  return report.unexpected.length === 0 && report.stale.length === 0;
}
