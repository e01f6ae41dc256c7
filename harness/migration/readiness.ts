import type { CheckRecord } from '../records/schema.ts';
import type { Requirement, RequirementSet } from './schema.ts';

/** What readiness needs of a record; check records and report records both fit. */
export type ReadinessRecord = Pick<
  CheckRecord,
  'capabilityId' | 'target' | 'verdict' | 'mode' | 'evidence' | 'workaround' | 'prerequisite'
>;

/**
 * - met: every capability supported natively
 * - met-with-workaround: met, but only with a workaround or an emulation the check itself proved
 * - unmet: a capability is unsupported or failed
 * - unverified: nothing is unmet, but a capability was not testable or not checked
 */
export type RequirementStatus = 'met' | 'met-with-workaround' | 'unmet' | 'unverified';

export const STATUS_LABEL: Record<RequirementStatus, string> = {
  met: 'met',
  'met-with-workaround': 'met (workaround)',
  unmet: 'not met',
  unverified: 'unverified',
};

export interface RequirementFinding {
  requirement: Requirement;
  status: RequirementStatus;
  /** One per capability, in the requirement's order; `record` is absent when no check ran. */
  capabilities: { capabilityId: string; record?: ReadinessRecord }[];
  /** Why the requirement is unmet or unverified, one line per capability at fault. */
  reasons: string[];
  /** Workarounds the harness verified for this requirement (partial verdicts, emulations). */
  workarounds: string[];
}

export interface Readiness {
  setName: string;
  target: string;
  /** No critical requirement is unmet or unverified. */
  ready: boolean;
  findings: RequirementFinding[];
  /** Critical requirements that are unmet or unverified. */
  blockers: RequirementFinding[];
  /** Non-critical requirements that are unmet or unverified. */
  warnings: RequirementFinding[];
}

function assess(requirement: Requirement, records: ReadonlyMap<string, ReadinessRecord>, target: string) {
  const capabilities = requirement.capabilities.map((capabilityId) => {
    const record = records.get(capabilityId);
    return record ? { capabilityId, record } : { capabilityId };
  });
  const reasons: string[] = [];
  const workarounds: string[] = [];
  let unmet = false;
  let unverified = false;
  for (const { capabilityId: id, record: r } of capabilities) {
    if (!r) {
      unverified = true;
      reasons.push(`${id}: no check ran on ${target}`);
    } else if (r.verdict === 'unsupported' || r.verdict === 'failed') {
      unmet = true;
      reasons.push(`${id} ${r.verdict}: ${r.evidence}`);
    } else if (r.verdict === 'not-testable') {
      unverified = true;
      reasons.push(`${id} not testable: ${r.prerequisite ?? r.evidence}`);
    } else if (r.verdict === 'partial') {
      workarounds.push(`${id}: ${r.workaround ?? r.evidence}`);
    } else if (r.mode === 'emulated') {
      workarounds.push(`${id}: emulated by composing calls (${r.evidence})`);
    }
  }
  const status: RequirementStatus = unmet
    ? 'unmet'
    : unverified
      ? 'unverified'
      : workarounds.length > 0
        ? 'met-with-workaround'
        : 'met';
  return { requirement, status, capabilities, reasons, workarounds };
}

/** Whether `target` meets a requirement set, judged only from the records of that target. */
export function assessReadiness(
  set: RequirementSet,
  records: readonly ReadinessRecord[],
  target: string,
): Readiness {
  const mine = new Map(records.filter((r) => r.target === target).map((r) => [r.capabilityId, r]));
  const findings = set.requirements.map((r) => assess(r, mine, target));
  const open = findings.filter((f) => f.status === 'unmet' || f.status === 'unverified');
  const blockers = open.filter((f) => f.requirement.critical);
  return {
    setName: set.name,
    target,
    ready: blockers.length === 0,
    findings,
    blockers,
    warnings: open.filter((f) => !f.requirement.critical),
  };
}
