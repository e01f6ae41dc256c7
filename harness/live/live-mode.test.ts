import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readOnlyOf } from '../cli/live-run.ts';
import { ledgerFiles, readLedger } from './ledger.ts';
import { liveTestSite } from './test-site.ts';

/**
 * Live mode end to end, as a separate process against the fake site on loopback: the same code as
 * against Atlassian, only ROVO_MCP_URL and ATLASSIAN_API_URL differ.
 */
const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/rovo-mcp-conformance.js');

// Canary tokens: valid for the fake site, shaped like nothing the pattern redaction knows.
const CANARIES = {
  member: 'cnry-member-7f3a9c2e5b1d4f60',
  viewer: 'cnry-viewer-2b8e6d4a9c1f3e57',
  admin: 'cnry-admin-5d1c8f2a7e3b9046',
};

let site: Awaited<ReturnType<typeof liveTestSite>>;
beforeAll(async () => {
  site = await liveTestSite((cloud) => {
    for (const [handle, token] of Object.entries(CANARIES)) {
      const user = cloud.store.userByHandle(handle);
      if (user) user.apiToken = token;
    }
  });
});
afterAll(() => site.close());

interface Ran {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: Record<string, string>): { child: ChildProcess; done: Promise<Ran> } {
  // Its own process group, so a kill reaches the vitest workers the run started too.
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env, NO_COLOR: '1' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const done = new Promise<Ran>((resolve) =>
    child.once('exit', (status, signal) => resolve({ status, signal, stdout, stderr })),
  );
  return { child, done };
}

function workspace() {
  const dir = mkdtempSync(join(tmpdir(), 'live-mode-'));
  const baselines = join(dir, 'no-baselines');
  mkdirSync(baselines);
  return { dir, reports: join(dir, 'reports'), ledger: join(dir, 'ledger'), baselines };
}

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile());

/** `run --target rovo-live --allow-writes` with the workspace's reports, ledger and an empty baselines folder. */
const liveRun = (ws: ReturnType<typeof workspace>, args: string[], env: Record<string, string>) =>
  cli(
    [
      'run',
      '--target',
      'rovo-live',
      '--allow-writes',
      ...args,
      '--reports',
      ws.reports,
      '--baselines',
      ws.baselines,
      '--ledger',
      ws.ledger,
    ],
    env,
  );

const createdIn = (dir: string) =>
  ledgerFiles(dir)
    .flatMap(readLedger)
    .filter((e) => e.event === 'created').length;

it('live runs are read-only unless writes are allowed; other runs are not', () => {
  expect(readOnlyOf({}, true)).toBe(true);
  expect(readOnlyOf({ 'allow-writes': true }, true)).toBe(false);
  expect(readOnlyOf({}, false)).toBe(false);
  expect(readOnlyOf({ 'read-only': true }, false)).toBe(true);
});

it('a run killed midway leaves labelled artifacts; janitor removes every one of them', async () => {
  const ws = workspace();
  const env = { ...site.env('admin'), ATLASSIAN_API_TOKEN: CANARIES.admin };
  const run = liveRun(ws, ['--area', 'bulk'], env);
  const deadline = Date.now() + 150_000;
  while (createdIn(ws.ledger) < 15 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const pid = run.child.pid;
  if (pid === undefined) throw new Error('the run did not start');
  process.kill(-pid, 'SIGKILL');
  const killed = await run.done;
  expect(killed.signal, killed.stderr).toBe('SIGKILL');
  expect(createdIn(ws.ledger), 'the ledger shows writes before the kill').toBeGreaterThanOrEqual(15);
  expect(killed.stdout).not.toMatch(/^Teardown/m);
  const left = site.labelled();
  expect(left.length, 'the killed run left labelled artifacts behind').toBeGreaterThanOrEqual(15);

  const janitor = await cli(['janitor', '--older-than', '0', '--ledger', ws.ledger], env).done;
  expect(janitor.status, janitor.stderr).toBe(0);
  expect(janitor.stdout).toMatch(
    /Janitor \(acme-conformance\.atlassian\.net, older than 0\): 1 ledger\(s\) replayed; \d+ deleted, 0 closed/,
  );
  expect(site.labelled(), 'no labelled artifact is left on the site').toEqual([]);
}, 240_000);

it('a writing run cleans up after itself and no token reaches any output, report or ledger', async () => {
  const ws = workspace();
  const env = {
    ...site.env('member'),
    ATLASSIAN_API_TOKEN: CANARIES.member,
    ATLASSIAN_RESTRICTED_EMAIL: site.user('viewer').email,
    ATLASSIAN_RESTRICTED_API_TOKEN: CANARIES.viewer,
    ATLASSIAN_ADMIN_EMAIL: site.user('admin').email,
    ATLASSIAN_ADMIN_API_TOKEN: CANARIES.admin,
  };
  const areas = ['identity', 'jira', 'confluence', 'permissions'].flatMap((a) => ['--area', a]);
  const ran = await liveRun(ws, ['--calls-per-minute', '6000', ...areas], env).done;
  expect(ran.stdout).toMatch(/^Preflight rovo-live: .* writes allowed/m);
  // member may not delete issues: teardown closes them, labels them and says so.
  expect(ran.stdout).toMatch(
    /^Teardown rovo-live: \d+ deleted, [1-9]\d* closed \(deletion not permitted\), 0 already gone, 0 failed/m,
  );
  expect(ran.stdout).toMatch(/closed issue SBX-\d+: deletion refused/);

  const outputs = { stdout: ran.stdout, stderr: ran.stderr };
  for (const file of [...filesUnder(ws.reports), ...filesUnder(ws.ledger)])
    outputs[file as 'stdout'] = readFileSync(file, 'latin1');
  expect(Object.keys(outputs).length).toBeGreaterThan(5);
  for (const [handle, token] of Object.entries(CANARIES)) {
    const basic = Buffer.from(`${site.user(handle).email}:${token}`).toString('base64');
    for (const [where, text] of Object.entries(outputs)) {
      expect(text.includes(token), `${handle}'s token in ${where}`).toBe(false);
      expect(text.includes(basic), `${handle}'s Basic header in ${where}`).toBe(false);
    }
  }
}, 240_000);
