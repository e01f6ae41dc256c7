import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../lib/paths.ts';
import { builtImages } from '../containers/images.ts';
import { CHECKOUT_LABEL, containerEngine } from '../containers/engine.ts';
import { loadConfig } from '../config/load.ts';
import { ConfigSchema } from '../config/schema.ts';
import type { CheckRecord } from '../records/schema.ts';
import { MUTANT_TARGET, mutantSettings } from '../scenario/mutants.ts';
import { runCheck } from '../scenario/run-check.ts';
import { loadAllChecks } from '../scenario/suites.ts';
import { closeContainerTargets } from './container.ts';
import { closeWorkerCloud } from './worker-cloud.ts';
import { resolveTarget } from './resolve.ts';
import type { TargetSpec } from '../targets/spec.ts';

// Needs a container runtime and the repository's images (.ci/run: scripts/container-runtime.sh start
// and build). Without them these tests are skipped with the reason, unless CONFORMANCE_CONTAINERS=required
// (as .ci/run sets once the runtime is up), which turns the missing prerequisite into a failure.
// container-unavailable.test.ts proves the not-testable path.
const missing = await containerEngine().then(
  () => {
    try {
      builtImages();
      return undefined;
    } catch (error) {
      return (error as Error).message;
    }
  },
  (error: Error) => error.message,
);

// Without them the tests are skipped, but the config below must still parse: names that were never built.
const images = missing
  ? { mock: 'localhost/rovo-mcp-mock:not-built', legacy: 'localhost/legacy-jira-mcp:not-built' }
  : builtImages();
// The README's example config, pointed at the exact images this checkout built.
const shipped = loadConfig(join(PACKAGE_ROOT, 'fixtures/containers/conformance.config.json')).config.targets;
const config = ConfigSchema.parse({
  targets: {
    'mock-image': { ...shipped['mock-image'], image: images.mock },
    'legacy-image': { ...shipped['legacy-image'], image: images.legacy },
    'legacy-unconfigured': { kind: 'container', image: images.legacy },
    'not-built': { kind: 'container', image: 'localhost/rovo-mcp-conformance-never-built:0' },
  },
});
const checks = await loadAllChecks();

async function run(target: TargetSpec, ids: readonly string[]): Promise<Map<string, CheckRecord>> {
  const settings = { ...mutantSettings(), runId: 'container-test', targets: [target] };
  const out = new Map<string, CheckRecord>();
  for (const id of ids) {
    const check = checks.get(id);
    if (!check) throw new Error(`no check for ${id}`);
    out.set(id, await runCheck({ check, target, settings }));
  }
  return out;
}

const verdicts = (records: Map<string, CheckRecord>) =>
  Object.fromEntries([...records].map(([id, r]) => [id, r.verdict]));
const failures = (records: Map<string, CheckRecord>) =>
  [...records.values()].filter((r) => r.verdict === 'failed').map((r) => `${r.capabilityId}: ${r.evidence}`);
/** Checks that need the fake cloud's hooks (ctx.mock) are not testable on anything but a mock target. */
const needsMockHooks = (r: CheckRecord) =>
  r.verdict === 'not-testable' && /needs a mock target/.test(r.evidence);

afterAll(async () => {
  await closeContainerTargets();
  await closeWorkerCloud();
  if (missing) return;
  // Every container the tests started is gone, not merely stopped.
  const label = Object.entries(CHECKOUT_LABEL).map(([k, v]) => `${k}=${v}`);
  const left = await (
    await containerEngine()
  ).container.dockerode.listContainers({
    all: true,
    filters: { label },
  });
  expect(left.map((c) => `${c.Image} ${c.State}`)).toEqual([]);
});

describe('container targets on a local runtime (podman through testcontainers)', () => {
  beforeEach((ctx) => {
    if (!missing) return;
    if (process.env.CONFORMANCE_CONTAINERS === 'required')
      throw new Error(`CONFORMANCE_CONTAINERS=required, but ${missing}`);
    ctx.skip(`no container runtime or images here: ${missing}`);
  });

  it('the mock image passes every Rovo suite, with the verdicts of the in-process mock', async () => {
    const ids = [...checks.keys()].sort();
    const inImage = await run(resolveTarget('mock-image', config), ids);
    expect(failures(inImage)).toEqual([]);
    const inProcess = await run(MUTANT_TARGET, ids);
    const comparable = (records: Map<string, CheckRecord>) =>
      verdicts(new Map([...records].filter(([id]) => !needsMockHooks(inImage.get(id) as CheckRecord))));
    expect(comparable(inImage)).toEqual(comparable(inProcess));
    // Only the checks that hook into the mock's internals are left out, each naming why.
    expect([...inImage.values()].filter(needsMockHooks).map((r) => r.capabilityId)).toEqual([
      'auth.api-token.disabled',
      'auth.expiry.create-once',
      'auth.expiry.mid-session',
      'auth.expiry.race',
      'auth.oauth.sign-in',
      'auth.session.expiry',
      'auth.tokens.rejected',
      'bulk.rate-limit-storm',
      'protocol.utilities.cancellation',
    ]);
  }, 240_000);

  it('the legacy server image, through container:, gets the verdicts of the in-process legacy server', async () => {
    const ids = [...checks.values()]
      .filter((c) => ['identity', 'jira', 'bulk'].includes(c.capability.area))
      .map((c) => c.capability.id);
    const inImage = await run(resolveTarget('legacy-image', config), ids);
    const inProcess = await run(resolveTarget('legacy-mock', config), ids);
    expect(verdicts(inImage)).toEqual(verdicts(inProcess));
    for (const id of ['identity.user-info', 'jira.issue.parent', 'bulk.create.50'])
      expect(inImage.get(id), inImage.get(id)?.evidence).toMatchObject({ verdict: 'supported' });
    // As an HTTP server it has a transport to check, which the in-process legacy mock has not.
    const transport = await run(resolveTarget('legacy-image', config), ['protocol.transport.session-id']);
    expect(transport.get('protocol.transport.session-id')?.verdict).toBe('supported');
  }, 180_000);

  it("fails every check with the server's own words when it exits at start, starting it once", async () => {
    const result = await run(resolveTarget('legacy-unconfigured', config), [
      'identity.user-info',
      'jira.issue.parent',
    ]);
    for (const record of result.values()) {
      expect(record.verdict).toBe('failed');
      expect(record.evidence).toMatch(
        /ContainerStartError: the container exited with code 2 before http:\/\/127\.0\.0\.1:\d+\/mcp answered; its output ended with: .*ATLASSIAN_TOKEN_FILE is not set/,
      );
    }
    // The second check got the first one's failure instead of another container.
    expect(result.get('jira.issue.parent')?.evidence).toBe(result.get('identity.user-info')?.evidence);
  }, 60_000);

  it('never pulls: an image the runtime does not have fails the check and says how to get it', async () => {
    const result = await run(resolveTarget('not-built', config), ['identity.user-info']);
    expect(result.get('identity.user-info')).toMatchObject({ verdict: 'failed' });
    expect(result.get('identity.user-info')?.evidence).toMatch(
      /image localhost\/rovo-mcp-conformance-never-built:0 is not in the container runtime's store, and the harness never pulls/,
    );
  }, 30_000);
});
