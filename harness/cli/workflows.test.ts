import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { PACKAGE_ROOT } from '../../lib/paths.ts';

const DIR = join(PACKAGE_ROOT, '.github/workflows');
const PackageScripts = z.object({ scripts: z.object({ test: z.string() }) });
const BROKEN_ERRORS = [
  "broken.yml (Line: 6, Col: 9): Unexpected value 'frobnicate'",
  'broken.yml (Line: 4, Col: 5): Required property is missing: runs-on',
];

const Step = z
  .object({
    name: z.string().optional(),
    run: z.string().optional(),
    uses: z.string().optional(),
    if: z.string().optional(),
    shell: z.string().optional(),
    with: z.record(z.string(), z.unknown()).optional(),
  })
  .loose();
const Job = z
  .object({
    steps: z.array(Step),
    needs: z.union([z.string(), z.array(z.string())]).optional(),
    if: z.string().optional(),
    strategy: z
      .object({ matrix: z.record(z.string(), z.unknown()) })
      .loose()
      .optional(),
  })
  .loose();
const Workflow = z
  .object({
    on: z.record(z.string(), z.unknown()),
    permissions: z.record(z.string(), z.string()),
    concurrency: z.object({ group: z.string(), 'cancel-in-progress': z.boolean() }),
    env: z.record(z.string(), z.unknown()).optional(),
    jobs: z.record(z.string(), Job),
  })
  .loose();

function load(file: string) {
  const content = readFileSync(join(DIR, file), 'utf8');
  const parsed = parseWorkflow({ name: file, content }, new NoOperationTraceWriter());
  return {
    errors: parsed.context.errors.getErrors().map((e) => e.message),
    workflow: Workflow.parse(parse(content)),
  };
}

const runs = (steps: z.infer<typeof Step>[]) => steps.map((s) => s.run ?? '').join('\n');

describe.each(['ci.yml', 'nightly.yml'])('%s', (file) => {
  it("is valid against GitHub's workflow schema, with read-only contents permission", () => {
    const { errors, workflow } = load(file);
    expect(errors).toEqual([]);
    expect(workflow.permissions.contents).toBe('read');
    expect(Object.values(workflow.permissions).every((p) => p === 'read')).toBe(true);
  });
});

it('ci runs .ci/run (install, check, test) on push and pull request, cancelling superseded runs', () => {
  const { workflow } = load('ci.yml');
  expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push']);
  expect(workflow.concurrency['cancel-in-progress']).toBe(true);
  expect(workflow.concurrency.group).toContain('github.ref');
  expect(Object.keys(workflow.jobs)).toEqual(['test']);
  expect(runs(workflow.jobs.test?.steps ?? [])).toMatch(/^\.ci\/run$/m);
  // .ci/run installs, then runs the README's test command, which typechecks and lints first.
  expect(readFileSync(join(PACKAGE_ROOT, '.ci/run'), 'utf8')).toMatch(/npm ci[\s\S]*npm test/);
  const { scripts } = PackageScripts.parse(
    JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')),
  );
  expect(scripts.test).toMatch(/^npm run check && /);
});

const NightlyTarget = z.object({
  name: z.string().regex(/^[a-z0-9-]+$/),
  target: z.string(),
  url: z.string(),
  live: z.boolean(),
  flags: z.string(),
});

/** The nightly's targets list: the JSON the `targets` job's script hands to the matrices. */
function nightlyTargets(steps: z.infer<typeof Step>[]): z.infer<typeof NightlyTarget>[] {
  const script = runs(steps);
  const json = /targets='(\[[\s\S]*?\])'/.exec(script)?.[1];
  return z.array(NightlyTarget).parse(JSON.parse(json ?? 'null'));
}

describe('nightly', () => {
  const { workflow } = load('nightly.yml');
  const { targets, run, merge } = workflow.jobs;

  it('runs on a schedule over a targets list, one line per target: the mock always, live Rovo with its secrets', () => {
    expect(Object.keys(workflow.on)).toContain('schedule');
    const rows = nightlyTargets(targets?.steps ?? []);
    expect(rows.map((r) => [r.name, r.target, r.live])).toEqual([
      ['mock', 'rovo-mock', false],
      ['mock-v2', 'rovo-v2-mock', false],
      ['live-v1', 'rovo-live', true],
      ['live-v2', 'rovo-live', true],
    ]);
    // Live Rovo v1 and v2 side by side until the cutover: the row's url relocates rovo-live.
    expect(rows.filter((r) => r.live).map((r) => [r.url, r.flags])).toEqual([
      ['https://mcp.atlassian.com/v1/mcp', '--allow-writes'],
      ['https://mcp.atlassian.com/v2/mcp', '--allow-writes'],
    ]);
    expect(runs(targets?.steps ?? [])).toMatch(/range\(1; \$SHARDS \+ 1\)/);
    expect(workflow.env).toMatchObject({ SHARDS: 2 });
  });

  it('runs every target x shard as a matrix job that uploads its shard, live steps only with secrets', () => {
    expect(run?.needs).toBe('targets');
    expect(run?.strategy?.matrix).toEqual({
      target: '${{ fromJSON(needs.targets.outputs.targets) }}',
      shard: '${{ fromJSON(needs.targets.outputs.shards) }}',
    });
    const steps = run?.steps ?? [];
    // Every step after the probe is conditional on this row's credentials (a mock row always has them).
    expect(steps.slice(1).every((s) => s.if?.includes("steps.secrets.outputs.present == 'true'"))).toBe(true);
    expect(runs(steps)).toMatch(
      /npm run conformance -- --target "\$TARGET" \$FLAGS --shard "\$SHARD\/\$SHARDS" --reports shard/,
    );
    // Breaking drift fails the run itself: drift.surface.baseline is one of its checks.
    expect(runs(steps)).not.toMatch(/--area/);
    const janitor = steps.find((s) => s.run?.includes('janitor'));
    expect(janitor?.if).toContain('always()');
    expect(janitor?.if).toContain('matrix.target.live');
    const uploads = steps.filter((s) => s.uses?.startsWith('actions/upload-artifact'));
    expect(uploads.map((s) => s.with?.name)).toEqual([
      'fidelity-${{ matrix.target.name }}',
      'shard-${{ matrix.target.name }}-${{ matrix.shard }}',
    ]);
    // The public facts probed on the live server once per live row (shard 1), so a stale mock shows.
    const fidelity = steps.find((s) => s.run?.includes('fidelity --target rovo-live'));
    expect(fidelity?.if).toContain('matrix.target.live');
    expect(fidelity?.shell).toBe('bash');
  });

  it("merges each target's shards in a final job: report --merge, compared with last night, gated, uploaded", () => {
    expect(merge?.needs).toEqual(['targets', 'run']);
    expect(merge?.if).toContain('!cancelled()');
    expect(merge?.strategy?.matrix).toEqual({ target: '${{ fromJSON(needs.targets.outputs.targets) }}' });
    const steps = merge?.steps ?? [];
    const download = steps.find((s) => s.uses?.startsWith('actions/download-artifact'));
    expect(download?.with).toMatchObject({ pattern: 'shard-${{ matrix.target.name }}-*' });
    const script = runs(steps);
    expect(script).toMatch(/for dir in shards\/\*\/; do merge\+=\(--merge "\$dir"\); done/);
    expect(script).toMatch(
      /rovo-mcp-conformance report "\$\{merge\[@\]\}" --reports reports --requirements "\$REQUIREMENTS" "\$\{previous\[@\]\}"/,
    );
    expect(script).toMatch(/previous-run\.sh capabilities-\$\{\{ matrix\.target\.name \}\} previous/);
    expect(script).toMatch(/rovo-mcp-conformance gate --requirements/);
    const uploads = steps.filter((s) => s.uses?.startsWith('actions/upload-artifact'));
    expect(uploads.map((s) => s.with?.name)).toEqual([
      'reports-${{ matrix.target.name }}',
      'capabilities-${{ matrix.target.name }}',
    ]);
  });
});

it('the schema check can fail: a job without runs-on and a step with an unknown key are refused', () => {
  const content = 'on: push\njobs:\n  x:\n    steps:\n      - run: echo\n        frobnicate: true\n';
  const parsed = parseWorkflow({ name: 'broken.yml', content }, new NoOperationTraceWriter());
  expect(parsed.context.errors.getErrors().map((e) => e.message)).toEqual(BROKEN_ERRORS);
});
