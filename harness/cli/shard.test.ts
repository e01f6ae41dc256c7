import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../lib/paths.ts';
import { catalogue } from '../catalogue/index.ts';
import { readCapabilities } from '../reporters/capabilities.ts';
import { parseShard } from './shard.ts';

const BIN = join(PACKAGE_ROOT, 'bin/rovo-mcp-conformance.js');
const dir = mkdtempSync(join(tmpdir(), 'shards-'));
// Four areas of one suite file each: vitest splits files, so each of two shards gets two.
const AREAS = ['identity', 'search', 'graph', 'drift'];

function cli(...args: string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: PACKAGE_ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

const verdicts = (folder: string) =>
  readCapabilities(join(folder, 'capabilities.json'), '--from').records.map(
    (r) => `${r.capabilityId} ${r.target} ${r.verdict}`,
  );

it('two shards merged report every check once, with the verdicts of one unsharded run', async () => {
  const areas = AREAS.flatMap((a) => ['--area', a]);
  const runs = await Promise.all(
    ['all', '1/2', '2/2'].map((part) =>
      cli(
        'run',
        ...areas,
        '--reports',
        join(dir, part.replace('/', 'of')),
        ...(part === 'all' ? [] : ['--shard', part]),
      ),
    ),
  );
  for (const run of runs) expect(run.status, run.stderr).toBe(0);
  const shardChecks = ['1of2', '2of2'].map((s) => verdicts(join(dir, s)).length);
  expect(
    shardChecks.every((n) => n > 0),
    `each shard ran checks: ${shardChecks.join(', ')}`,
  ).toBe(true);

  const merged = await cli(
    'report',
    '--merge',
    join(dir, '1of2'),
    '--merge',
    join(dir, '2of2'),
    '--reports',
    join(dir, 'merged'),
  );
  expect(merged.status, merged.stderr).toBe(0);
  const expected = catalogue().capabilities.filter((c) => AREAS.includes(c.area)).length;
  expect(verdicts(join(dir, 'merged'))).toHaveLength(expected);
  expect(verdicts(join(dir, 'merged'))).toEqual(verdicts(join(dir, 'all')));
  expect(readCapabilities(join(dir, 'merged', 'capabilities.json'), '--from').run.shard).toBeUndefined();
  expect(readdirSync(join(dir, 'merged')).sort()).toEqual([
    'allure',
    'allure-results',
    'capabilities.json',
    'comparison.html',
    'comparison.md',
    'junit.xml',
  ]);
}, 300_000);

it('--shard takes i/n with 1 <= i <= n and says so otherwise', () => {
  expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
  for (const bad of ['0/2', '3/2', '1', '1/0', 'a/b', '1/2/3'])
    expect(() => parseShard(bad), bad).toThrow(/pass <i>\/<n> with 1 <= i <= n/);
});
