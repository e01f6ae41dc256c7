import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeIssues, FixtureError } from '../../../../lib/errors.ts';
import { type Catalogue, CatalogueSchema, type Operation } from './schema.ts';

export const CATALOGUE_PATH = join(import.meta.dirname, '../../../../fixtures/rovo-v2/operations.json');

export interface OperationCatalogue {
  readonly source: string;
  readonly operations: readonly Operation[];
  readonly byName: ReadonlyMap<string, Operation>;
}

/** Validates a catalogue; a broken one fails with each problem's JSON path and reason. */
export function parseOperationCatalogue(json: unknown, source: string): OperationCatalogue {
  const parsed = CatalogueSchema.safeParse(json);
  if (!parsed.success)
    throw new FixtureError(
      'FIXTURE_INVALID',
      `operation catalogue ${source} is invalid:\n${describeIssues(parsed.error.issues)}`,
    );
  const doc: Catalogue = parsed.data;
  return {
    source: doc.source,
    operations: doc.operations,
    byName: new Map(doc.operations.map((o) => [o.name, o])),
  };
}

const cache = new Map<string, OperationCatalogue>();

/** Loads fixtures/rovo-v2/operations.json (or a given file) once per process. */
export function loadOperationCatalogue(path = CATALOGUE_PATH): OperationCatalogue {
  let catalogue = cache.get(path);
  if (!catalogue) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch (cause) {
      throw new FixtureError('FIXTURE_INVALID', `operation catalogue ${path} cannot be read as JSON`, {
        cause,
      });
    }
    catalogue = parseOperationCatalogue(json, path);
    cache.set(path, catalogue);
  }
  return catalogue;
}

/**
 * The operations a profile's answers make visible: for each open question with name options, only the
 * chosen option's operations (default: option a everywhere).
 */
export function chosenOperations(
  catalogue: OperationCatalogue,
  choices: Readonly<Record<string, 'a' | 'b' | 'c'>> = {},
): Operation[] {
  return catalogue.operations.filter((op) =>
    (op.conflicts ?? []).every((c) => c.kind !== 'name' || c.option === (choices[c.question] ?? 'a')),
  );
}
