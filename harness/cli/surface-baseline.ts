import { relative, resolve } from 'node:path';
import { DEFAULT_BASELINES_DIR } from '../baselines/load.ts';
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
import { defineCommand, type FlagSpecs, type FlagValues } from './define-command.ts';
import { CONFIG_FLAG, PROFILE_FLAG } from './flags.ts';
import { PACKAGE_ROOT } from './versions.ts';

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

const FLAGS = {
  target: {
    type: 'string',
    arg: 't',
    help: 'rovo-mock, rovo-live, http:<url>... (as for run)',
    default: 'rovo-mock',
  },
  profile: PROFILE_FLAG,
  dir: {
    type: 'string',
    arg: 'dir',
    help: 'where baselines are',
    defaultNote: relative(PACKAGE_ROOT, DEFAULT_BASELINES_DIR),
  },
  from: { type: 'string', arg: 'a.json', help: 'diff: the earlier recorded surface', requires: ['to'] },
  to: { type: 'string', arg: 'b.json', help: 'diff: the later recorded surface', requires: ['from'] },
  'fail-on': {
    type: 'string',
    arg: 'level',
    help: 'diff: exit 1 on breaking changes, on any change, or never',
    choices: FAIL_ON,
    default: 'breaking',
  },
  json: { type: 'boolean', help: 'diff: print the changes as JSON' },
  config: CONFIG_FLAG,
} as const satisfies FlagSpecs;

export const baselineCommand = defineCommand({
  name: 'baseline',
  summary: 'record or diff a tool-surface baseline (drift: breaking or not)',
  description: [
    'Tool-surface baselines: tools/list normalized (input schemas with sorted keys, description digests, annotations) in <dir>/<endpoint>.json, the same surface always the same bytes.',
    'Changes are breaking (tool removed, required parameter added, type narrowed, enum value removed, parameter removed from a closed schema, bound tightened) or not (tool added, optional parameter added, enum widened, description or annotations changed).',
  ],
  positionals: [
    {
      name: 'action',
      help: "record: write the target's surface as its endpoint's baseline; diff: compare a surface with a baseline",
      choices: ['record', 'diff'],
    },
  ],
  examples: [
    { command: 'record --target <t>', help: "write the target's surface as its endpoint's baseline" },
    { command: 'diff --target <t>', help: "compare the target's surface with the committed baseline" },
    { command: 'diff --from <a.json> --to <b.json>', help: 'compare two recorded surfaces' },
  ],
  flags: FLAGS,
  exits: {
    0: 'recorded, or no change at the --fail-on level',
    1: 'such a change',
    2: 'bad usage or no baseline',
  },
  run: ({ values, positionals: [action] }) =>
    surfaceBaseline(action === 'record' ? 'record' : 'diff', values),
});

export function failsOn(level: (typeof FAIL_ON)[number], changes: readonly SurfaceChange[]): boolean {
  return level === 'any' ? changes.length > 0 : level === 'breaking' && changes.some((c) => c.breaking);
}

const readSurface = (path: string, flag: string) =>
  readJsonFile(path, SurfaceBaselineSchema, { flag, fix: 'Pass a file written by "baseline record".' });

async function surfaceBaseline(action: 'record' | 'diff', values: FlagValues<typeof FLAGS>): Promise<number> {
  const dir = values.dir ? resolve(values.dir) : undefined;

  let before: SurfaceBaseline;
  let after: SurfaceBaseline;
  let beforeName: string;
  // --from and --to require each other (declared above).
  if (values.from && values.to) {
    if (action !== 'diff')
      throw new HarnessError(
        'USAGE',
        '--from and --to compare two recorded surfaces with "baseline diff"; "baseline record" takes --target',
      );
    [before, after, beforeName] = [
      readSurface(values.from, '--from'),
      readSurface(values.to, '--to'),
      values.from,
    ];
  } else {
    const settings = buildSettings({
      targets: [values.target],
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
    for (const c of changes) console.log(`  ${describeChange(c)}`);
  }
  return failsOn(values['fail-on'], changes) ? 1 : 0;
}
