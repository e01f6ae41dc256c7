import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { z } from 'zod';
import { PACKAGE_ROOT } from '../../lib/paths.ts';
import { mainInProcess } from './in-process.ts';

const BIN = join(PACKAGE_ROOT, 'bin/rovo-mcp-conformance.js');

function cli(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: PACKAGE_ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const Answer = z.object({
  ready: z.boolean(),
  target: z.string(),
  cutover: z.object({
    from: z.string(),
    to: z.string(),
    changes: z.array(z.object({ id: z.string(), before: z.string(), after: z.string() })),
  }),
});

it('check with a v1 and a v2 target answers for the v2 one and lists the requirements whose status changes', async () => {
  const { status, stdout, stderr } = await cli(
    'check',
    '--requirements',
    'fixtures/migration/status-report-agent.json',
    '--target',
    'rovo-mock',
    '--target',
    'rovo-v2-mock',
    '--json',
  );
  expect(status, stderr).toBe(0);
  const answer = Answer.parse(JSON.parse(stdout));
  expect(answer.target).toBe('rovo-v2-mock');
  expect(answer.cutover.from).toBe('rovo-mock');
  for (const c of answer.cutover.changes) expect(c.before, c.id).not.toBe(c.after);
  // v2's snapshotToken makes concurrent page edits safe where v1 lets the last writer win.
  expect(answer.cutover.changes.map((c) => [c.id, c.before, c.after])).toContainEqual([
    'safe-concurrent-edits',
    'unmet',
    'met',
  ]);
}, 120_000);

it('check refuses a third target before running anything (exit 2)', async () => {
  const { status, stderr } = await mainInProcess(
    'check',
    '--requirements',
    'fixtures/migration/pm-os.json',
    '--target',
    'rovo-mock',
    '--target',
    'rovo-v2-mock',
    '--target',
    'legacy-mock',
  );
  expect(status).toBe(2);
  expect(stderr).toMatch(/--target is given 3 times; give one target, or two/);
}, 60_000);
