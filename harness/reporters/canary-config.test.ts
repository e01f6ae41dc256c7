import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../lib/paths.ts';
import { BIN } from '../cli/mock-process.ts';
import { startHostile } from '../testing/hostile/http.ts';
import { hostileStdioCommand } from '../testing/hostile/stdio.ts';
import { base64Forms } from './canary.ts';

/** One canary per place a secret can enter a run from the configuration (issue 14). */
const CANARY = {
  /** The token inside a Basic header value given as `Basic ${VAR}`. */
  basicToken: 'cfgBasicTok3nCanary41',
  /** A header value given whole as `${VAR}`. */
  headerVar: 'cfgHeaderVarCanary52',
  /** A literal header value under a secret-sounding name. */
  headerLiteral: 'cfgHeaderLiteralCanary63',
  /** A stdio target's env value given as `${VAR}`. */
  envVar: 'cfgEnvVarCanary74',
  /** A stdio target's literal env value. */
  envLiteral: 'cfgEnvLiteralCanary85',
} as const;

const BASIC = Buffer.from(`canary@example.com:${CANARY.basicToken}`).toString('base64');
const NEEDLES = [...Object.values(CANARY).flatMap((c) => [c, ...base64Forms(c)]), BASIC];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** The text of a file, plus the base64 payloads the single-file Allure report embeds, decoded. */
function readable(path: string): string {
  const text = readFileSync(path, 'utf8');
  const embedded = [...text.matchAll(/\bd\("[^"]+","([A-Za-z0-9+/=]+)"\)/g)].map((m) =>
    Buffer.from(m[1] ?? '', 'base64').toString('utf8'),
  );
  return [text, ...embedded].join('\n');
}

function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: PACKAGE_ROOT, env });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
}

it('secrets from config headers (after ${VAR}), Basic parts and stdio env reach no written byte, though the target echoes them', async () => {
  await using server = await startHostile('echoes-headers');
  const dir = mkdtempSync(join(tmpdir(), 'canary-config-'));
  const config = join(dir, 'conformance.config.json');
  writeFileSync(
    config,
    JSON.stringify({
      targets: {
        echo: {
          kind: 'http',
          url: server.url,
          headers: {
            authorization: 'Basic ${CANARY_BASIC}',
            'x-api-key': '${CANARY_HEADER}',
            'x-tenant-token': CANARY.headerLiteral,
          },
        },
        'echo-stdio': {
          kind: 'stdio',
          command: hostileStdioCommand('echoes-headers'),
          env: { UPSTREAM_TOKEN: '${CANARY_ENV}', UPSTREAM_PASSWORD: CANARY.envLiteral },
        },
      },
    }),
  );
  const reports = join(dir, 'reports');
  const { code, output } = await runCli(
    ['run', '--config', config, '--target', 'echo', '--target', 'echo-stdio', '--area', 'protocol', '--reports', reports],
    {
      ...process.env,
      CANARY_BASIC: BASIC,
      CANARY_HEADER: CANARY.headerVar,
      CANARY_ENV: CANARY.envVar,
      NO_COLOR: '1',
    },
  );
  // The run went through: both targets answered, and the echoes reached the records as [REDACTED].
  expect(output, output).toMatch(/protocol +34\/34 checks/);
  expect(code === 0 || code === 1, output).toBe(true);
  const capabilities = readFileSync(join(reports, 'capabilities.json'), 'utf8');
  expect(capabilities).toContain('received headers:');
  expect(capabilities).toContain('[REDACTED]');

  const artifacts = files(reports);
  expect(artifacts.some((p) => p.endsWith('allure/index.html'))).toBe(true);
  expect(artifacts.some((p) => p.includes('allure-results'))).toBe(true);
  for (const [where, text] of [['the terminal', output], ...artifacts.map((p) => [p, readable(p)])])
    for (const needle of NEEDLES) expect(text?.includes(needle), `${needle} in ${where}`).toBe(false);
}, 600_000);

it.each([
  ['not set', undefined],
  ['empty', ''],
])('a header naming a variable that is %s is exit 2 naming the field and the variable, before anything runs or is written', async (state, value) => {
  const dir = mkdtempSync(join(tmpdir(), 'unset-var-'));
  const config = join(dir, 'conformance.config.json');
  writeFileSync(
    config,
    JSON.stringify({
      targets: { api: { kind: 'http', url: 'http://127.0.0.1:9/mcp', headers: { authorization: 'Bearer ${HB_UNSET_TOKEN}' } } },
    }),
  );
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.HB_UNSET_TOKEN;
  if (value !== undefined) env.HB_UNSET_TOKEN = value;
  const { code, output } = await runCli(
    ['run', '--config', config, '--target', 'api', '--reports', join(dir, 'reports')],
    env,
  );
  expect(code, output).toBe(2);
  expect(output).toContain(`targets.api.headers.authorization uses \${HB_UNSET_TOKEN}, which is ${state}`);
  expect(output).not.toMatch(/rovo-mcp-conformance: run /);
  expect(readdirSync(dir)).toEqual(['conformance.config.json']);
}, 60_000);
