import { scoreMutants } from '../scenario/mutants.ts';
import { loadAllChecks } from '../scenario/suites.ts';
import { closeWorkerCloud } from '../kinds/worker-cloud.ts';
import { parseFlags } from './args.ts';
import { paint } from './style.ts';

export const MUTANTS_USAGE = `Usage: rovo-mcp-conformance mutants

Runs every check against the healthy mock and against each broken variant that claims it, and prints
the mutation score: checks proven able to fail / all checks in the catalogue. Exit 1 below 100%.`;

export async function mutantsCommand(argv: string[]): Promise<number> {
  const { values } = parseFlags(argv, { help: { type: 'boolean', short: 'h' } }, MUTANTS_USAGE);
  if (values.help) {
    console.log(MUTANTS_USAGE);
    return 0;
  }
  const checks = await loadAllChecks();
  const score = await scoreMutants(checks);
  await closeWorkerCloud();
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
    `Mutation score: ${score.proven.length}/${score.total} checks proven able to fail (${pct.toFixed(1)}%)`,
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
