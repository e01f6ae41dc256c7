import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { LEGACY_TOOLS } from '../../mocks/legacy/tools/index.ts';
import { catalogue } from '../catalogue/index.ts';
import { RequirementSetSchema } from './schema.ts';

const set = RequirementSetSchema.parse(
  JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/migration/pm-os.json'), 'utf8')),
);

it('fixtures/migration/pm-os.json is a valid requirement set covering what a PM agent set uses', () => {
  expect(set.requirements.map((r) => r.id)).toEqual(
    expect.arrayContaining(['epic-creation', 'bulk-create-50', 'select-custom-field', 'number-custom-field']),
  );
});

it('names capabilities of the catalogue (areas still being added are checked once their file exists)', () => {
  const areas = new Set(catalogue().areas.map((a) => a.id));
  const unknown = set.requirements
    .flatMap((r) => r.capabilities)
    .filter((id) => areas.has(id.split('.')[0] ?? '') && !catalogue().has(id));
  expect(unknown).toEqual([]);
});

it("names only tools of the reference legacy server as the old server's tools", () => {
  const tools = new Set(LEGACY_TOOLS.map((t) => t.name));
  expect(set.requirements.flatMap((r) => r.legacyTools).filter((t) => !tools.has(t))).toEqual([]);
});
