import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeIssues } from '../../lib/errors.ts';
import { HarnessError } from '../errors.ts';
import { type Capability, CatalogueFileSchema } from './schema.ts';

export type { Capability, ComparisonRow } from './schema.ts';

export interface Area {
  id: string;
  title: string;
}

export interface Catalogue {
  readonly areas: readonly Area[];
  readonly capabilities: readonly Capability[];
  get(id: string): Capability;
  has(id: string): boolean;
}

const CATALOGUE_DIR = import.meta.dirname;

/** Reads every `<area>.json` beside this file; one file per capability area keeps additions conflict-free. */
export function loadCatalogue(dir: string = CATALOGUE_DIR): Catalogue {
  const areas: Area[] = [];
  const byId = new Map<string, Capability>();
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  for (const file of files) {
    const path = join(dir, file);
    const parsed = CatalogueFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!parsed.success) {
      throw new HarnessError(
        'CATALOGUE_INVALID',
        `${path} is invalid:\n${describeIssues(parsed.error.issues)}`,
      );
    }
    const { area, title, capabilities } = parsed.data;
    if (`${area}.json` !== file) {
      throw new HarnessError('CATALOGUE_INVALID', `${path}: area "${area}" must match the file name`);
    }
    areas.push({ id: area, title });
    for (const cap of capabilities) {
      if (!cap.id.startsWith(`${area}.`)) {
        throw new HarnessError('CATALOGUE_INVALID', `${path}: id "${cap.id}" must start with "${area}."`);
      }
      if (byId.has(cap.id)) {
        throw new HarnessError('CATALOGUE_INVALID', `${path}: id "${cap.id}" is declared twice`);
      }
      byId.set(cap.id, { ...cap, area });
    }
  }
  const capabilities = [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
  return {
    areas,
    capabilities,
    has: (id) => byId.has(id),
    get(id) {
      const cap = byId.get(id);
      if (!cap) {
        throw new HarnessError(
          'UNKNOWN_CAPABILITY',
          `capability "${id}" is not in the catalogue (harness/catalogue/*.json); add it there or fix the id`,
        );
      }
      return cap;
    },
  };
}

let cached: Catalogue | undefined;
export function catalogue(): Catalogue {
  cached ??= loadCatalogue();
  return cached;
}
