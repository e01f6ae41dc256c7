import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../lib/paths.ts';
import { percentile, type Bench, type Figure } from './stats.ts';

/** GNU time gives a child's CPU and peak RSS; without it only the wall time is measured. */
const GNU_TIME = '/usr/bin/time';
const RUNS = 3;
const REPORTS = '.tmp/bench-reports';

interface Sample {
  wall: number;
  /** What the run printed for its suites and reports (`Reports (12.3 s)`): wall minus start-up. */
  reportsLine?: number;
  cpu?: number;
  rssMb?: number;
  status: number | null;
  stdout: string;
}

/** One CLI invocation as a user runs it, in its own process. */
function cli(args: readonly string[]): Sample {
  const timed = existsSync(GNU_TIME);
  const argv = [process.execPath, 'bin/rovo-mcp-conformance.js', ...args];
  const t0 = performance.now();
  const result = spawnSync(
    timed ? GNU_TIME : process.execPath,
    timed ? ['-f', 'bench-usage %U %S %M', ...argv] : argv.slice(1),
    { cwd: PACKAGE_ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
  );
  const wall = (performance.now() - t0) / 1000;
  const usage = /bench-usage ([\d.]+) ([\d.]+) (\d+)/.exec(result.stderr);
  const suites = /\nReports \(([\d.]+) s\)/.exec(result.stdout);
  return {
    wall,
    ...(suites ? { reportsLine: Number(suites[1]) } : {}),
    status: result.status,
    stdout: result.stdout,
    ...(usage ? { cpu: Number(usage[1]) + Number(usage[2]), rssMb: Number(usage[3]) / 1024 } : {}),
  };
}

const median = (xs: readonly number[]) => percentile(xs, 50);

/** Median of RUNS invocations: wall, CPU and peak RSS (of the largest process). */
function measured(
  name: string,
  args: readonly string[],
  note = '',
): { figure: Figure; last: Sample; wall: number } {
  const samples = Array.from({ length: RUNS }, () => cli(args));
  const last = samples[samples.length - 1] as Sample;
  const cpu = samples.flatMap((s) => (s.cpu === undefined ? [] : [s.cpu]));
  const rss = samples.flatMap((s) => (s.rssMb === undefined ? [] : [s.rssMb]));
  const usage = cpu.length ? `, ${median(cpu).toFixed(1)} s CPU, ${median(rss).toFixed(0)} MB peak RSS` : '';
  return {
    figure: {
      name,
      value: `${median(samples.map((s) => s.wall)).toFixed(1)} s wall${usage}`,
      note: `median of ${RUNS}, exit ${samples.map((s) => s.status).join('/')}${note ? `; ${note}` : ''}`,
    },
    last,
    wall: median(samples.map((s) => s.wall)),
  };
}

/** Start-up (CLI, settings, target resolution) against the suites and reports, from the run's own line. */
function phaseFigure(run: { last: Sample }): Figure {
  const { wall, reportsLine } = run.last;
  return {
    name: '  phases: start-up / suites and reports',
    value:
      reportsLine === undefined
        ? 'not printed'
        : `${(wall - reportsLine).toFixed(1)} s / ${reportsLine.toFixed(1)} s`,
    note: 'the last run; "Reports (x s)" covers the suites and every report',
  };
}

function checkCount(stdout: string): number {
  const counts = /(\d+) supported, (\d+) partial, (\d+) unsupported, (\d+) failed, (\d+) not-testable/.exec(
    stdout,
  );
  return counts ? counts.slice(1).reduce((n, c) => n + Number(c), 0) : 0;
}

/** The checks' own time from the run's records; the deliberate waits are named, not hidden. */
function checkFigures(dir: string): Figure[] {
  const { records } = JSON.parse(readFileSync(join(PACKAGE_ROOT, dir, 'capabilities.json'), 'utf8')) as {
    records: { capabilityId: string; durationMs: number }[];
  };
  const durations = records.map((r) => r.durationMs);
  const slowest = [...records].sort((a, b) => b.durationMs - a.durationMs).slice(0, 3);
  return [
    {
      name: 'a check: median / p90',
      value: `${median(durations)} ms / ${percentile(durations, 90)} ms`,
      note: `${durations.reduce((a, b) => a + b, 0)} ms in ${records.length} checks; slowest ${slowest.map((r) => `${r.capabilityId} ${r.durationMs} ms`).join(', ')} (bulk.rate-limit-storm waits out a 1 s Retry-After)`,
    },
  ];
}

/**
 * The whole run as `npm run conformance` does it, its parts, and what it costs without checks to
 * speak of (one small area: start-up and reports), so the cost the harness adds is visible.
 */
export const conformanceRunBench: Bench = {
  title: 'Whole conformance run on the mock',
  run() {
    rmSync(join(PACKAGE_ROOT, '.tmp/bench-shards'), { recursive: true, force: true });
    const full = measured('npm run conformance (rovo-mock)', ['run', '--reports', REPORTS]);
    full.figure.note = `${checkCount(full.last.stdout)} checks; ${full.figure.note}`;
    const figures = [full.figure, phaseFigure(full), ...checkFigures(REPORTS)];
    const sideBySide = measured(
      '  side by side with legacy-mock',
      ['run', '--target', 'rovo-mock', '--target', 'legacy-mock', '--reports', REPORTS],
      '',
    );
    sideBySide.figure.note = `${(sideBySide.wall / full.wall).toFixed(2)}x the single run (goal 1.6x); ${sideBySide.figure.note}`;
    const floor = measured(
      'floor: --area identity (4 checks)',
      ['run', '--area', 'identity', '--reports', REPORTS],
      'start-up and reports',
    );
    floor.figure.note = `the whole run is ${(full.wall / floor.wall).toFixed(2)}x this; ${floor.figure.note}`;
    const mutants = measured('npm run mutants', ['mutants']);
    figures.push(
      measured('  with --allure-html', ['run', '--allure-html', '--reports', REPORTS]).figure,
      sideBySide.figure,
      floor.figure,
      phaseFigure(floor),
      mutants.figure,
    );
    const shards = [1, 2].map((i) =>
      cli(['run', '--shard', `${i}/2`, '--reports', `.tmp/bench-shards/${i}`]),
    );
    const merge = cli([
      'report',
      '--merge',
      '.tmp/bench-shards/1',
      '--merge',
      '.tmp/bench-shards/2',
      '--reports',
      '.tmp/bench-shards/merged',
    ]);
    figures.push({
      name: 'shards 1/2 and 2/2, then report --merge',
      value: `${shards.map((s) => s.wall.toFixed(1)).join(' s + ')} s, merge ${merge.wall.toFixed(1)} s`,
      note: `on two runners: ${(Math.max(...shards.map((s) => s.wall)) + merge.wall).toFixed(1)} s; exit ${[...shards, merge].map((s) => s.status).join('/')}`,
    });
    return Promise.resolve(figures);
  },
};
