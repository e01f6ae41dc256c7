import { join, resolve } from 'node:path';
import { loadRequirementSet } from '../migration/load.ts';
import { assessReadiness } from '../migration/readiness.ts';
import { readCapabilities } from '../reporters/capabilities.ts';
import { defineCommand, type FlagSpecs, type FlagValues } from './define-command.ts';
import { REQUIREMENTS_FLAG } from './flags.ts';
import { PACKAGE_ROOT } from './versions.ts';

const FLAGS = {
  requirements: { ...REQUIREMENTS_FLAG, required: true },
  from: {
    type: 'string',
    arg: 'file',
    help: "this run's capabilities.json",
    defaultNote: 'reports/capabilities.json',
  },
  previous: { type: 'string', arg: 'file', help: "the previous run's capabilities.json" },
  target: { type: 'string', arg: 't', help: 'only this target of the run', defaultNote: 'every target' },
} as const satisfies FlagSpecs;

export const gateCommand = defineCommand({
  name: 'gate',
  summary: 'nightly gate: fail on a migration blocker the previous run did not have',
  description: [
    'The nightly gate, from a finished run (no check runs): fails when a critical requirement of the set is blocked on a target of this run and was not blocked in the previous run, i.e. a new migration blocker. Without --previous every blocker is new. Breaking drift fails the run itself (drift.surface.baseline).',
  ],
  flags: FLAGS,
  exits: { 0: 'no new blocker', 1: 'a new blocker (named)', 2: 'bad usage or input' },
  run: ({ values }) => gateRun(values),
});

function gateRun(values: FlagValues<typeof FLAGS>): number {
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
