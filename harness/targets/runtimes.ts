import type { FakeCloud } from '../../mocks/cloud.ts';
import type { Variant } from '../../mocks/variants/types.ts';
import { NotTestableError } from '../errors.ts';
import type { RunSettings } from '../settings.ts';
import { httpRuntime } from './http-runtime.ts';
import type { SiteFacts } from './identities.ts';
import { freshCloud, mockSiteFacts } from './mock-runtime.ts';
import type { TargetSpec } from './types.ts';

/** What a target kind provides for one check: site facts, and for mocks the fresh cloud behind it. */
export interface TargetRuntime {
  site: SiteFacts;
  cloud?: FakeCloud;
}

export type RuntimeFactory = (
  target: TargetSpec,
  settings: RunSettings,
  variant: Variant | undefined,
) => Promise<TargetRuntime>;

const runtimes = new Map<TargetSpec['kind'], RuntimeFactory>();

/** Each target kind registers how it is prepared for a check; kinds without one are not testable. */
export function registerRuntime(kind: TargetSpec['kind'], factory: RuntimeFactory): void {
  runtimes.set(kind, factory);
}

export function runtimeFor(
  target: TargetSpec,
  settings: RunSettings,
  variant: Variant | undefined,
): Promise<TargetRuntime> {
  const factory = runtimes.get(target.kind);
  if (!factory) throw new NotTestableError(`no runtime for "${target.kind}" targets in this build`);
  return factory(target, settings, variant);
}

registerRuntime('rovo-mock', async (_target, settings, variant) => {
  const cloud = await freshCloud({ profile: settings.profile, site: settings.site });
  variant?.apply(cloud);
  return { site: mockSiteFacts(cloud), cloud };
});

registerRuntime('http', httpRuntime);
