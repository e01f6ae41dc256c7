import { afterAll, expect, it } from 'vitest';
import { catalogue } from '../catalogue/index.ts';
import { closeWorkerCloud } from '../kinds/worker-cloud.ts';
import { MUTANT_TARGET, mutantSettings, mutantTarget } from './mutants.ts';
import { runCheck } from './run-check.ts';
import { loadAllChecks } from './suites.ts';

const checks = await loadAllChecks();
const V2_IDS = catalogue()
  .capabilities.filter((c) => c.area === 'v2')
  .map((c) => c.id);

afterAll(async () => {
  await closeWorkerCloud();
});

it('the v2 area runs its mutants on the rovo-v2 target, every other area on rovo-mock', () => {
  expect(mutantTarget('v2')).toMatchObject({ name: 'rovo-v2-mock', dialect: 'rovo-v2' });
  expect(mutantTarget('jira')).toBe(MUTANT_TARGET);
});

it.each(V2_IDS)('%s is unsupported on a v1 target, naming the dialect it speaks', async (id) => {
  const check = checks.get(id);
  if (!check) throw new Error(`${id} has no check`);
  const record = await runCheck({ check, target: MUTANT_TARGET, settings: mutantSettings() });
  expect(record.verdict).toBe('unsupported');
  expect(record.evidence).toMatch(/rovo-mock speaks the "rovo" dialect, not "rovo-v2"/);
  expect(record.requests, 'decided before any call').toBe(0);
});
