import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, expect, it, vi } from 'vitest';
import { FakeCloud } from '../../../mocks/cloud.ts';
import { serveOnLoopback } from '../../../mocks/mounts/loopback.ts';
import { HarnessError } from '../../errors.ts';
import { commandNamed } from '../commands.ts';

const fidelityCommand = commandNamed('fidelity') ?? expect.unreachable('fidelity is a command');

/** The Rovo mock on 127.0.0.1 as an http: target that fronts the fixture site (its identities sign probes). */
const faithful = new FakeCloud();
const faithfulMount = await serveOnLoopback(faithful);
/** The same mock behind a proxy that drops the query string: `?capabilities=` is ignored (contradicts #11). */
const stripped = new FakeCloud();
const strippedMount = await serveOnLoopback({
  handle(request) {
    const url = new URL(request.url);
    url.search = '';
    return stripped.handle(new Request(url, request));
  },
});

afterAll(async () => {
  await Promise.all([faithfulMount.close(), strippedMount.close()]);
  await Promise.all([faithful.close(), stripped.close()]);
});
afterEach(() => vi.restoreAllMocks());

function config(origin: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'fidelity-target-'));
  const file = join(dir, 'conformance.config.json');
  writeFileSync(
    file,
    JSON.stringify({ targets: { local: { kind: 'http', url: `${origin}/v1/mcp`, site: 'fixture' } } }),
  );
  return file;
}

async function run(origin: string): Promise<{ code: number; out: string }> {
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  const code = await fidelityCommand.run(['--target', 'local', '--config', config(origin)]);
  return { code, out: log.mock.calls.map((c) => String(c[0])).join('\n') };
}

it('an http target on loopback is probed; set-up, writing and v2 probes are not-testable with the reason', async () => {
  const { code, out } = await run(faithfulMount.origin);
  expect(out).not.toContain('MISSED');
  expect(out).toMatch(
    /n\/t .*auth\.api-token\.disabled[\s\S]*?not testable: the probe sets the mock up first \(apiTokens\)/,
  );
  expect(out).toMatch(
    /n\/t .*jira\.create\.result[\s\S]*?not testable: the probe writes \(createJiraIssue\)/,
  );
  expect(out).toMatch(
    /v1: (\d+) of \1 facts reproduced \(confirmed: \d+ of \d+, partial: \d+ of \d+\) on local; \d+ not testable there/,
  );
  expect(code).toBe(0);
});

it('an http target that contradicts a confirmed fact fails the command (exit 1), naming the fact and its sources', async () => {
  const { code, out } = await run(strippedMount.origin);
  expect(out).toMatch(/MISSED\s+confirmed tools\.capabilities-filter/);
  expect(out).toContain('names has createJiraIssue');
  expect(out).toContain('sources: atlassian-mcp-server#11; PR #123');
  expect(code).toBe(1);
});

it('a target that cannot be resolved is a usage error naming --target', async () => {
  await expect(fidelityCommand.run(['--target', 'no-such-target'])).rejects.toThrow(HarnessError);
  await expect(fidelityCommand.run(['--target', 'no-such-target'])).rejects.toThrow(
    /^\[harness\] --target no-such-target: cannot resolve/,
  );
});
