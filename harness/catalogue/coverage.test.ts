import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { suiteFiles, suiteLabel } from '../scenario/suites.ts';
import { catalogue, loadCatalogue } from './index.ts';

/** Citations are found statically, so a suite that fails to load cannot hide an uncited capability. */
function citations(): Map<string, string[]> {
  const cited = new Map<string, string[]>();
  for (const file of suiteFiles()) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bverifies\(\s*['"]([^'"]+)['"]/g)) {
      const id = m[1] ?? '';
      cited.set(id, [...(cited.get(id) ?? []), suiteLabel(file)]);
    }
  }
  return cited;
}

it('every catalogue capability is cited by exactly one verifies() call', () => {
  const cited = citations();
  const missing = catalogue()
    .capabilities.filter((c) => !cited.has(c.id))
    .map((c) => c.id);
  const twice = [...cited]
    .filter(([, files]) => files.length > 1)
    .map(([id, files]) => `${id}: ${files.join(', ')}`);
  expect(missing, 'capabilities without a check').toEqual([]);
  expect(twice, 'capabilities with more than one check').toEqual([]);
});

it('every cited id is in the catalogue', () => {
  const unknown = [...citations().keys()].filter((id) => !catalogue().has(id));
  expect(unknown).toEqual([]);
});

it('the catalogue loads, ids are unique and prefixed by their area', () => {
  const cat = loadCatalogue();
  expect(cat.capabilities.length).toBeGreaterThan(0);
  for (const c of cat.capabilities) expect(c.id.startsWith(`${c.area}.`)).toBe(true);
});

it("every check lives in its area's folder, suites/<area>/, so --area picks files before they load", () => {
  const misplaced = [...citations()]
    .filter(([id]) => catalogue().has(id))
    .flatMap(([id, files]) =>
      files.filter((f) => !f.startsWith(`suites/${catalogue().get(id).area}/`)).map((f) => `${id} in ${f}`),
    );
  expect(misplaced).toEqual([]);
});
