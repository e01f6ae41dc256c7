import { loadProfile } from '../../mocks/rovo/profile/load.ts';
import type { RunSettings } from '../config/settings.ts';
import { HarnessError } from '../errors.ts';
import { closeKinds } from '../kinds/index.ts';
import { buildSettings } from '../kinds/resolve.ts';
import { figureLine } from '../reporters/facts-figure.ts';
import type { ParsedOf } from './define-command.ts';
import type { fidelityCommand } from './fidelity.ts';
import { figures } from './fidelity/figure.ts';
import { loadFacts } from './fidelity/load.ts';
import { type FactResult, probeMock } from './fidelity/run.ts';
import { fidelityTable } from './fidelity/summary.ts';
import { probeTarget } from './fidelity/target-site.ts';
import { preflightAll } from './live-run.ts';
import { terminalText } from './terminal.ts';

type Values = ParsedOf<typeof fidelityCommand>['values'];

function settingsFor(values: Values): RunSettings {
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

async function probeAll(values: Values): Promise<{ results: FactResult[]; on: string }> {
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

/** `fidelity`: every public fact's probe against the Rovo mock or any target. */
export async function run({ values }: ParsedOf<typeof fidelityCommand>): Promise<number> {
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
