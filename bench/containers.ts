import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { IMAGES, RUNTIME_DIR, buildImage, builtImages } from '../harness/containers/images.ts';
import { containerEngine } from '../harness/containers/engine.ts';
import { MUTANT_TARGET, mutantSettings } from '../harness/scenario/mutants.ts';
import { runCheck } from '../harness/scenario/run-check.ts';
import { loadAllChecks } from '../harness/scenario/suites.ts';
import { closeContainerTargets, container } from '../harness/kinds/container.ts';
import { closeWorkerCloud } from '../harness/kinds/worker-cloud.ts';
import type { TargetSpec } from '../harness/targets/spec.ts';
import { type Bench, type Figure, ms, percentile, timeIt } from './stats.ts';
import { PACKAGE_ROOT } from '../lib/paths.ts';

const STARTS = 3;
const LEGACY_ENV = {
  ATLASSIAN_TOKEN_FILE: '${CONFORMANCE_TOKEN_FILE}',
  ATLASSIAN_CLIENT_ID: '${CONFORMANCE_OAUTH_CLIENT_ID}',
  ATLASSIAN_CLIENT_SECRET: '${CONFORMANCE_OAUTH_CLIENT_SECRET}',
  JIRA_CLOUD_ID: '${CONFORMANCE_CLOUD_ID}',
};

function targets(images: { mock: string; legacy: string }): Record<'mock' | 'legacy', TargetSpec> {
  return {
    mock: {
      name: 'mock-image',
      kind: 'container',
      dialect: 'auto',
      image: images.mock,
      path: '/v1/mcp',
      site: 'fixture',
      reason: 'bench',
    },
    legacy: {
      name: 'legacy-image',
      kind: 'container',
      dialect: 'auto',
      image: images.legacy,
      env: LEGACY_ENV,
      reason: 'bench',
    },
  };
}

/** Start to an answering MCP endpoint, then stop and removal, over fresh containers. */
async function startStop(target: TargetSpec): Promise<Figure[]> {
  const starts: number[] = [];
  const stops: number[] = [];
  for (let i = 0; i < STARTS; i++) {
    starts.push(await timeIt(() => container.setup(target, mutantSettings())));
    stops.push(await timeIt(() => closeContainerTargets()));
  }
  return [
    {
      name: `${target.name}: start to ready`,
      value: ms(percentile(starts, 50)),
      note: `median of ${STARTS}`,
    },
    {
      name: `${target.name}: stop and remove`,
      value: ms(percentile(stops, 50)),
      note: `median of ${STARTS}`,
    },
  ];
}

/** Every given check, one after the other, in one process: wall time and verdict counts. */
async function sweep(target: TargetSpec, ids: readonly string[]): Promise<string> {
  const checks = await loadAllChecks();
  const settings = { ...mutantSettings(), runId: 'bench', targets: [target] };
  const verdicts = new Map<string, number>();
  const wall = await timeIt(async () => {
    for (const id of ids) {
      const check = checks.get(id);
      if (!check) continue;
      const r = await runCheck({
        check,
        target,
        settings,
      });
      verdicts.set(r.verdict, (verdicts.get(r.verdict) ?? 0) + 1);
    }
  });
  const counts = [...verdicts].map(([v, n]) => `${n} ${v}`).join(', ');
  return `${(wall / 1000).toFixed(1)} s   (${counts})`;
}

/** The CLI against the mock image: one container per suite file (vitest isolates files). */
function cliRun(images: { mock: string }): Figure {
  const config = join(RUNTIME_DIR, 'bench.config.json');
  writeFileSync(
    config,
    JSON.stringify({
      targets: { 'mock-image': { kind: 'container', image: images.mock, path: '/v1/mcp', site: 'fixture' } },
    }),
  );
  const t0 = performance.now();
  const result = spawnSync(
    process.execPath,
    [
      'bin/rovo-mcp-conformance.js',
      'run',
      '--config',
      config,
      '--target',
      'mock-image',
      '--reports',
      '.tmp/bench-reports',
    ],
    { cwd: PACKAGE_ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
  );
  const counts = /\d+ supported, \d+ partial, \d+ unsupported, \d+ failed, \d+ not-testable/.exec(
    result.stdout,
  );
  return {
    name: 'npm run conformance (mock image)',
    value: `${((performance.now() - t0) / 1000).toFixed(1)} s`,
    note: `${counts?.[0] ?? 'no summary'}, exit ${result.status}`,
  };
}

export const containersBench: Bench = {
  title: 'Container targets (podman through testcontainers)',
  async run() {
    const unavailable = await containerEngine().then(
      () => undefined,
      (error: Error) => error.message,
    );
    if (unavailable)
      return [
        {
          name: 'not measured',
          value: unavailable,
          note: 'scripts/container-runtime.sh start, eval "$(scripts/container-runtime.sh env)"',
        },
      ];
    const figures: Figure[] = [];
    for (const recipe of Object.values(IMAGES)) {
      let built = { imported: false, tarballBytes: 0 };
      const wall = await timeIt(async () => (built = await buildImage(recipe, RUNTIME_DIR)));
      figures.push({
        name: `image ${recipe.name}: root filesystem + import`,
        value: ms(wall),
        note: `${(built.tarballBytes / 1e6).toFixed(1)} MB tarball, ${built.imported ? 'imported' : 'unchanged, import skipped'}`,
      });
    }
    const images = builtImages();
    const { mock, legacy } = targets(images);
    figures.push(...(await startStop(mock)), ...(await startStop(legacy)));
    const all = [...(await loadAllChecks()).keys()].sort();
    figures.push({ name: `${all.length} checks, mock image`, value: await sweep(mock, all) });
    figures.push({
      name: `${all.length} checks, in-process rovo-mock`,
      value: await sweep(MUTANT_TARGET, all),
    });
    const jiraSide = [...(await loadAllChecks()).values()]
      .filter((c) => ['identity', 'jira', 'bulk'].includes(c.capability.area))
      .map((c) => c.capability.id);
    figures.push({
      name: `${jiraSide.length} Jira-side checks, legacy image`,
      value: await sweep(legacy, jiraSide),
    });
    figures.push({
      name: `${jiraSide.length} Jira-side checks, legacy-mock`,
      value: await sweep(
        { name: 'legacy-mock', kind: 'legacy-mock', dialect: 'legacy', reason: 'bench' },
        jiraSide,
      ),
    });
    await closeContainerTargets();
    await closeWorkerCloud();
    figures.push(cliRun(images));
    return figures;
  },
};
