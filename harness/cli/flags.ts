import { catalogue } from '../catalogue/index.ts';
import { DEFAULT_BUDGET } from '../live/budget.ts';
import type { FlagSpec, FlagSpecs } from './define-command.ts';

/** Flags several commands take, declared once so that they read the same in every `--help`. */

export const CONFIG_FLAG = {
  type: 'string',
  arg: 'file',
  help: 'config file',
  defaultNote: 'conformance.config.json when present',
} as const satisfies FlagSpec;

export const PROFILE_FLAG = {
  type: 'string',
  arg: 'p',
  help: 'mock behaviour profile (fixtures/profiles/<p>.json)',
  defaultNote: 'the config file\'s, else "default"',
} as const satisfies FlagSpec;

export const AREA_FLAG = {
  type: 'string',
  arg: 'a',
  help: 'only this capability area',
  choices: () => catalogue().areas.map((a) => a.id),
  repeat: 'collect',
} as const satisfies FlagSpec;

export const REQUIREMENTS_FLAG = {
  type: 'string',
  arg: 'file',
  help: 'a requirement set (fixtures/migration/*.json, schema in harness/migration/schema.ts)',
} as const satisfies FlagSpec;

export const PREVIOUS_FLAG = {
  type: 'string',
  arg: 'file',
  help: 'an earlier capabilities.json: adds what changed since then',
} as const satisfies FlagSpec;

/** The flags of a run with live targets (run takes them all, check only --allow-writes). */
export const LIVE_FLAGS = {
  'allow-writes': {
    type: 'boolean',
    help: 'live targets: run the checks that write (in the sandbox only; torn down after); without it, a run with a live target is --read-only',
  },
  ledger: {
    type: 'string',
    arg: 'dir',
    help: 'live targets: where the ledger of created artifacts goes',
    defaultNote: '<reports>/ledger',
  },
  'max-concurrency': {
    type: 'string',
    arg: 'n',
    help: 'live targets: requests in flight at once',
    default: String(DEFAULT_BUDGET.concurrency),
  },
  'calls-per-minute': {
    type: 'string',
    arg: 'n',
    help: 'live targets: requests started per minute',
    default: String(DEFAULT_BUDGET.perMinute),
  },
} as const satisfies FlagSpecs;
