import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeCloud } from '../../mocks/cloud.ts';
import type { TargetSpec } from '../targets/spec.ts';
import { liveConfig, mainCredentials } from './env.ts';
import { preflight, PreflightError, type PreflightCheck } from './preflight.ts';
import { liveTestSite } from './test-site.ts';

let site: Awaited<ReturnType<typeof liveTestSite>>;
beforeAll(async () => {
  site = await liveTestSite();
});
afterAll(() => site.close());

function run(env: Record<string, string>, writes = false, dialect: TargetSpec['dialect'] = 'rovo') {
  const target: TargetSpec = {
    name: 'rovo-live',
    kind: 'rovo-live',
    dialect,
    url: env.ROVO_MCP_URL,
    reason: 'test',
  };
  const config = liveConfig(env.ROVO_MCP_URL ?? '', env);
  return preflight(target, config, {
    writes,
    requestTimeoutMs: 10_000,
    credentials: mainCredentials(config),
  });
}

/** Runs preflight with one thing broken and returns which check failed and what it said. */
async function failure(env: Record<string, string>, writes = false, breakSite?: (cloud: FakeCloud) => void) {
  breakSite?.(site.cloud);
  try {
    await run(env, writes);
  } catch (error) {
    if (error instanceof PreflightError) return { check: error.check, message: error.message };
    throw error;
  } finally {
    site.cloud.auth.apiToken.enabled = true;
    site.cloud.auth.ipAllowlist = 'allows-caller';
  }
  throw new Error('preflight passed');
}

it('passes on a healthy site, resolving the cloudId from the host and the sandbox space id', async () => {
  const found = await run(site.env('admin'), true);
  expect(found).toMatchObject({ cloudId: site.cloud.store.site.cloudId, host: site.cloud.store.site.host });
  expect(found.sandboxSpaceId).toBe(site.cloud.store.spaceByIdOrKey('SBX')?.id);
  expect(found.notes).toEqual([]);
});

it('detects v2 at ROVO_MCP_URL=/v2/mcp from tools/list and reads the site through the v2 dialect', async () => {
  const env = {
    ...site.env('admin'),
    ROVO_MCP_URL: site.env('admin').ROVO_MCP_URL?.replace('/v1/mcp', '/v2/mcp') ?? '',
  };
  const found = await run(env, true, 'auto');
  expect(found).toMatchObject({ cloudId: site.cloud.store.site.cloudId, host: site.cloud.store.site.host });
  expect(found.sandboxSpaceId).toBe(site.cloud.store.spaceByIdOrKey('SBX')?.id);
});

it('notes that teardown will close rather than delete when the account may not delete issues', async () => {
  const found = await run(site.env('member'), true);
  expect(found.notes.join()).toMatch(
    /may not delete issues in SBX: teardown will move them to done and label them/,
  );
});

describe('each failure is named with what to do', () => {
  const cases: [string, () => Parameters<typeof failure>, PreflightCheck, RegExp][] = [
    [
      'bad credentials',
      () => [{ ...site.env(), ATLASSIAN_API_TOKEN: 'not-the-token' }],
      'credentials',
      /as Rovo does for a Basic credential that is no API token of the site; check ATLASSIAN_EMAIL and ATLASSIAN_API_TOKEN/,
    ],
    [
      'API-token auth not enabled by the admin',
      () => [site.env(), false, (c) => (c.auth.apiToken.enabled = false)],
      'api-token-disabled',
      /not enabled for the Rovo MCP server.*Rovo MCP server → Authentication/,
    ],
    [
      'IP not allowed',
      () => [site.env(), false, (c) => (c.auth.ipAllowlist = 'blocks-caller')],
      'ip-blocked',
      /IP address is not allowed.*IP allowlist/,
    ],
    [
      'a site the credentials do not reach',
      () => [{ ...site.env(), ATLASSIAN_SITE: 'elsewhere.atlassian.net' }],
      'site',
      /elsewhere\.atlassian\.net is not among the sites these credentials reach \(acme-conformance/,
    ],
    [
      'sandbox project missing',
      () => [{ ...site.env(), ATLASSIAN_SANDBOX_PROJECT: 'NOPE' }],
      'sandbox-project',
      /ATLASSIAN_SANDBOX_PROJECT NOPE does not exist or this account cannot browse it/,
    ],
    [
      'sandbox space missing',
      () => [{ ...site.env(), ATLASSIAN_SANDBOX_SPACE: 'NOPE' }],
      'sandbox-space',
      /ATLASSIAN_SANDBOX_SPACE NOPE does not exist/,
    ],
    [
      'no create permission in the sandbox',
      () => [site.env('viewer'), true],
      'create-permission',
      /may not create issues in SBX; grant it "Create issues"/,
    ],
    [
      'a writing run without a sandbox',
      () => [{ ...site.env(), ATLASSIAN_SANDBOX_SPACE: '' }, true],
      'sandbox-space',
      /a run that writes needs ATLASSIAN_SANDBOX_SPACE/,
    ],
  ];
  it.each(cases)('%s', async (_name, args, check, message) => {
    const got = await failure(...args());
    expect(got.check).toBe(check);
    expect(got.message).toMatch(message);
    expect(got.message).not.toContain(site.user('admin').apiToken);
  });
});

it('the viewer may run read-only: no create permission is needed without writes', async () => {
  await expect(run(site.env('viewer'))).resolves.toMatchObject({ host: site.cloud.store.site.host });
});
