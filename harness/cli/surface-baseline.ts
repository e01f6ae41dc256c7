import { relative } from 'node:path';
import { SURFACE_SNAPSHOTS_DIR } from '../drift/snapshot-file.ts';
import { defineCommand, type FlagSpecs } from './define-command.ts';
import { CONFIG_FLAG, PROFILE_FLAG } from './flags.ts';
import { PACKAGE_ROOT } from '../../lib/paths.ts';

export const FAIL_ON = ['breaking', 'any', 'none'] as const;

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
    defaultNote: relative(PACKAGE_ROOT, SURFACE_SNAPSHOTS_DIR),
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
});
