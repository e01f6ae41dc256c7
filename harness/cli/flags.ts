import { catalogue } from '../catalogue/index.ts';
import type { FlagSpec } from './define-command.ts';

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
