import { defineCommand, type FlagSpecs } from './define-command.ts';
import { CONFIG_FLAG, LIVE_FLAGS, PROFILE_FLAG, REQUIREMENTS_FLAG } from './flags.ts';

const FLAGS = {
  target: {
    type: 'string',
    arg: 't',
    help: 'the server to migrate to: rovo-mock, rovo-v2-mock, rovo-live, http:<url>, a config name...; twice (the server now, then the one after the cutover) also lists the requirements whose verdict changes between them',
    required: true,
    repeat: 'collect',
  },
  requirements: REQUIREMENTS_FLAG,
  'derive-from': {
    type: 'string',
    arg: 't',
    help: "derive the requirement set from this legacy server's tools/list instead (mapping in fixtures/migration/legacy-tool-map.json)",
  },
  out: {
    type: 'string',
    arg: 'file',
    help: 'also write the derived requirement set, to edit and reuse',
    requires: ['derive-from'],
  },
  profile: PROFILE_FLAG,
  'read-only': {
    type: 'boolean',
    help: 'run only checks that change nothing (the others are unverified)',
    conflicts: ['allow-writes'],
  },
  'allow-writes': LIVE_FLAGS['allow-writes'],
  config: CONFIG_FLAG,
  json: { type: 'boolean', help: 'print the readiness as JSON instead of a table' },
} as const satisfies FlagSpecs;

export const checkCommand = defineCommand({
  name: 'check',
  summary: 'pre-migration check: is a target ready for a requirement set? (exit 0/1)',
  description: [
    'The pre-migration check: runs the checks of every capability a requirement set needs against one target and says whether the target is ready for the agents that rely on them.',
  ],
  flags: FLAGS,
  oneOf: [['requirements', 'derive-from']],
  exits: {
    0: 'ready',
    1: 'blocked (each blocker named, with any workaround the harness verified)',
    2: 'bad usage or config (the message names the flag or field and the fix)',
  },
});
