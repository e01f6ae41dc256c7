import { scoreMutants } from '../scenario/mutants.ts';
import { loadAllChecks } from '../scenario/suites.ts';
import { closeMockRuntime } from '../targets/mock-runtime.ts';
import { defineCommand, type FlagSpecs, type FlagValues } from './define-command.ts';
import { AREA_FLAG } from './flags.ts';
import { paint } from './style.ts';

const FLAGS = {
  area: { ...AREA_FLAG, help: 'only the mutants of this area: its checks and the variants that break them' },
} as const satisfies FlagSpecs;

export const mutantsCommand = defineCommand({
  name: 'mutants',
  summary: 'prove every check can fail against broken mocks',
  description: [
    'Runs every check against the healthy mock and against each broken variant that claims it, and prints the mutation score: checks proven able to fail / all checks in the catalogue (or in the areas given).',
  ],
  flags: FLAGS,
  exits: {
    0: 'every check proven able to fail',
    1: 'below 100% (the unproven checks are listed)',
    2: 'bad usage',
  },
  run: ({ values }) => scoreCommand(values),
});

async function scoreCommand(values: FlagValues<typeof FLAGS>): Promise<number> {
  const checks = await loadAllChecks();
  const score = await scoreMutants(checks, undefined, values.area);
  await closeMockRuntime();
  for (const r of score.results) {
    const mark = r.proven ? paint('killed', 'green') : paint('SURVIVED', 'red');
    console.log(
      `${mark}  ${r.variant} → ${r.capabilityId} (healthy ${r.healthy.verdict}, broken ${r.broken.verdict})`,
    );
  }
  const proven = new Set(score.proven);
  const unproven = [
    ...new Set([
      ...score.unclaimed,
      ...score.results.map((r) => r.capabilityId).filter((id) => !proven.has(id)),
    ]),
  ].sort();
  const pct = score.total === 0 ? 0 : (100 * score.proven.length) / score.total;
  console.log('');
  console.log(
    `Mutation score${values.area ? ` (${values.area.join(', ')})` : ''}: ${score.proven.length}/${score.total} checks proven able to fail (${pct.toFixed(1)}%)`,
  );
  if (unproven.length > 0) {
    console.log('Unproven checks:');
    for (const id of unproven)
      console.log(
        `  ${id}${score.unclaimed.includes(id) ? ' (no variant claims it)' : ' (its variants did not make it fail)'}`,
      );
  }
  return unproven.length === 0 ? 0 : 1;
}
