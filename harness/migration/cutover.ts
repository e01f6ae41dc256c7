import type { Readiness, RequirementFinding, RequirementStatus } from './readiness.ts';

/** A requirement whose status differs between the server an agent uses now and the one after the cutover. */
export interface RequirementChange {
  requirement: RequirementFinding['requirement'];
  before: RequirementStatus;
  after: RequirementStatus;
  /** Why it stands as it does after: the reasons and verified workarounds on the later target. */
  reasons: string[];
}

/** The requirements of one set whose status changes from `before`'s target to `after`'s, in the set's order. */
export function readinessChanges(before: Readiness, after: Readiness): RequirementChange[] {
  return after.findings.flatMap((now, i) => {
    const then = before.findings[i];
    if (!then || then.status === now.status) return [];
    return [
      {
        requirement: now.requirement,
        before: then.status,
        after: now.status,
        reasons: [...now.reasons, ...now.workarounds.map((w) => `verified workaround: ${w}`)],
      },
    ];
  });
}
