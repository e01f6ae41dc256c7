import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../lib/paths.ts';

// Every command starts in the CLI's own process: it parses flags and resolves target names there,
// and whatever that loads is paid by every run (it was most of a mock run's CPU and memory). Setup
// code loads with the first check and a command's implementation only when it runs.
const HEAVY = [
  /node_modules\/(msw|@mswjs|vitest|vite|testcontainers|esbuild|allure[a-z-]*)\//,
  /node_modules\/@modelcontextprotocol\/sdk\/dist\/esm\/(client|server|types\.js)/,
  /\/mocks\/(cloud\.ts|rovo\/|mounts\/msw|legacy\/server|atlassian\/(store|rest|jira|confluence|search|seed)\b)/,
  // A user's dialect file is checked when its target resolves: its zod schema and reader are light.
  /\/harness\/(connect\/(session|http-transport)|drivers(?!\/mapped\/(user-file|schema)\.ts$)|scenario|reporters|live\/preflight)\b/,
  /\/harness\/cli\/[a-z-]+\.impl\.ts$/,
];

const at = (path: string) => JSON.stringify(pathToFileURL(`${PACKAGE_ROOT}/${path}`).href);

/** The modules a fresh process loads running `body` (a module script with `main` and `at`). */
function loadedBy(body: string): string[] {
  const script = `
    import { register } from 'tsx/esm/api';
    const loaded = [];
    register({ onImport: (url) => void loaded.push(url) });
    const { main } = await import(${at('harness/cli/main.ts')});
    ${body}
    process.stdout.write(JSON.stringify(loaded));
  `;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: PACKAGE_ROOT,
    encoding: 'utf8',
    env: { ...process.env, ROVO_MCP_URL: '' },
  });
  expect(child.stderr).toBe('');
  return JSON.parse(child.stdout) as string[];
}

/** The modules a fresh process loads to print `--help` and to resolve one target of every kind. */
function loadedAtStart(): string[] {
  return loadedBy(`
    const { buildSettings } = await import(${at('harness/kinds/resolve.ts')});
    console.log = () => undefined;
    await main(['--help']);
    await main(['run', '--help']);
    buildSettings({ targets: ['rovo-mock', 'legacy-mock', 'rovo-live', 'http:http://127.0.0.1:9/mcp', 'stdio:node server.js', 'container:localhost/server:1'] });
  `);
}

it('--help and target resolution load no fake site, msw, MCP SDK, test runner or command implementation', () => {
  const loaded = loadedAtStart();
  expect(loaded.some((url) => url.endsWith('/harness/kinds/index.ts'))).toBe(true);
  expect(loaded.filter((url) => HEAVY.some((pattern) => pattern.test(url)))).toEqual([]);
});

it("run's own process loads no fake site: the mock's figures are cached, its checks run in the worker", () => {
  const loaded = loadedBy(`await import(${at('harness/cli/run.impl.ts')});`);
  expect(loaded.some((url) => url.endsWith('/harness/cli/run.impl.ts'))).toBe(true);
  const site =
    /\/mocks\/(cloud\.ts|rovo\/(tools|v2|server|http)\b|legacy\/server|atlassian\/(store|rest|jira|confluence|search|seed)\b)/;
  expect(loaded.filter((url) => site.test(url) || HEAVY[1]?.test(url))).toEqual([]);
});
