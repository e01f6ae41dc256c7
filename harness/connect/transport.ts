import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { Credentials } from '../targets/identities.ts';
import type { TargetSpec } from '../targets/spec.ts';

/** What a transport is built from, besides the target. */
export interface TransportOptions {
  credentials: Credentials;
  /** Where to reach an HTTP target; defaults to the spec's url. */
  url?: URL;
  /** A fetch that stays in-process (the fetch mount) or keeps a budget, instead of the global one. */
  fetch?: typeof fetch;
}

/** Builds the transport of one session; a target kind's setup brings its own (default: HTTP). */
export type TransportFactory = (
  target: TargetSpec,
  options: TransportOptions,
) => Transport | Promise<Transport>;
