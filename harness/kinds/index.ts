import type { Variant } from '../../mocks/variants/kit/types.ts';
import type { RunSettings } from '../config/settings.ts';
import type { TargetKind, TargetSpec } from '../targets/spec.ts';
import { container } from './container.ts';
import { http } from './http.ts';
import type { CheckSetup, Kind } from './kind.ts';
import { legacyAlt } from './legacy-alt.ts';
import { legacyMock } from './legacy-mock.ts';
import { rovoLive } from './rovo-live.ts';
import { rovoMock } from './rovo-mock.ts';
import { stdio } from './stdio.ts';

/**
 * Every kind of target, one row each: how it is named (presets, reference forms), prepared for a
 * check and reached. The order is resolution's: built-in names first, then reference forms in this
 * order. A kind in targets/spec.ts without a row here does not compile.
 */
export const kinds = {
  'rovo-mock': rovoMock,
  'legacy-mock': legacyMock,
  'legacy-alt': legacyAlt,
  'rovo-live': rovoLive,
  http,
  stdio,
  container,
} satisfies Record<TargetKind, Kind>;

export function kindOf(target: Pick<TargetSpec, 'kind'>): Kind {
  return kinds[target.kind];
}

/** Prepares one check against `target` with its kind's setup. */
export function setupFor(target: TargetSpec, settings: RunSettings, variant?: Variant): Promise<CheckSetup> {
  return kindOf(target).setup(target, settings, variant);
}

/** Releases what every kind keeps for the worker's life (the suites' and commands' teardown). */
export async function closeKinds(): Promise<void> {
  const closers = new Set(Object.values(kinds).flatMap((k: Kind) => (k.close ? [k.close] : [])));
  await Promise.all([...closers].map((close) => close()));
}
