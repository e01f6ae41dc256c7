import type { FakeCloud } from '../../mocks/cloud.ts';
import type { ConnectOptions } from '../connect/session.ts';
import { liveRuntime } from '../live/runtime.ts';
import type { Variant } from '../../mocks/variants/types.ts';
import { NotTestableError } from '../errors.ts';
import type { RunSettings } from '../config/settings.ts';
import { containerRuntimeFactory } from './container.ts';
import { httpRuntime } from './http-runtime.ts';
import type { SiteFacts } from './identities.ts';
import { freshCloud, loopbackOrigin, mockSiteFacts } from './mock-runtime.ts';
import type { TargetSpec } from './spec.ts';

/** What a target kind provides for one check: site facts, and for mocks the fresh cloud behind it. */
export interface TargetRuntime {
  site: SiteFacts;
  cloud?: FakeCloud;
  /** What every session of the check connects with (live mode: its request budget and write guard). */
  connect?: Pick<ConnectOptions, 'fetch' | 'calls'>;
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

/** A fresh cloud per check; rovo-mock serves it at Rovo's URL, legacy-mock behind the reference legacy server. */
const mockRuntime: RuntimeFactory = async (_target, settings, variant) => {
  const cloud = await freshCloud({ profile: settings.profile, site: settings.site });
  variant?.apply(cloud);
  return { site: mockSiteFacts(cloud), cloud };
};
registerRuntime('rovo-mock', mockRuntime);
registerRuntime('legacy-mock', mockRuntime);

// A spawned server gets the same fresh cloud, on loopback; it is not a mock target (no ctx.mock hooks).
registerRuntime('stdio', async (target, settings, variant) => {
  const { site } = await mockRuntime(target, settings, variant);
  await loopbackOrigin();
  return { site };
});

registerRuntime('http', httpRuntime);
registerRuntime('rovo-live', liveRuntime);
registerRuntime('container', containerRuntimeFactory);
