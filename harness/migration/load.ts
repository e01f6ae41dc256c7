import { catalogue } from '../catalogue/index.ts';
import { HarnessError } from '../errors.ts';
import { readJsonFile } from '../read-json.ts';
import { type RequirementSet, RequirementSetSchema } from './schema.ts';

const FIX =
  'A requirement set follows harness/migration/schema.ts (examples in fixtures/migration/); capability ids are those in harness/catalogue/*.json.';

/** Reads `--requirements <file>`: schema errors and unknown capability ids name the field and the fix. */
export function loadRequirementSet(path: string, flag = '--requirements'): RequirementSet {
  const set = readJsonFile(path, RequirementSetSchema, { flag, fix: FIX });
  assertKnownCapabilities(set, `${flag} ${path}`);
  return set;
}

/** Every id a requirement names must be a catalogue capability; all unknown ids are listed at once. */
export function assertKnownCapabilities(set: RequirementSet, source: string): void {
  const cat = catalogue();
  const problems = set.requirements.flatMap((r, i) =>
    r.capabilities
      .map((id, j) => ({ id, j }))
      .filter(({ id }) => !cat.has(id))
      .map(({ id, j }) => {
        const near = closest(
          id,
          cat.capabilities.map((c) => c.id),
        );
        return `  - requirements[${i}].capabilities[${j}] (requirement "${r.id}"): "${id}" is not in the catalogue${near ? `; did you mean "${near}"?` : ''}`;
      }),
  );
  if (problems.length > 0)
    throw new HarnessError(
      'UNKNOWN_CAPABILITY',
      `${source} names capabilities this build cannot check:\n${problems.join('\n')}\nFix the ids (see harness/catalogue/*.json) or remove them.`,
    );
}

/** The known id within a few edits of a typo, if there is exactly one best candidate. */
function closest(id: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(3, Math.floor(id.length / 4)) + 1;
  for (const k of known) {
    const d = editDistance(id, k);
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length] ?? 0;
}
