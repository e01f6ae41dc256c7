import { scoreMutants } from '../scenario/mutants.ts';
import { loadAllChecks } from '../scenario/suites.ts';
import { closeWorkerCloud } from '../kinds/worker-cloud.ts';
import type { ParsedOf } from './define-command.ts';
import type { mutantsCommand } from './mutants.ts';
import { paint } from './style.ts';

/** `mutants`: every check against the healthy mock and the variants that claim it. */
export async function run({ values }: ParsedOf<typeof mutantsCommand>): Promise<number> {
  const checks = await loadAllChecks();
  const score = await scoreMutants(checks, undefined, values.area);
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
