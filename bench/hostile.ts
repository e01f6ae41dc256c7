import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../lib/paths.ts';
import { startHostile } from '../harness/testing/hostile/http.ts';
import type { HostileName } from '../harness/testing/hostile/spec.ts';
import type { Bench, Figure } from './stats.ts';

interface Stored {
  records: { capabilityId: string; verdict: string; durationMs: number }[];
}

/** A whole `run` against a hostile server in its own process: wall time, verdicts, the slowest check. */
async function runAgainst(name: HostileName, tools?: number): Promise<Figure> {
  await using server = await startHostile(name, tools === undefined ? {} : { tools });
  const dir = mkdtempSync(join(tmpdir(), `bench-${name}-`));
  writeFileSync(
    join(dir, 'config.json'),
    // A hostile server's made-up tools fit no dialect (exit 2 before any check): the config names one.
    JSON.stringify({ targets: { hostile: { kind: 'http', url: server.url, dialect: 'rovo' } } }),
  );
  const t0 = performance.now();
  const exit = await new Promise<number | null>((resolve) => {
    const child = spawn(
      process.execPath,
      [
        'bin/rovo-mcp-conformance.js',
        'run',
        '--config',
        join(dir, 'config.json'),
        '--target',
        'hostile',
        '--reports',
        join(dir, 'reports'),
      ],
      { cwd: PACKAGE_ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: 'ignore' },
    );
    child.once('close', resolve);
  });
  const wall = (performance.now() - t0) / 1000;
  const { records } = JSON.parse(readFileSync(join(dir, 'reports', 'capabilities.json'), 'utf8')) as Stored;
  const verdicts = new Map<string, number>();
  for (const r of records) verdicts.set(r.verdict, (verdicts.get(r.verdict) ?? 0) + 1);
  const slowest = records.reduce((a, b) => (b.durationMs > a.durationMs ? b : a));
  return {
    name: `run against ${name}${tools ? ` (${tools} tools)` : ''}`,
    value: `${wall.toFixed(1)} s`,
    note: `${[...verdicts].map(([v, n]) => `${n} ${v}`).join(', ')}; slowest check ${slowest.capabilityId} ${slowest.durationMs} ms; exit ${exit}`,
  };
}

/** Issue 14: a server that never answers ends a run fast; 10,000 tools keep every check within its timeout. */
export const hostileBench: Bench = {
  title: 'Hostile targets: never answers, 10,000 tools',
  async run() {
    return [await runAgainst('never-answers'), await runAgainst('ten-thousand-tools', 10_000)];
  },
};
