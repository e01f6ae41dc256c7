import { afterAll, describe, expect, it } from 'vitest';
import { loadVariants } from '../../mocks/variants/index.ts';
import { catalogue } from '../catalogue/index.ts';
import { closeWorkerCloud } from '../kinds/worker-cloud.ts';
import { tryMutant } from './mutants.ts';
import { loadAllChecks } from './suites.ts';

const checks = await loadAllChecks();
const VARIANTS = await loadVariants();

afterAll(async () => {
  await closeWorkerCloud();
});

describe.each(VARIANTS)('variant $name', (variant) => {
  it.each(variant.breaks)(
    `makes %s ${variant.verdict ?? 'fail'}, which passes on the healthy mock`,
    async (id) => {
      const check = checks.get(id);
      expect(check, `${id} has a check`).toBeDefined();
      if (!check) return;
      const result = await tryMutant(check, variant);
      expect(result.healthy.verdict, `healthy: ${result.healthy.evidence}`).not.toBe('failed');
      expect(result.healthy.verdict, `healthy: ${result.healthy.evidence}`).not.toBe('not-testable');
      expect(result.broken.verdict, `broken by "${variant.defect}": ${result.broken.evidence}`).toBe(
        variant.verdict ?? 'failed',
      );
      expect(result.proven, `proven: ${result.broken.evidence}`).toBe(true);
    },
  );
});

it('every capability in the catalogue is claimed by at least one variant', () => {
  const claimed = new Set(VARIANTS.flatMap((v) => v.breaks));
  const unclaimed = catalogue()
    .capabilities.map((c) => c.id)
    .filter((id) => !claimed.has(id));
  expect(unclaimed, 'capabilities no broken variant proves able to fail').toEqual([]);
});

it('variant names are unique and every claimed id is in the catalogue', () => {
  const names = VARIANTS.map((v) => v.name);
  expect(new Set(names).size).toBe(names.length);
  const unknown = VARIANTS.flatMap((v) => v.breaks).filter((id) => !catalogue().has(id));
  expect(unknown).toEqual([]);
});
