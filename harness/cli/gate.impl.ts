import { join, resolve } from 'node:path';
import { loadRequirementSet } from '../migration/load.ts';
import { assessReadiness } from '../migration/readiness.ts';
import { readCapabilities } from '../reporters/capabilities.ts';
import type { ParsedOf } from './define-command.ts';
import type { gateCommand } from './gate.ts';
import { PACKAGE_ROOT } from '../../lib/paths.ts';

/** `gate`: new migration blockers of a finished run against the previous one. */
export function run({ values }: ParsedOf<typeof gateCommand>): number {
  const set = loadRequirementSet(values.requirements);
  const now = readCapabilities(
    values.from ?? join(resolve(PACKAGE_ROOT, 'reports'), 'capabilities.json'),
    '--from',
  );
  const before = values.previous ? readCapabilities(values.previous, '--previous') : undefined;
  const targets = values.target ? [values.target] : now.run.targets.map((t) => t.name);
  let fresh = 0;
  for (const target of targets) {
    const blocked = assessReadiness(set, now.records, target).blockers;
    const earlier = new Set(
      before ? assessReadiness(set, before.records, target).blockers.map((b) => b.requirement.id) : [],
    );
    for (const b of blocked) {
      const isNew = !earlier.has(b.requirement.id);
      if (isNew) fresh++;
      console.log(
        `${isNew ? 'NEW blocker' : 'blocker (known)'} on ${target}: ${b.requirement.id} (${b.requirement.title}): ${b.reasons.join('; ')}`,
      );
    }
    if (blocked.length === 0) console.log(`${target}: every critical requirement of "${set.name}" is met`);
  }
  return fresh > 0 ? 1 : 0;
}
