import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { startMockProcess } from './mock-process.ts';
import { expect, it } from 'vitest';
import { z } from 'zod';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/rovo-mcp-conformance.js');

const MockLine = z.object({
  url: z.string().regex(/^http:\/\/127\.0\.0\.1:\d+\/v1\/mcp$/),
  cloudId: z.uuid(),
  site: z.string(),
  identities: z
    .array(z.object({ name: z.string(), email: z.string(), apiToken: z.string(), role: z.string() }))
    .min(4),
});

it('npm run mock --json prints one JSON line, serves MCP on loopback and stops cleanly on SIGTERM', async () => {
  const child = spawn(process.execPath, [BIN, 'mock', '--json'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const firstLine = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`mock exited early with ${code}`)));
  });
  const info = MockLine.parse(JSON.parse(firstLine));
  const member = info.identities.find((i) => i.name === 'member');
  const res = await fetch(info.url, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${member?.email}:${member?.apiToken}`).toString('base64')}`,
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
    },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: {
        protocolVersion: '2025-06-18',
        capabilities: {},
        clientInfo: { name: 'cli-test', version: '0' },
      },
    }),
  });
  expect(res.status).toBe(200);
  expect(await res.text()).toContain('atlassian-mcp-server');
  const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  expect(await exit).toBe(0);
}, 30_000);

it.each([
  [['run', '--bogus'], /Unknown option '--bogus'/],
  [['run', '--area', 'nope'], /unknown --area "nope"; areas are:/],
  [['run', '--target', 'nonsense'], /cannot resolve target "nonsense"/],
  [['mock', '--port', 'abc'], /--port must be a number/],
  [['mock', '--host', 'localhost'], /--host must be an IP address such as 127.0.0.1, got "localhost"/],
  [['mock', '--public-url', 'the host'], /--public-url must be an origin such as http:\/\/127.0.0.1:8080/],
  [
    ['mock', '--public-url', 'http://127.0.0.1:8080/v1'],
    /--public-url must be an http\(s\) origin without a path/,
  ],
  [['frobnicate'], /Unknown command "frobnicate"/],
])('%j is a usage error: exit 2 with a message that says what to fix', (args, message) => {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
  expect(result.status).toBe(2);
  expect(result.stderr).toMatch(message);
});

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

it('--help lists the commands', () => {
  const result = spawnSync(process.execPath, [BIN, '--help'], { cwd: ROOT, encoding: 'utf8' });
  expect(result.status).toBe(0);
  expect(result.stdout).toMatch(/run[\s\S]*mock[\s\S]*mutants/);
});
