import { afterAll, expect, it } from 'vitest';
import { FakeCloud } from '../../mocks/cloud.ts';
import { serveOnLoopback } from '../../mocks/mounts/loopback.ts';
import { ConfigSchema } from '../config/schema.ts';
import { mutantSettings } from '../scenario/mutants.ts';
import { runCheck } from '../scenario/run-check.ts';
import { loadAllChecks } from '../scenario/suites.ts';
import { basicHeader } from '../targets/identities.ts';
import { resolveTarget } from './resolve.ts';

const cloud = new FakeCloud();
const mount = await serveOnLoopback(cloud);
const checks = await loadAllChecks();

afterAll(async () => {
  await mount.close();
  await cloud.close();
});

it('runs checks against a server that fronts the fixture site, the dialect read from tools/list', async () => {
  const config = ConfigSchema.parse({
    targets: { local: { kind: 'http', url: `${mount.origin}/v1/mcp`, site: 'fixture' } },
  });
  const target = resolveTarget('local', config);
  expect(target.dialect).toBe('auto');
  const settings = { ...mutantSettings(), runId: 'http-test', targets: [target] };
  for (const id of ['identity.user-info', 'jira.epic.create']) {
    const check = checks.get(id);
    if (!check) throw new Error(`no check for ${id}`);
    const record = await runCheck({ check, target, settings });
    expect(record, record.evidence).toMatchObject({ verdict: 'supported', target: 'local' });
    expect(record.requests).toBeGreaterThan(1);
  }
  // The checks wrote to the server's own site, which the harness neither resets nor inspects.
  expect([...cloud.store.issues.values()].some((i) => i.summary.startsWith('Epic check'))).toBe(true);
});

it('a bare http: URL knows nothing of its site: a check that needs the cloudId is not-testable, naming it', async () => {
  const member = cloud.store.userByHandle('member');
  const authorization = basicHeader({
    kind: 'basic',
    email: member?.email ?? '',
    apiToken: member?.apiToken ?? '',
  });
  const target = {
    ...resolveTarget(`http:${mount.origin}/v1/mcp`, ConfigSchema.parse({})),
    headers: { authorization },
  };
  const settings = { ...mutantSettings(), runId: 'http-test', targets: [target] };
  const check = checks.get('jira.projects.visible');
  if (!check) throw new Error('no check for jira.projects.visible');
  const record = await runCheck({ check, target, settings });
  expect(record.verdict).toBe('not-testable');
  expect(record.prerequisite).toMatch(/cloudId|sandbox/);
});
