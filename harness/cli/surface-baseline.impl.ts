import { relative, resolve } from 'node:path';
import { connect } from '../connect/session.ts';
import {
  endpointOf,
  readSurfaceSnapshot,
  surfaceSnapshotPath,
  writeSurfaceSnapshot,
} from '../drift/snapshot-file.ts';
import { listAllTools } from '../scenario/list-tools.ts';
import { describeChange, diffSurfaces, type SurfaceChange } from '../drift/diff.ts';
import { SurfaceSnapshotSchema, snapshotSurface, type SurfaceSnapshot } from '../drift/surface.ts';
import { HarnessError } from '../errors.ts';
import { readJsonFile } from '../read-json.ts';
import type { RunSettings } from '../config/settings.ts';
import { buildSettings } from '../kinds/resolve.ts';
import { closeWorkerCloud } from '../kinds/worker-cloud.ts';
import { setupFor } from '../kinds/index.ts';
import type { TargetSpec } from '../targets/spec.ts';
import type { ParsedOf } from './define-command.ts';
import type { baselineCommand, FAIL_ON } from './surface-baseline.ts';
import { PACKAGE_ROOT } from '../../lib/paths.ts';
import { terminalLine } from './terminal.ts';

/** The surface a target shows its default identity, with the endpoint it belongs to. */
export async function captureSurface(target: TargetSpec, settings: RunSettings): Promise<SurfaceSnapshot> {
  const setup = await setupFor(target, settings);
  const session = await connect(target, {
    credentials: setup.site.identities.member ?? { kind: 'none' },
    requestTimeoutMs: settings.requestTimeoutMs,
    ...setup.connect,
  });
  try {
    const source = target.kind === 'rovo-mock' ? `rovo-mock (profile ${settings.profile})` : target.name;
    return snapshotSurface(endpointOf(target), source, (await listAllTools(session)).tools);
  } finally {
    await session.close();
    await closeWorkerCloud();
  }
}

export function failsOn(level: (typeof FAIL_ON)[number], changes: readonly SurfaceChange[]): boolean {
  return level === 'any' ? changes.length > 0 : level === 'breaking' && changes.some((c) => c.breaking);
}

const readSurface = (path: string, flag: string) =>
  readJsonFile(path, SurfaceSnapshotSchema, { flag, fix: 'Pass a file written by "baseline record".' });

/** `baseline record|diff`: a target's tool surface written as its endpoint's baseline, or compared with one. */
export function run({ values, positionals: [action] }: ParsedOf<typeof baselineCommand>): Promise<number> {
  return surfaceBaseline(action === 'record' ? 'record' : 'diff', values);
}

async function surfaceBaseline(
  action: 'record' | 'diff',
  values: ParsedOf<typeof baselineCommand>['values'],
): Promise<number> {
  const dir = values.dir ? resolve(values.dir) : undefined;

  let before: SurfaceSnapshot;
  let after: SurfaceSnapshot;
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
    const path = surfaceSnapshotPath(after.endpoint, dir);
    beforeName = relative(PACKAGE_ROOT, path);
    if (action === 'record') {
      writeSurfaceSnapshot(path, after);
      console.log(
        `Recorded ${after.tools.length} tools of ${after.endpoint} from ${after.source} in ${beforeName}`,
      );
      return 0;
    }
    const recorded = readSurfaceSnapshot(path);
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
  return failsOn(values['fail-on'], changes) ? 1 : 0;
}
