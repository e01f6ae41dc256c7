import { loadProfile } from '../../mocks/rovo/profile/load.ts';
import type { RunSettings } from '../config/settings.ts';
import { HarnessError } from '../errors.ts';
import { closeKinds } from '../kinds/index.ts';
import { buildSettings } from '../kinds/resolve.ts';
import { figureLine } from '../reporters/facts-figure.ts';
import { defineCommand, type FlagSpecs, type FlagValues } from './define-command.ts';
import { figures } from './fidelity/figure.ts';
import { loadFacts } from './fidelity/load.ts';
import { type FactResult, probeMock } from './fidelity/run.ts';
import { fidelityTable } from './fidelity/summary.ts';
import { probeTarget } from './fidelity/target-site.ts';
import { CONFIG_FLAG } from './flags.ts';
import { preflightAll } from './live-run.ts';
import { terminalText } from './terminal.ts';

const FLAGS = {
  target: {
    type: 'string',
    arg: 't',
    help: 'where to probe: rovo-mock, rovo-live, http:<url>, a config name... (probes that set a mock up, or write, are not-testable on a target the harness does not own)',
    defaultNote: 'rovo-mock',
    repeat: 'once',
  },
  profile: {
    type: 'string',
    arg: 'p',
    help: 'mock behaviour profile to hold to the facts (fixtures/profiles/<p>.json)',
    defaultNote: '"default"',
  },
  facts: {
    type: 'string',
    arg: 'dir',
    help: 'folder of fact files (*.json)',
    defaultNote: 'fixtures/fidelity',
  },
  config: CONFIG_FLAG,
  json: { type: 'boolean', help: 'print every result as JSON instead of a table' },
} as const satisfies FlagSpecs;

export const fidelityCommand = defineCommand({
  name: 'fidelity',
  summary: "fidelity: run every public fact's probe against the Rovo mock or any target",
  description: [
    "Holds a target to the public record about Rovo: each fact of fixtures/fidelity (statement, sources, confidence, probe) is probed, and the table says which the target reproduces, naming each miss with its sources. On the built-in mock (the default) every probe gets a fresh fake cloud of the profile, v1 facts at /v1/mcp and v2 facts at /v2/mcp; confirmed facts are the default profile's behaviour and partial ones profile switches, so a partial miss is reported, not fatal.",
    'Against rovo-live the same probes measure the real server (a nightly run notices a stale mock). A probe that sets a mock up (admin switches, faults) or writes is not-testable there, as is a fact of the other endpoint generation, each with the reason; they are not misses.',
  ],
  flags: FLAGS,
  exits: {
    0: 'every confirmed fact the target could be probed for was reproduced',
    1: 'a confirmed fact not reproduced (named with its sources)',
    2: 'bad usage or input (the message names the flag or field)',
  },
  run: ({ values }) => fidelityRun(values),
});

function settingsFor(values: FlagValues<typeof FLAGS>): RunSettings {
  const targets = [values.target ?? 'rovo-mock'];
  try {
    return buildSettings({
      targets,
      ...(values.profile ? { profile: values.profile } : {}),
      ...(values.config ? { config: values.config } : {}),
    });
  } catch (error) {
    if (!(error instanceof HarnessError) || error.code !== 'TARGET_UNRESOLVED') throw error;
    const reason = error.message.replace(/^\[harness\] /, '');
    throw new HarnessError('USAGE', `--target ${targets[0]}: ${reason}`, { cause: error });
  }
}

async function probeAll(values: FlagValues<typeof FLAGS>): Promise<{ results: FactResult[]; on: string }> {
  const facts = loadFacts(values.facts);
  const settings = settingsFor(values);
  const [target] = settings.targets;
  const results: FactResult[] = [];
  if (!target || target.kind === 'rovo-mock') {
    const profile = loadProfile(values.profile ?? 'default');
    for (const fact of facts) results.push(await probeMock(fact, profile));
    return { results, on: `profile ${profile.name}` };
  }
  // A live target is checked (credentials, site) before any probe; fidelity never writes there.
  const ready = await preflightAll({ ...settings, readOnly: true }, (line) =>
    console.error(terminalText(line)),
  );
  try {
    for (const fact of facts) results.push(await probeTarget(target, ready, fact));
  } finally {
    await closeKinds();
  }
  return { results, on: target.name };
}

async function fidelityRun(values: FlagValues<typeof FLAGS>): Promise<number> {
  const { results, on } = await probeAll(values);
  if (values.json)
    console.log(
      JSON.stringify(
        results.map(({ fact, ...r }) => ({ id: fact.id, ...r })),
        null,
        2,
      ),
    );
  else console.log(terminalText(fidelityTable(results)));
  for (const figure of figures(results, on)) console.log(terminalText(figureLine(figure)));
  return results.some((r) => r.fact.confidence === 'confirmed' && r.outcome === 'missed') ? 1 : 0;
}
