import { loadProfile } from '../../mocks/rovo/profile/load.ts';
import type { ParsedOf } from './define-command.ts';
import type { fidelityCommand } from './fidelity.ts';
import { loadFacts } from './fidelity/load.ts';
import { type FactResult, probeMock } from './fidelity/run.ts';
import { fidelityLine, fidelityTable } from './fidelity/summary.ts';
import { terminalText } from './terminal.ts';

/** `fidelity`: every public fact's probe against the Rovo v1 mock. */
export async function run({ values }: ParsedOf<typeof fidelityCommand>): Promise<number> {
  const facts = loadFacts(values.facts);
  const profile = loadProfile(values.profile ?? 'default');
  const results: FactResult[] = [];
  for (const fact of facts) results.push(await probeMock(fact, profile));
  if (values.json)
    console.log(
      JSON.stringify(
        results.map(({ fact, ...r }) => ({ id: fact.id, ...r })),
        null,
        2,
      ),
    );
  else console.log(terminalText(fidelityTable(results)));
  console.log(fidelityLine(results, profile.name));
  return results.some((r) => r.fact.confidence === 'confirmed' && r.outcome !== 'held') ? 1 : 0;
}
