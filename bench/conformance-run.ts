import { spawnSync } from 'node:child_process';
import type { Bench } from './stats.ts';
import { PACKAGE_ROOT } from '../lib/paths.ts';

/** Wall time of the main command, as a user runs it, in its own process. */
export const conformanceRunBench: Bench = {
  title: 'Whole conformance run on the mock',
  run() {
    const t0 = performance.now();
    const result = spawnSync(
      process.execPath,
      ['bin/rovo-mcp-conformance.js', 'run', '--reports', '.tmp/bench-reports'],
      {
        cwd: PACKAGE_ROOT,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      },
    );
    const wall = (performance.now() - t0) / 1000;
    const counts = /(\d+) supported, (\d+) partial, (\d+) unsupported, (\d+) failed, (\d+) not-testable/.exec(
      result.stdout,
    );
    const checks = counts ? counts.slice(1).reduce((n, c) => n + Number(c), 0) : 0;
    return Promise.resolve([
      {
        name: 'npm run conformance (rovo-mock)',
        value: `${wall.toFixed(1)} s`,
        note: `${checks} checks, exit ${result.status}`,
      },
    ]);
  },
};
