import { defineCommand, type FlagSpecs } from './define-command.ts';
import { REQUIREMENTS_FLAG } from './flags.ts';

const FLAGS = {
  requirements: { ...REQUIREMENTS_FLAG, required: true },
  from: {
    type: 'string',
    arg: 'file',
    help: "this run's capabilities.json",
    defaultNote: 'reports/capabilities.json',
  },
  previous: { type: 'string', arg: 'file', help: "the previous run's capabilities.json" },
  target: { type: 'string', arg: 't', help: 'only this target of the run', defaultNote: 'every target' },
} as const satisfies FlagSpecs;

export const gateCommand = defineCommand({
  name: 'gate',
  summary: 'nightly gate: fail on a migration blocker the previous run did not have',
  description: [
    'The nightly gate, from a finished run (no check runs): fails when a critical requirement of the set is blocked on a target of this run and was not blocked in the previous run, i.e. a new migration blocker. Without --previous every blocker is new. Breaking drift fails the run itself (drift.surface.baseline).',
  ],
  flags: FLAGS,
  exits: { 0: 'no new blocker', 1: 'a new blocker (named)', 2: 'bad usage or input' },
});
