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
  })
  .loose();
const Workflow = z
  .object({
    on: z.record(z.string(), z.unknown()),
    permissions: z.record(z.string(), z.string()),
    concurrency: z.object({ group: z.string(), 'cancel-in-progress': z.boolean() }),
    jobs: z.record(z.string(), z.object({ steps: z.array(Step) }).loose()),
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

it('nightly runs the mock always and live only with secrets, uploads reports, compares with last night and fails on drift or a new blocker', () => {
  const { workflow } = load('nightly.yml');
  expect(Object.keys(workflow.on)).toContain('schedule');
  const mock = workflow.jobs.mock?.steps ?? [];
  const live = workflow.jobs.live?.steps ?? [];
  expect(runs(mock)).toMatch(/npm run conformance -- --requirements "\$REQUIREMENTS" "\$\{previous\[@\]\}"/);
  expect(runs(mock)).toMatch(/previous-run\.sh capabilities-mock previous/);
  expect(runs(mock)).toMatch(/rovo-mcp-conformance gate/);
  expect(mock.filter((s) => s.uses?.startsWith('actions/upload-artifact')).length).toBe(2);
  // Every live step after the probe is conditional on the secrets being there.
  expect(live.slice(1).every((s) => s.if?.includes("steps.secrets.outputs.present == 'true'"))).toBe(true);
  const liveRuns = runs(live);
  expect(liveRuns).toMatch(/--target rovo-live --allow-writes/);
  // Breaking drift fails the run itself: drift.surface.baseline is one of its checks.
  expect(liveRuns).not.toMatch(/--area/);
  expect(liveRuns).toMatch(/rovo-mcp-conformance gate/);
  expect(live.find((s) => s.run?.includes('janitor'))?.if).toContain('always()');
  expect(live.filter((s) => s.uses?.startsWith('actions/upload-artifact')).length).toBe(2);
});

it('the schema check can fail: a job without runs-on and a step with an unknown key are refused', () => {
  const content = 'on: push\njobs:\n  x:\n    steps:\n      - run: echo\n        frobnicate: true\n';
  const parsed = parseWorkflow({ name: 'broken.yml', content }, new NoOperationTraceWriter());
  expect(parsed.context.errors.getErrors().map((e) => e.message)).toEqual(BROKEN_ERRORS);
});
