import { relative, resolve } from 'node:path';
import { terminalLine } from './terminal.ts';
import { connect } from '../connect/session.ts';
import {
  endpointOf,
  readSurfaceBaseline,
  surfaceBaselinePath,
  writeSurfaceBaseline,
} from '../drift/baseline-file.ts';
import { listAllTools } from '../protocol/tools.ts';
import { describeChange, diffSurfaces, type SurfaceChange } from '../drift/diff.ts';
import { SurfaceBaselineSchema, snapshotSurface, type SurfaceBaseline } from '../drift/surface.ts';
import { HarnessError } from '../errors.ts';
import { readJsonFile } from '../read-json.ts';
import { buildSettings, type RunSettings } from '../settings.ts';
import { closeMockRuntime } from '../targets/mock-runtime.ts';
import { runtimeFor } from '../targets/runtimes.ts';
import type { TargetSpec } from '../targets/types.ts';
import { parseFlags } from './args.ts';
import { PACKAGE_ROOT } from './versions.ts';

export const BASELINE_USAGE = `Usage: rovo-mcp-conformance baseline record|diff [options]

Tool-surface baselines: tools/list normalized (input schemas with sorted keys, description digests,
annotations) in fixtures/baselines/<endpoint>.json, the same surface always the same bytes.

  baseline record --target <t>   write the target's surface as its endpoint's baseline
  baseline diff --target <t>     compare the target's surface with the committed baseline
  baseline diff --from <a.json> --to <b.json>   compare two recorded surfaces

Changes are breaking (tool removed, required parameter added, type narrowed, enum value removed,
parameter removed from a closed schema, bound tightened) or not (tool added, optional parameter added,
enum widened, description or annotations changed).

Options:
  --target <t>        rovo-mock (default), rovo-live, http:<url>... (as for run)
  --profile <p>       mock profile, for rovo-mock
  --dir <d>           where baselines are (default fixtures/baselines)
  --fail-on <level>   diff: exit 1 on "breaking" changes (default), "any" change, or "none"
  --json              diff: print the changes as JSON
  --config <f>        config file
  -h, --help          this text

Exit codes: 0 recorded, or no change at the --fail-on level; 1 such a change; 2 bad usage or no baseline.`;

/** The surface a target shows its default identity, with the endpoint it belongs to. */
export async function captureSurface(target: TargetSpec, settings: RunSettings): Promise<SurfaceBaseline> {
  const runtime = await runtimeFor(target, settings, undefined);
  const session = await connect(target, {
    credentials: runtime.site.identities.member ?? { kind: 'none' },
    requestTimeoutMs: settings.requestTimeoutMs,
    ...(runtime.connect?.fetch ? { fetch: runtime.connect.fetch } : {}),
  });
  try {
    const source = target.kind === 'rovo-mock' ? `rovo-mock (profile ${settings.profile})` : target.name;
    return snapshotSurface(endpointOf(target), source, (await listAllTools(session)).tools);
  } finally {
    await session.close();
    await closeMockRuntime();
  }
}

const FAIL_ON = ['breaking', 'any', 'none'] as const;

export function failsOn(level: (typeof FAIL_ON)[number], changes: readonly SurfaceChange[]): boolean {
  return level === 'any' ? changes.length > 0 : level === 'breaking' && changes.some((c) => c.breaking);
}

const readSurface = (path: string, flag: string) =>
  readJsonFile(path, SurfaceBaselineSchema, { flag, fix: 'Pass a file written by "baseline record".' });

export async function baselineCommand(argv: string[]): Promise<number> {
  const [action, ...rest] = argv;
  const { values } = parseFlags(
    rest,
    {
      target: { type: 'string' },
      profile: { type: 'string' },
      dir: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      'fail-on': { type: 'string' },
      json: { type: 'boolean' },
      config: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    BASELINE_USAGE,
  );
  if (values.help || action === '--help' || action === '-h') {
    console.log(BASELINE_USAGE);
    return 0;
  }
  if (action !== 'record' && action !== 'diff')
    throw new HarnessError(
      'USAGE',
      `baseline needs "record" or "diff", got "${action ?? ''}"\n\n${BASELINE_USAGE}`,
    );
  const failOn = values['fail-on'] ?? 'breaking';
  if (!FAIL_ON.includes(failOn as (typeof FAIL_ON)[number]))
    throw new HarnessError('USAGE', `--fail-on must be breaking, any or none, got "${failOn}"`);
  const dir = values.dir ? resolve(values.dir) : undefined;

  let before: SurfaceBaseline;
  let after: SurfaceBaseline;
  let beforeName: string;
  if (values.from || values.to) {
    if (!values.from || !values.to || action !== 'diff')
      throw new HarnessError('USAGE', 'baseline diff compares two files with both --from and --to');
    [before, after, beforeName] = [
      readSurface(values.from, '--from'),
      readSurface(values.to, '--to'),
      values.from,
    ];
  } else {
    const settings = buildSettings({
      targets: [values.target ?? 'rovo-mock'],
      ...(values.profile ? { profile: values.profile } : {}),
      ...(values.config ? { config: values.config } : {}),
    });
    const target = settings.targets[0];
    if (!target) throw new HarnessError('USAGE', 'baseline needs a --target');
    after = await captureSurface(target, settings);
    const path = surfaceBaselinePath(after.endpoint, dir);
    beforeName = relative(PACKAGE_ROOT, path);
    if (action === 'record') {
      writeSurfaceBaseline(path, after);
      console.log(
        `Recorded ${after.tools.length} tools of ${after.endpoint} from ${after.source} in ${beforeName}`,
      );
      return 0;
    }
    const recorded = readSurfaceBaseline(path);
    if (!recorded)
      throw new HarnessError(
        'USAGE',
        `no baseline for ${after.endpoint} at ${beforeName}; record one with "baseline record --target ${target.name}"`,
      );
    before = recorded;
  }
  const changes = diffSurfaces(before, after);
  if (values.json)
    console.log(JSON.stringify({ endpoint: after.endpoint, baseline: beforeName, changes }, null, 2));
  else {
    const breaking = changes.filter((c) => c.breaking).length;
    console.log(`${after.endpoint}: ${changes.length} change(s) against ${beforeName}, ${breaking} breaking`);
    for (const c of changes) console.log(`  ${terminalLine(describeChange(c))}`);
  }
  return failsOn(failOn as (typeof FAIL_ON)[number], changes) ? 1 : 0;
}
