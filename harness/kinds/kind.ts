import type { FakeCloud } from '../../mocks/cloud.ts';
import type { Variant } from '../../mocks/variants/kit/types.ts';
import type { RunSettings } from '../config/settings.ts';
import type { ConnectOptions } from '../connect/session.ts';
import type { SiteFacts } from '../targets/identities.ts';
import type { TargetSpec } from '../targets/spec.ts';

/**
 * What a target kind prepares for one check (or one command that talks to the target): what checks
 * may assume about the site, and how every session of the check reaches the target.
 */
export interface CheckSetup {
  site: SiteFacts;
  /** The fake cloud behind a mock target, for `ctx.mock()`; undefined on every other kind. */
  cloud?: FakeCloud;
  /** The MCP endpoint raw probes and OAuth sign-ins use; undefined for targets reached otherwise. */
  endpoint?: URL;
  /** What every session connects with: the transport (default HTTP), its URL, fetch and call hooks. */
  connect: Pick<ConnectOptions, 'transport' | 'url' | 'fetch' | 'calls'>;
}

/** Why a resolver did not read a reference as its kind (listed when no resolver does). */
export interface Declined {
  skipped: string;
}

/** How one kind of target is named, prepared and reached: one row of the kinds table. */
export interface Kind {
  /** Built-in targets of this kind, by the name `--target` takes (`rovo-mock`...), with the reason given. */
  presets?: Readonly<Record<string, () => TargetSpec>>;
  /** A reference form of this kind (`http:<url>`...): `usage` is how error messages spell it. */
  reference?: { usage: string; resolve(ref: string): TargetSpec | Declined };
  /** The `${NAME}`s a configured target's env may use besides the environment's (default CONFORMANCE_*). */
  envVariables?: readonly string[];
  /** Both ends are ours (a fresh fake cloud per check, served in this process): frames are validated. */
  mock: boolean;
  /** Prepares one check against `target`; `variant` breaks the mock on purpose (mutation testing). */
  setup(target: TargetSpec, settings: RunSettings, variant?: Variant): Promise<CheckSetup>;
  /** Releases what the kind keeps for the worker's life (msw mount, containers); safe to call twice. */
  close?: () => Promise<void>;
}

/** The spec's own URL, if it has one (a configured endpoint wins over a kind's default). */
export function urlOf(target: TargetSpec): URL | undefined {
  return target.url ? new URL(target.url) : undefined;
}
