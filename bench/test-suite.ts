import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { PACKAGE_ROOT } from '../lib/paths.ts';
import type { Bench, Figure } from './stats.ts';

/** Where vitest's JSON reporter writes (vitest.config.ts), so `.ci/run` can print its summary line. */
const RESULTS = join(PACKAGE_ROOT, '.tmp/vitest-results.json');
const GOAL_S = 240;
const SLOWEST = 8;

const ResultsSchema = z.object({
  numTotalTests: z.number(),
  startTime: z.number(),
  success: z.boolean(),
  testResults: z.array(z.object({ name: z.string(), startTime: z.number(), endTime: z.number() })),
});

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Every test file of both vitest projects, to tell a whole run from a few files run by hand. */
const testFileCount = () =>
  ['lib', 'harness', 'mocks', 'bench', 'suites']
    .flatMap((dir) => readdirSync(join(PACKAGE_ROOT, dir), { recursive: true, encoding: 'utf8' }))
    .filter((f) => f.endsWith('.test.ts')).length;

/**
 * `npm test`'s split, read from the last vitest run rather than run again (ten minutes on a loaded
 * 2-core machine): its wall time against the goal, and the files that hold it up. Run `npm test`
 * first; a partial run (a few files) is named as such, never passed off as the whole.
 */
export const testSuiteBench: Bench = {
  title: "npm test's split (the last vitest run)",
  run() {
    if (!existsSync(RESULTS))
      return Promise.resolve([{ name: 'npm test', value: 'no run yet', note: 'run `npm test` first' }]);
    const results = ResultsSchema.parse(JSON.parse(readFileSync(RESULTS, 'utf8')));
    const files = results.testResults;
    const end = Math.max(...files.map((f) => f.endTime));
    const busy = files.reduce((sum, f) => sum + (f.endTime - f.startTime), 0);
    const slowest = [...files]
      .sort((a, b) => b.endTime - b.startTime - (a.endTime - a.startTime))
      .slice(0, SLOWEST);
    const figures: Figure[] = [
      {
        name: files.length < testFileCount() ? `vitest wall (a partial run, not npm test)` : 'vitest wall',
        value: seconds(end - results.startTime),
        note: `goal ${GOAL_S} s for all of npm test; ${files.length} files, ${results.numTotalTests} tests, ${results.success ? 'passed' : 'FAILED'}; file time summed ${seconds(busy)}`,
      },
      ...slowest.map((f) => ({
        name: `  ${relative(PACKAGE_ROOT, f.name)}`,
        value: seconds(f.endTime - f.startTime),
      })),
    ];
    return Promise.resolve(figures);
  },
};
