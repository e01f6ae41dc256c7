import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../lib/paths.ts';

const BIN = join(PACKAGE_ROOT, 'bin/rovo-mcp-conformance.js');
// Under the legacy-captures profile the mock's tools differ from the recorded v1 surface (search/fetch).
const FAILS = 'drift.surface.baseline';
const PASSES = 'protocol.utilities.ping';

function run(entries: string[]): Promise<{ status: number | null; stdout: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'cli-baseline-'));
  writeFileSync(
    join(dir, 'expected-failures.rovo-mock.json'),
    JSON.stringify({
      target: 'rovo-mock',
      entries: entries.map((capability) => ({ capability, reason: `${capability} listed by the test` })),
    }),
  );
  const child = spawn(
    process.execPath,
    [
      BIN,
      'run',
      '--profile',
      'legacy-captures',
      '--area',
      'drift',
      '--area',
      'protocol',
      '--baselines',
      dir,
      '--reports',
      join(dir, 'reports'),
    ],
    { cwd: PACKAGE_ROOT, env: { ...process.env, NO_COLOR: '1' } },
  );
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (status) => resolve({ status, stdout })));
}

it('the CLI exits 0 when every failure is in the baseline, and 1 when an entry has gone stale', async () => {
  const [green, stale] = await Promise.all([run([FAILS]), run([FAILS, PASSES])]);
  expect(green.stdout).toMatch(new RegExp(`${FAILS}\\s+failed \\(expected\\)`));
  expect(green.stdout).toMatch(/1 failed, 0 not-testable \(1 of the failures expected by the baseline\)/);
  expect(green.status, green.stdout).toBe(0);
  expect(stale.stdout).toMatch(
    /Stale baseline entries \(the check no longer fails; remove the entry\):\n\s+protocol\.utilities\.ping \[rovo-mock\]: now supported; remove it from /,
  );
  expect(stale.status, stale.stdout).toBe(1);
}, 240_000);
