import { join } from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import { ConfigSchema } from '../config/schema.ts';
import type { CheckRecord } from '../records/schema.ts';
import { mutantSettings } from '../scenario/mutants.ts';
import { runCheck } from '../scenario/run-check.ts';
import { loadAllChecks } from '../scenario/suites.ts';
import { closeContainerTargets } from './container.ts';
import { resolveTarget } from './resolve.ts';

// Where no container runtime can be reached, container targets are not testable and say why: the
// path CI takes when podman cannot work. testcontainers remembers its first probe, so the case it
// probes comes last, and this file runs in its own worker.
const config = ConfigSchema.parse({
  targets: { image: { kind: 'container', image: 'localhost/legacy-jira-mcp:local' } },
});
const target = resolveTarget('image', config);
const checks = await loadAllChecks();

async function runArea(area: string): Promise<CheckRecord[]> {
  const settings = { ...mutantSettings(), runId: 'no-runtime', targets: [target] };
  const records: CheckRecord[] = [];
  for (const check of checks.values())
    if (check.capability.area === area) records.push(await runCheck({ check, target, settings }));
  return records;
}

afterAll(async () => {
  await closeContainerTargets();
});

it('refuses a runtime on another machine without contacting it: containers share this machine’s 127.0.0.1', async () => {
  vi.stubEnv('DOCKER_HOST', 'tcp://10.88.0.1:2375');
  const fetchSpy = vi.spyOn(globalThis, 'fetch');
  const records = await runArea('identity');
  expect(records.map((r) => r.verdict)).toEqual(records.map(() => 'not-testable'));
  expect(records[0]?.prerequisite).toBe(
    "a container runtime on this machine (DOCKER_HOST is tcp://10.88.0.1:2375; containers must share this machine's 127.0.0.1 with the fake site)",
  );
  expect(fetchSpy).not.toHaveBeenCalled();
});

it('reports every check not-testable, naming the missing runtime and how to start one', async () => {
  vi.stubEnv('DOCKER_HOST', `unix://${join(import.meta.dirname, 'no-such-podman.sock')}`);
  const records = await runArea('jira');
  expect(records.length).toBeGreaterThan(10);
  for (const record of records) {
    expect(record.verdict).toBe('not-testable');
    expect(record.prerequisite).toMatch(
      /^a container runtime \(testcontainers: Could not find a working container runtime strategy; start one with scripts\/container-runtime\.sh start and eval "\$\(scripts\/container-runtime\.sh env\)"\)$/,
    );
  }
  // Nothing was started or left behind.
  expect(records.every((r) => r.requests === 0)).toBe(true);
});
