import { availableParallelism } from 'node:os';
import { defineConfig, type TestUserConfig } from 'vitest/config';

/** How a run's checks are run: the suites, and the bench's empty check measured the same way. */
const checkRunner = {
  setupFiles: ['harness/vitest/suite-setup.ts'],
  // Suite files share nothing but the worker's fake cloud, which every check replaces: one
  // module graph per worker instead of one per file (most of a run was loading, not checking).
  isolate: false,
  // The project's modules as vite transformed them last time (keyed by their content and this
  // config), so a run's own process does not transform ~600 files again (3 s, 130 MB).
  experimental: { fsModuleCache: true },
  // A run's live heap stays under 70 MB (120 checks, each on a fresh fake cloud), but V8 lets a
  // worker grow to 300 MB of garbage first; a smaller old space collects it sooner at no
  // measurable CPU cost. Not below 256 MB: a live tenant's pages are bigger than the mock's, and
  // a worker out of heap would lose every verdict after it.
  execArgv: ['--max-old-space-size=256'],
} satisfies TestUserConfig;

export default defineConfig({
  test: {
    // One lost request fails one check quickly; checks carry their own, shorter timeouts.
    testTimeout: 20_000,
    hookTimeout: 20_000,
    restoreMocks: true,
    // The JSON report lets .ci/run print its plain "N passed, N failed" line.
    reporters: ['default', ['json', { outputFile: '.tmp/vitest-results.json' }]],
    unstubEnvs: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['lib/**/*.test.ts', 'harness/**/*.test.ts', 'mocks/**/*.test.ts', 'bench/**/*.test.ts'],
          // vitest's default is one worker less than the cores: one on a 2-core runner, where most of a
          // unit file's time is waiting on the processes, sockets and timers it starts, not computing.
          maxWorkers: Math.max(2, availableParallelism() - 1),
          // A project with its own worker count runs as its own group: after the suites.
          sequence: { groupOrder: 1 },
          // The workflow parser imports its schema JSON without an import attribute, which Node's
          // loader refuses; transformed by vite, it loads.
          server: { deps: { inline: ['@actions/workflow-parser'] } },
        },
      },
      { extends: true, test: { name: 'suites', include: ['suites/**/*.test.ts'], ...checkRunner } },
      // `npm run bench`'s floor: one empty check through the same runner, only when the bench asks
      // (harness/cli/run.impl.ts BENCH_FLOOR_ENV), never in `npm test`.
      ...(process.env.ROVO_MCP_CONFORMANCE_BENCH_FLOOR === '1'
        ? [
            {
              extends: true as const,
              test: { name: 'floor', include: ['bench/floor/*.check.ts'], ...checkRunner },
            },
          ]
        : []),
    ],
  },
});
