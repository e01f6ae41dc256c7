import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../lib/paths.ts';
import { BENCH_FLOOR_ENV } from '../harness/cli/run.impl.ts';
import { percentile, type Bench, type Figure } from './stats.ts';

/** GNU time gives a child's CPU and peak RSS; without it only the wall time is measured. */
const GNU_TIME = '/usr/bin/time';
const RUNS = 3;
const REPORTS = '.tmp/bench-reports';
const PHASES = ['start-up', 'suites', 'reports'] as const;

interface Sample {
  wall: number;
  /** The run's own `Phases:` line: start-up, suites (worker, module loading, checks), reports. */
  phases?: number[];
  cpu?: number;
  /** Peak RSS of the largest process (the CLI or its vitest worker), as GNU time reports it. */
  rssMb?: number;
  status: number | null;
  stdout: string;
}

/** One CLI invocation as a user runs it, in its own process. */
function cli(args: readonly string[], env: Record<string, string> = {}): Sample {
  const timed = existsSync(GNU_TIME);
  const argv = [process.execPath, 'bin/rovo-mcp-conformance.js', ...args];
  const t0 = performance.now();
  const result = spawnSync(
    timed ? GNU_TIME : process.execPath,
    timed ? ['-f', 'bench-usage %U %S %M', ...argv] : argv.slice(1),
    { cwd: PACKAGE_ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } },
  );
  const wall = (performance.now() - t0) / 1000;
  const usage = /bench-usage ([\d.]+) ([\d.]+) (\d+)/.exec(result.stderr);
  const phases = /\nPhases: start-up ([\d.]+) s, suites ([\d.]+) s, reports ([\d.]+) s/.exec(result.stdout);
  return {
    wall,
    ...(phases ? { phases: phases.slice(1).map(Number) } : {}),
    status: result.status,
    stdout: result.stdout,
    ...(usage ? { cpu: Number(usage[1]) + Number(usage[2]), rssMb: Number(usage[3]) / 1024 } : {}),
  };
}

const median = (xs: readonly number[]) => percentile(xs, 50);
const defined = (xs: readonly (number | undefined)[]) => xs.filter((x): x is number => x !== undefined);

interface Measured {
  figure: Figure;
  phases?: Figure;
  last: Sample;
  wall: number;
  /** Median seconds per phase, when the run printed them. */
  phaseMedians?: number[];
}

/** Median of RUNS invocations: wall, CPU and peak RSS, and the run's phases. */
function measured(name: string, args: readonly string[], env: Record<string, string> = {}): Measured {
  const samples = Array.from({ length: RUNS }, () => cli(args, env));
  const last = samples[samples.length - 1] as Sample;
  const cpu = defined(samples.map((s) => s.cpu));
  const rss = defined(samples.map((s) => s.rssMb));
  const wall = median(samples.map((s) => s.wall));
  const usage = cpu.length ? `, ${median(cpu).toFixed(1)} s CPU, ${median(rss).toFixed(0)} MB peak RSS` : '';
  const withPhases = samples.flatMap((s) => (s.phases ? [s.phases] : []));
  const phaseMedians = withPhases.length
    ? PHASES.map((_, i) => median(withPhases.map((p) => p[i] ?? NaN)))
    : undefined;
  return {
    figure: {
      name,
      value: `${wall.toFixed(1)} s wall${usage}`,
      note: `median of ${RUNS}, exit ${samples.map((s) => s.status).join('/')}`,
    },
    ...(phaseMedians
      ? {
          phases: {
            name: '  phases: start-up / suites / reports',
            value: phaseMedians.map((p) => `${p.toFixed(1)} s`).join(' / '),
            note: 'medians of the run\'s own "Phases:" line; suites = the worker\'s start, its module loading and the checks',
          },
        }
      : {}),
    last,
    wall,
    ...(phaseMedians ? { phaseMedians } : {}),
  };
}

const withNote = (figure: Figure, note: string): Figure => ({ ...figure, note: `${figure.note}; ${note}` });

function checkCount(stdout: string): number {
  const counts = /(\d+) supported, (\d+) partial, (\d+) unsupported, (\d+) failed, (\d+) not-testable/.exec(
    stdout,
  );
  return counts ? counts.slice(1).reduce((n, c) => n + Number(c), 0) : 0;
}

/** Checks that wait on purpose (a Retry-After the check must honour), named and left out of the median. */
const DELIBERATE_WAITS: Record<string, string> = {
  'bulk.rate-limit-storm': 'waits out a 1 s Retry-After',
};

/** The checks' own time from the run's records; the deliberate waits are named, not hidden. */
function checkFigures(dir: string): Figure[] {
  const { records } = JSON.parse(readFileSync(join(PACKAGE_ROOT, dir, 'capabilities.json'), 'utf8')) as {
    records: { capabilityId: string; durationMs: number }[];
  };
  const own = records.filter((r) => !(r.capabilityId in DELIBERATE_WAITS));
  const durations = own.map((r) => r.durationMs);
  const slowest = [...own].sort((a, b) => b.durationMs - a.durationMs).slice(0, 3);
  const waits = Object.entries(DELIBERATE_WAITS).map(([id, why]) => `${id} ${why}`);
  return [
    {
      name: "a check's own work: median / p90",
      value: `${median(durations)} ms / ${percentile(durations, 90)} ms (goal median 30 ms)`,
      note: `${durations.reduce((a, b) => a + b, 0)} ms in ${own.length} checks, the last run; slowest ${slowest.map((r) => `${r.capabilityId} ${r.durationMs} ms`).join(', ')}; left out: ${waits.join(', ')}`,
    },
  ];
}

/**
 * The whole run as `npm run conformance` does it, its phases, and the framework floor: the same
 * runner on one empty check (bench/floor/), so the cost the harness adds is visible.
 */
export const conformanceRunBench: Bench = {
  title: 'Whole conformance run on the mock',
  run() {
    rmSync(join(PACKAGE_ROOT, '.tmp/bench-shards'), { recursive: true, force: true });
    const load = `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')} (1 / 5 / 15 min) on this machine at the start`;
    const full = measured('npm run conformance (rovo-mock)', ['run', '--reports', REPORTS]);
    full.figure.note = `${checkCount(full.last.stdout)} checks; ${full.figure.note}; goal 10 s, 300 MB`;
    // Its own reports folder: the check figures read the full run's records.
    const floor = measured('floor: one empty check, same runner', ['run', '--reports', `${REPORTS}-floor`], {
      [BENCH_FLOOR_ENV]: '1',
    });
    floor.figure.note = `the whole run is ${(full.wall / floor.wall).toFixed(2)}x this; ${floor.figure.note}`;
    const figures: Figure[] = [
      { name: 'machine', value: load, note: 'a shared machine: compare ratios' },
      full.figure,
      ...(full.phases ? [full.phases] : []),
      ...checkFigures(REPORTS),
      floor.figure,
      ...(floor.phases ? [floor.phases] : []),
    ];
    if (full.phaseMedians && floor.phaseMedians) {
      const [, suites = NaN] = full.phaseMedians;
      const [, floorSuites = NaN] = floor.phaseMedians;
      figures.push({
        name: '  suites above the floor',
        value: `${(suites - floorSuites).toFixed(1)} s`,
        note: 'loading every suite and its drivers, and running the checks',
      });
    }
    const sideBySide = measured('  side by side with rovo-v2-mock', [
      'run',
      '--target',
      'rovo-mock',
      '--target',
      'rovo-v2-mock',
      '--reports',
      REPORTS,
    ]);
    sideBySide.figure.note = `${(sideBySide.wall / full.wall).toFixed(2)}x the single run (goal 1.6x); ${sideBySide.figure.note}`;
    figures.push(
      sideBySide.figure,
      measured('  with --allure-html', ['run', '--allure-html', '--reports', REPORTS]).figure,
      withNote(measured('npm run mutants', ['mutants']).figure, 'goal 60 s'),
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
