import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { HarnessError } from '../../errors.ts';
import { parseJsonFile } from '../../read-json.ts';
import { PACKAGE_ROOT } from '../../../lib/paths.ts';
import { type Fact, FactsFileSchema } from './schema.ts';

export const FIDELITY_DIR = join(PACKAGE_ROOT, 'fixtures/fidelity');

/** Every fact of every `*.json` file in `dir`, in file then declaration order; ids are unique. */
export function loadFacts(dir: string = FIDELITY_DIR): Fact[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const facts = files.flatMap(
    (f) =>
      parseJsonFile(join(dir, f), FactsFileSchema, 'fidelity facts', 'see harness/cli/fidelity/schema.ts')
        .facts,
  );
  const seen = new Set<string>();
  for (const fact of facts) {
    if (seen.has(fact.id))
      throw new HarnessError(
        'USAGE',
        `fidelity facts in ${dir}: the id ${fact.id} is used twice; give each fact its own id`,
      );
    seen.add(fact.id);
  }
  return facts;
}
