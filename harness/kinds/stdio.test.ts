import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigSchema } from '../config/schema.ts';
import type { Verdict } from '../records/schema.ts';
import { mutantSettings } from '../scenario/mutants.ts';
import { runCheck } from '../scenario/run-check.ts';
import { loadAllChecks } from '../scenario/suites.ts';
import type { RunSettings } from '../config/settings.ts';
import { closeWorkerCloud } from './worker-cloud.ts';
import { resolveTarget } from './resolve.ts';
import { splitCommandLine } from './stdio.ts';
import { expandEnv } from './stdio-env.ts';
import type { TargetSpec } from '../targets/spec.ts';
import { PACKAGE_ROOT } from '../../lib/paths.ts';

/** The reference server as one archived JavaScript file, the way a team keeps its retired server. */
const ARCHIVED = join(PACKAGE_ROOT, '.tmp/stdio-test/legacy-jira-mcp.mjs');

/** How a team maps the harness's CONFORMANCE_* values onto its server's own settings. */
const LEGACY_ENV = {
  ATLASSIAN_TOKEN_FILE: '${CONFORMANCE_TOKEN_FILE}',
  ATLASSIAN_CLIENT_ID: '${CONFORMANCE_OAUTH_CLIENT_ID}',
  ATLASSIAN_CLIENT_SECRET: '${CONFORMANCE_OAUTH_CLIENT_SECRET}',
  JIRA_CLOUD_ID: '${CONFORMANCE_CLOUD_ID}',
  JIRA_SITE_URL: '${CONFORMANCE_SITE_URL}',
};

const config = ConfigSchema.parse({
  targets: {
    // Unmodified: the preload sends its calls to https://api.atlassian.com into the fake site.
    'legacy-stdio': { kind: 'stdio', command: `node ${ARCHIVED}`, env: LEGACY_ENV },
    // Pointed at the fake site through its base-URL settings, as a server in another language would be.
    'legacy-base-url': {
      kind: 'stdio',
      command: `node ${ARCHIVED}`,
      env: {
        ...LEGACY_ENV,
        ATLASSIAN_API_URL: '${CONFORMANCE_ATLASSIAN_URL}',
        ATLASSIAN_AUTH_URL: '${CONFORMANCE_ATLASSIAN_URL}',
      },
    },
    'legacy-unconfigured': { kind: 'stdio', command: `node ${ARCHIVED}` },
    // Credentials from a file at a fixed relative path, written from a template into a fresh copy of cwd.
    'legacy-files': {
      kind: 'stdio',
      command: 'node legacy-jira-mcp.mjs',
      cwd: '.tmp/stdio-test',
      cwdCopy: true,
      files: {
        'secrets/token.json': '${CONFORMANCE_TOKEN_JSON}',
        '~/.legacy/site': '${CONFORMANCE_SITE_NAME}',
      },
      env: { ...LEGACY_ENV, ATLASSIAN_TOKEN_FILE: 'secrets/token.json' },
    },
    // Logs to stderr, states its error once, then a long stack: the message must not be lost.
    'noisy-crash': {
      kind: 'stdio',
      command: `node -e "for (let i = 0; i < 50; i++) console.error('log ' + i); console.error('TypeError: cannot read token.cloudId'); for (let i = 0; i < 30; i++) console.error('    at frame ' + i); process.exit(1)"`,
    },
    'legacy-typo': {
      kind: 'stdio',
      command: `node ${ARCHIVED}`,
      env: { JIRA_CLOUD_ID: '${CONFORMANCE_CLUD_ID}' },
    },
  },
});

const settings = (target: TargetSpec): RunSettings => ({
  ...mutantSettings(),
  runId: 'stdio-test',
  targets: [target],
});

const LEGACY_MOCK = resolveTarget('legacy-mock', config);
const checks = await loadAllChecks();

async function verdicts(target: TargetSpec, ids: readonly string[]) {
  const out = new Map<string, { verdict: Verdict; evidence: string }>();
  for (const id of ids) {
    const check = checks.get(id);
    if (!check) throw new Error(`no check for ${id}`);
    const record = await runCheck({
      check,
      target,
      settings: settings(target),
    });
    out.set(id, { verdict: record.verdict, evidence: record.evidence });
  }
  return out;
}

beforeAll(async () => {
  await build({
    entryPoints: [join(PACKAGE_ROOT, 'mocks/mounts/legacy-process.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: ARCHIVED,
    logLevel: 'error',
  });
});

afterAll(async () => {
  await closeWorkerCloud();
});

describe('a legacy server spawned through stdio:, the fake site behind it on loopback', () => {
  it('runs the identity and Jira suites with the same verdicts as the in-process legacy mock', async () => {
    const ids = [...checks.values()]
      .filter((c) => c.capability.area === 'identity' || c.capability.area === 'jira')
      .map((c) => c.capability.id);
    const spawned = await verdicts(resolveTarget('legacy-stdio', config), ids);
    const inProcess = await verdicts(LEGACY_MOCK, ids);
    const summary = (m: typeof spawned) => Object.fromEntries([...m].map(([id, r]) => [id, r.verdict]));
    expect(summary(spawned)).toEqual(summary(inProcess));
    // The dialect was detected from tools/list, and the Jira work the legacy tools can do was done.
    for (const id of [
      'identity.user-info',
      'jira.issue.parent',
      'jira.search.jql',
      'jira.metadata.issue-types',
    ])
      expect(spawned.get(id), `${id}: ${spawned.get(id)?.evidence}`).toMatchObject({ verdict: 'supported' });
    expect(spawned.get('jira.search.paging')?.evidence).toMatch(/no page token/);
    expect([...spawned.values()].filter((r) => r.verdict === 'not-testable')).toEqual([]);
  }, 240_000);

  it('works with the server pointed at the fake site through its base-URL settings instead', async () => {
    const result = await verdicts(resolveTarget('legacy-base-url', config), [
      'identity.user-info',
      'jira.issue.parent',
    ]);
    expect([...result.values()].map((r) => r.verdict)).toEqual(['supported', 'supported']);
  }, 60_000);

  it("fails a check with the server's own words when it cannot start", async () => {
    const result = await verdicts(resolveTarget('legacy-unconfigured', config), ['identity.user-info']);
    expect(result.get('identity.user-info')).toMatchObject({ verdict: 'failed' });
    expect(result.get('identity.user-info')?.evidence).toMatch(
      /cannot connect to legacy-unconfigured: .*its stderr ended with: .*ATLASSIAN_TOKEN_FILE is not set/,
    );
  }, 30_000);

  it('runs a server that reads its credentials from a relative file, in a temporary copy of its folder', async () => {
    const result = await verdicts(resolveTarget('legacy-files', config), ['identity.user-info']);
    expect(result.get('identity.user-info'), result.get('identity.user-info')?.evidence).toMatchObject({
      verdict: 'supported',
    });
    // Written into the copy, never into the folder the config names.
    expect(existsSync(join(PACKAGE_ROOT, '.tmp/stdio-test/secrets'))).toBe(false);
  }, 60_000);

  it('shows the first error line and the last lines of stderr, bounded, when a server cannot start', async () => {
    const result = await verdicts(resolveTarget('noisy-crash', config), ['identity.user-info']);
    const evidence = result.get('identity.user-info')?.evidence ?? '';
    expect(evidence).toMatch(
      /its first error: TypeError: cannot read token\.cloudId; its stderr ended with: .*at frame 29/,
    );
    expect(evidence).not.toMatch(/log 3/);
  }, 30_000);

  it('refuses a file path that would land outside a temporary copy', () => {
    const bad = (files: Record<string, string>, cwdCopy?: boolean) =>
      ConfigSchema.safeParse({
        targets: { t: { kind: 'stdio', command: 'x', files, ...(cwdCopy ? { cwdCopy } : {}) } },
      });
    expect(bad({ 'token.json': 'x' }).error?.message).toMatch(/set \\"cwdCopy\\": true/);
    expect(bad({ '/etc/token.json': 'x' }, true).error?.message).toMatch(
      /relative to the server's working directory/,
    );
    expect(bad({ '~/../x': 'x' }, true).error?.message).toMatch(/may not leave its folder/);
    expect(bad({ '~/.config/x.json': 'x' }).success).toBe(true);
  });

  it('refuses, before anything runs, an env value naming a variable no one sets', () => {
    expect(() => resolveTarget('legacy-typo', config)).toThrow(
      /targets\.legacy-typo\.env\.JIRA_CLOUD_ID uses \$\{CONFORMANCE_CLUD_ID\}, which is not set; use one of CONFORMANCE_ATLASSIAN_URL/,
    );
  });
});

it.each([
  ['node server.js --flag', ['node', 'server.js', '--flag']],
  [`node "my server.js" --name 'a b'`, ['node', 'my server.js', '--name', 'a b']],
  ['  npx   tsx  main.ts ', ['npx', 'tsx', 'main.ts']],
])('splits %j without a shell', (line, words) => {
  expect(splitCommandLine(line)).toEqual(words);
});

it('expands ${VAR} from the given variables and leaves other text alone', () => {
  expect(expandEnv('t', { A: 'x-${B}-$C' }, { B: 'b' })).toEqual({ A: 'x-b-$C' });
});
