import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { FakeCloud } from '../../mocks/cloud.ts';
import { type LoopbackMount, serveOnLoopback } from '../../mocks/mounts/loopback.ts';
import { catalogue } from '../catalogue/index.ts';
import { kinds } from '../kinds/index.ts';
import { MUTANT_TARGET, mutantSettings } from '../scenario/mutants.ts';
import { runCheck } from '../scenario/run-check.ts';
import { loadAllChecks } from '../scenario/suites.ts';
import { basicHeader } from '../targets/identities.ts';
import { closeWorkerCloud } from '../kinds/worker-cloud.ts';
import type { TargetSpec } from '../targets/spec.ts';

const checks = await loadAllChecks();
const PROTOCOL = catalogue()
  .capabilities.filter((c) => c.area === 'protocol')
  .map((c) => c.id);
/** Checks that need the in-process mock's hooks, so an http: target cannot run them. */
const MOCK_ONLY = ['protocol.utilities.cancellation'];
/** Checks that reach a tool error through the dialect's verbs, so they need the site behind the target. */
const SITE_ONLY = ['protocol.tools.error-flag'];

let cloud: FakeCloud;
let mount: LoopbackMount;
let target: TargetSpec;

beforeAll(async () => {
  // A rovo-mock check first, so msw is mounted in this worker as it is in a side-by-side run.
  expect((await run('protocol.utilities.ping', MUTANT_TARGET)).verdict).toBe('supported');
  cloud = new FakeCloud();
  mount = await serveOnLoopback(cloud);
  const member = cloud.store.userByHandle('member');
  if (!member) throw new Error('the fixture site has no member');
  target = {
    name: `http:${mount.origin}/v1/mcp`,
    kind: 'http',
    dialect: 'auto',
    url: `${mount.origin}/v1/mcp`,
    headers: {
      authorization: basicHeader({ kind: 'basic', email: member.email, apiToken: member.apiToken }),
    },
    reason: 'the Rovo mock served on loopback, as npm run mock does',
  };
});

afterAll(async () => {
  await mount.close();
  await cloud.close();
  await closeWorkerCloud();
});

function run(id: string, on: TargetSpec) {
  const check = checks.get(id);
  if (!check) throw new Error(`${id} has no check`);
  return runCheck({
    check,
    target: on,
    settings: mutantSettings(),
  });
}

it.each(PROTOCOL.filter((id) => !MOCK_ONLY.includes(id) && !SITE_ONLY.includes(id)))(
  '%s runs against an http: target on loopback',
  async (id) => {
    const record = await run(id, target);
    expect(record.verdict, record.evidence).not.toBe('failed');
    expect(record.verdict, record.evidence).not.toBe('not-testable');
  },
);

it.each(MOCK_ONLY)('%s is not-testable on an http: target, naming the hook it lacks', async (id) => {
  const record = await run(id, target);
  expect(record.verdict).toBe('not-testable');
  expect(record.prerequisite).toMatch(/needs a mock target/);
});

it.each(SITE_ONLY)('%s is not-testable on a bare http: target, naming the site it lacks', async (id) => {
  const record = await run(id, target);
  expect(record.verdict).toBe('not-testable');
  expect(record.prerequisite).toMatch(/cloudId of the site/);
});

it('a transport check on a target without an HTTP endpoint is not-testable, naming the prerequisite', async () => {
  // A stand-in setup: stdio targets are tested elsewhere; this one only has to lack a URL.
  const site = {
    cloudId: '',
    host: '',
    sandboxProject: '',
    sandboxSpace: '',
    identities: { member: { kind: 'none' as const } },
  };
  vi.spyOn(kinds.stdio, 'setup').mockResolvedValue({ site, connect: {} });
  const stdio: TargetSpec = {
    name: 'stdio:node server.js',
    kind: 'stdio',
    dialect: 'auto',
    command: 'node server.js',
    reason: 'test',
  };
  const record = await run('protocol.transport.session-id', stdio);
  expect(record.verdict).toBe('not-testable');
  expect(record.prerequisite).toMatch(
    /an HTTP MCP endpoint to probe \(stdio targets are reached without one\)/,
  );
});
