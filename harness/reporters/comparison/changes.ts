import { byCodeUnit } from '../../records/order.ts';
import type { Verdict } from '../../records/schema.ts';
import type { CapabilitiesReport, CapabilityRecord } from '../capabilities.ts';
import { verdictLabel } from '../verdicts.ts';

export type ChangeKind = 'regression' | 'improvement' | 'changed' | 'new' | 'not-run';

export interface Change {
  capabilityId: string;
  target: string;
  kind: ChangeKind;
  before?: CapabilityRecord;
  after?: CapabilityRecord;
}

export interface Changes {
  since: CapabilitiesReport['run'];
  /** Targets of both runs; the others cannot be compared. */
  compared: string[];
  entries: Change[];
}

/** How good a verdict is for a migration; not-testable says nothing either way. */
const RANK: Partial<Record<Verdict, number>> = { supported: 3, partial: 2, unsupported: 1, failed: 0 };
const ORDER: readonly ChangeKind[] = ['regression', 'improvement', 'changed', 'new', 'not-run'];

export function classify(before: CapabilityRecord, after: CapabilityRecord): ChangeKind | undefined {
  if (verdictLabel(before) === verdictLabel(after)) return undefined;
  const [b, a] = [RANK[before.verdict], RANK[after.verdict]];
  if (b === undefined || a === undefined || a === b) return 'changed';
  return a < b ? 'regression' : 'improvement';
}

/** Verdicts that differ from a previous run, regressions first; only targets both runs checked. */
export function diffRuns(previous: CapabilitiesReport, current: readonly CapabilityRecord[]): Changes {
  const targetsNow = new Set(current.map((r) => r.target));
  const compared = [...new Set(previous.records.map((r) => r.target))]
    .filter((t) => targetsNow.has(t))
    .sort(byCodeUnit);
  const key = (r: CapabilityRecord) => `${r.capabilityId}\u0000${r.target}`;
  const before = new Map(previous.records.filter((r) => targetsNow.has(r.target)).map((r) => [key(r), r]));
  const after = new Map(current.filter((r) => compared.includes(r.target)).map((r) => [key(r), r]));
  const entries: Change[] = [];
  for (const [k, a] of after) {
    const b = before.get(k);
    const kind = b ? classify(b, a) : 'new';
    if (kind)
      entries.push({
        capabilityId: a.capabilityId,
        target: a.target,
        kind,
        ...(b ? { before: b } : {}),
        after: a,
      });
  }
  for (const [k, b] of before)
    if (!after.has(k))
      entries.push({ capabilityId: b.capabilityId, target: b.target, kind: 'not-run', before: b });
  entries.sort(
    (x, y) =>
      ORDER.indexOf(x.kind) - ORDER.indexOf(y.kind) ||
      byCodeUnit(x.capabilityId, y.capabilityId) ||
      byCodeUnit(x.target, y.target),
  );
  return { since: previous.run, compared, entries };
}
