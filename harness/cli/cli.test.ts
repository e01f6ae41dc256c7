import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { z } from 'zod';
import { HttpProbe } from '../connect/probe.ts';
import { basicHeader } from '../targets/identities.ts';
import { mainInProcess } from './in-process.ts';
import { BIN, startMockProcess } from './mock-process.ts';
import { PACKAGE_ROOT } from '../../lib/paths.ts';

it('npm run mock --json prints one JSON line, serves MCP on loopback and stops cleanly on SIGTERM', async () => {
  const mock = await startMockProcess();
  const { info } = mock;
  expect(info.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1\/mcp$/);
  expect(info.identities.map((i) => i.name)).toEqual(
    expect.arrayContaining(['admin', 'member', 'viewer', 'outsider']),
  );
  const member = info.identities.find((i) => i.name === 'member');
  if (!member) throw new Error('the mock names no member');
  const probe = new HttpProbe(
    new URL(info.url),
    { authorization: basicHeader({ kind: 'basic', email: member.email, apiToken: member.apiToken }) },
    AbortSignal.timeout(10_000),
  );
  const answer = await probe.initialize();
  expect(answer.status).toBe(200);
  expect(answer.messages[0]).toMatchObject({ result: { serverInfo: { name: 'atlassian-mcp-server' } } });
  const exit = new Promise<number | null>((resolve) => mock.child.once('exit', resolve));
  mock.child.kill('SIGTERM');
  expect(await exit).toBe(0);
}, 30_000);

it.each([
  [['run', '--bogus'], /unknown flag --bogus for run; it takes --target, /],
  [['run', '--area', 'nope'], /unknown --area "nope"; the choices are: auth, bulk, /],
  [
    ['run', '--read-only', '--allow-writes'],
    /--read-only and --allow-writes contradict each other; pass one/,
  ],
  [['check', '--target', 'rovo-mock'], /give exactly one of --requirements <file> and --derive-from <t>/],
  [['run', '--target', 'nonsense'], /cannot resolve target "nonsense"/],
  [['mock', '--port', 'abc'], /--port must be a number/],
  [['mock', '--host', 'localhost'], /--host must be an IP address such as 127.0.0.1, got "localhost"/],
  [['mock', '--public-url', 'the host'], /--public-url must be an origin such as http:\/\/127.0.0.1:8080/],
  [
    ['mock', '--public-url', 'http://127.0.0.1:8080/v1'],
    /--public-url must be an http\(s\) origin without a path/,
  ],
  [['frobnicate'], /Unknown command "frobnicate"/],
])('%j is a usage error: exit 2 with a message that says what to fix', async (args, message) => {
  // main() in this process: what is asserted is its exit code and message, not the process around
  // it (the --derive-from test below runs bin/ to exit 2 as its own process).
  const result = await mainInProcess(...args);
  expect(result.status).toBe(2);
  expect(result.stderr).toMatch(message);
});

it('check --derive-from a server that cannot start ends by itself with exit 2, naming its first error', () => {
  // The loopback site the legacy target opened is closed on the error path: without it the process
  // never ends. The spawn's timeout only bounds the test; the command must end well before it.
  const broken = `stdio:node -e "console.error('starting'); throw new TypeError('boom at start')"`;
  const result = spawnSync(
    process.execPath,
    [BIN, 'check', '--target', 'rovo-mock', '--derive-from', broken],
    {
      cwd: PACKAGE_ROOT,
      encoding: 'utf8',
      timeout: 110_000,
    },
  );
  expect(result.signal).toBeNull();
  expect(result.status).toBe(2);
  expect(result.stderr).toMatch(/cannot list its tools .*its first error: TypeError: boom at start/);
}, 120_000);

it('--public-url is the origin the OAuth metadata and the printed URL name, not the bound one', async () => {
  // What a published container port looks like from outside: the mock binds one port, clients use another.
  await using mock = await startMockProcess(['--public-url', 'http://127.0.0.1:18080']);
  expect(mock.info.url).toBe('http://127.0.0.1:18080/v1/mcp');
  expect(mock.info.listening).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  const prm = z
    .object({ resource: z.string(), authorization_servers: z.array(z.string()) })
    .parse(await (await fetch(`${mock.info.listening}/.well-known/oauth-protected-resource/v1/mcp`)).json());
  expect(prm.resource).toBe('http://127.0.0.1:18080/v1/mcp');
  expect(prm.authorization_servers.every((s) => s.startsWith('http://127.0.0.1:18080/'))).toBe(true);
}, 30_000);

it('--help lists the commands', async () => {
  const result = await mainInProcess('--help');
  expect(result.status).toBe(0);
  expect(result.stdout).toMatch(/run[\s\S]*mock[\s\S]*mutants/);
});

it('an error message quoting a target is bounded and masks credentials, whichever command raised it', async () => {
  const token = `ATATT${'x1'.repeat(12)}`;
  const { status, stderr } = await mainInProcess('run', '--target', `${token}-${'n'.repeat(20_000)}`);
  expect(status).toBe(2);
  expect(stderr).not.toContain(token);
  expect(stderr.length).toBeLessThan(5_000);
});
