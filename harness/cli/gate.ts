import { join, resolve } from 'node:path';
import { HarnessError } from '../errors.ts';
import { loadRequirementSet } from '../migration/load.ts';
import { assessReadiness } from '../migration/readiness.ts';
import { readCapabilities } from '../reporters/capabilities.ts';
import { parseFlags } from './args.ts';
import { PACKAGE_ROOT } from '../../lib/paths.ts';

export const GATE_USAGE = `Usage: rovo-mcp-conformance gate --requirements <file> [options]

The nightly gate, from a finished run (no check runs): fails when a critical requirement of the set
is blocked on a target of this run and was not blocked in the previous run, i.e. a new migration
blocker. Without --previous every blocker is new. Breaking drift fails the run itself
(drift.surface.baseline).

Options:
  --requirements <file>  the requirement set (fixtures/migration/*.json)
  --from <file>          this run's capabilities.json (default reports/capabilities.json)
  --previous <file>      the previous run's capabilities.json
  --target <t>           only this target of the run (default: every target)
  -h, --help             this text

Exit codes: 0 no new blocker, 1 a new blocker (named), 2 bad usage or input.`;

export function gateCommand(argv: string[]): Promise<number> {
  const { values } = parseFlags(
    argv,
    {
      requirements: { type: 'string' },
      from: { type: 'string' },
      previous: { type: 'string' },
      target: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    GATE_USAGE,
  );
  if (values.help) {
    console.log(GATE_USAGE);
    return Promise.resolve(0);
  }
  if (!values.requirements)
    throw new HarnessError('USAGE', `gate needs --requirements <file>\n\n${GATE_USAGE}`);
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
  return Promise.resolve(fresh > 0 ? 1 : 0);
}
