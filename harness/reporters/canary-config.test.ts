import { catalogue } from '../catalogue/index.ts';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';
import { PACKAGE_ROOT } from '../../lib/paths.ts';
import { mainInProcess } from '../cli/in-process.ts';
import { BIN } from '../cli/mock-process.ts';
import { startHostile } from '../testing/hostile/http.ts';
import { hostileStdioCommand } from '../testing/hostile/stdio.ts';
import { base64Forms } from './canary.ts';
import { ConfigSchema } from '../config/schema.ts';
import { registerTargetSecrets } from '../config/expand.ts';
import { closeKinds } from '../kinds/index.ts';
import { resolveTarget } from '../kinds/resolve.ts';
import { storableRecord } from '../records/storable.ts';
import { mutantSettings } from '../scenario/mutants.ts';
import { runCheck } from '../scenario/run-check.ts';
import { loadAllChecks } from '../scenario/suites.ts';
import { writeAllureResults } from './allure/results.ts';
import { buildReports } from './build.ts';
import { reportRecords } from './capabilities.ts';
import { sampleHeader } from './sample-records.ts';

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

it('secrets from config headers (after ${VAR}) and Basic parts reach no byte the CLI writes, though the target echoes them', async () => {
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
          // It lists one made-up tool, so no dialect can be detected (exit 2): the config names one.
          dialect: 'rovo',
          headers: {
            authorization: 'Basic ${CANARY_BASIC}',
            'x-api-key': '${CANARY_HEADER}',
            'x-tenant-token': CANARY.headerLiteral,
          },
        },
      },
    }),
  );
  const reports = join(dir, 'reports');
  const { code, output } = await runCli(
    [
      'run',
      '--config',
      config,
      '--target',
      'echo',
      '--area',
      'protocol',
      '--allure-html',
      '--reports',
      reports,
    ],
    { ...process.env, CANARY_BASIC: BASIC, CANARY_HEADER: CANARY.headerVar, NO_COLOR: '1' },
  );
  // The run went through: both targets answered, and the echoes reached the records as [REDACTED].
  const protocol = catalogue().capabilities.filter((c) => c.area === 'protocol').length;
  expect(output, output).toMatch(new RegExp(`protocol +${protocol}/${protocol} checks`));
  expect(code === 0 || code === 1, output).toBe(true);
  const capabilities = readFileSync(join(reports, 'capabilities.json'), 'utf8');
  expect(capabilities).toContain('received headers:');
  expect(capabilities).toContain('[REDACTED]');

  const artifacts = files(reports);
  expect(artifacts.some((p) => p.endsWith('allure/index.html'))).toBe(true);
  expect(artifacts.some((p) => p.includes('allure-results'))).toBe(true);
  expectNoCanary([['the terminal', output], ...artifacts.map((p): [string, string] => [p, readable(p)])]);
}, 900_000);

it("a stdio target's env values (literal and ${VAR}) reach no artifact, though the server echoes its environment", async () => {
  process.env.HB_CANARY_ENV = CANARY.envVar;
  const target = resolveTarget(
    'echo-stdio',
    ConfigSchema.parse({
      targets: {
        'echo-stdio': {
          kind: 'stdio',
          command: hostileStdioCommand('echoes-headers'),
          env: { UPSTREAM_TOKEN: '${HB_CANARY_ENV}', UPSTREAM_PASSWORD: CANARY.envLiteral },
        },
      },
    }),
  );
  delete process.env.HB_CANARY_ENV;
  registerTargetSecrets(target);
  const settings = { ...mutantSettings(), targets: [target] };
  const checks = await loadAllChecks();
  const records = [];
  for (const id of ['protocol.tools.invalid-cursor', 'protocol.utilities.ping']) {
    const check = checks.get(id);
    if (!check) throw new Error(`no check ${id}`);
    records.push(storableRecord(await runCheck({ check, target, settings })));
  }
  await closeKinds();
  expect(JSON.stringify(records)).toContain('received headers:');
  const dir = mkdtempSync(join(tmpdir(), 'canary-env-'));
  writeAllureResults(records, join(dir, 'allure-results'));
  const built = buildReports(dir, { header: sampleHeader([target.name]), records: reportRecords(records) });
  expect(built.problems).toEqual([]);
  expectNoCanary(files(dir).map((p): [string, string] => [p, readable(p)]));
}, 300_000);

function expectNoCanary(texts: [string, string][]): void {
  for (const [where, text] of texts)
    for (const needle of NEEDLES) expect(text.includes(needle), `${needle} in ${where}`).toBe(false);
}

it.each([
  ['not set', undefined],
  ['empty', ''],
])(
  'a header naming a variable that is %s is exit 2 naming the field and the variable, before anything runs or is written',
  async (state, value) => {
    const dir = mkdtempSync(join(tmpdir(), 'unset-var-'));
    const config = join(dir, 'conformance.config.json');
    writeFileSync(
      config,
      JSON.stringify({
        targets: {
          api: {
            kind: 'http',
            url: 'http://127.0.0.1:9/mcp',
            headers: { authorization: 'Bearer ${HB_UNSET_TOKEN}' },
          },
        },
      }),
    );
    // main() in this process: the exit code and message are what is asserted, not a process.
    vi.stubEnv('NO_COLOR', '1');
    vi.stubEnv('HB_UNSET_TOKEN', value);
    const { status, stdout, stderr } = await mainInProcess(
      'run',
      '--config',
      config,
      '--target',
      'api',
      '--reports',
      join(dir, 'reports'),
    );
    const output = `${stdout}\n${stderr}`;
    expect(status, output).toBe(2);
    expect(output).toContain(`targets.api.headers.authorization uses \${HB_UNSET_TOKEN}, which is ${state}`);
    expect(output).not.toMatch(/rovo-mcp-conformance: run /);
    expect(readdirSync(dir)).toEqual(['conformance.config.json']);
  },
  180_000,
);
