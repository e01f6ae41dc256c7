import { defineCommand, type FlagSpecs } from './define-command.ts';

const FLAGS = {
  profile: {
    type: 'string',
    arg: 'p',
    help: 'mock behaviour profile to hold to the facts (fixtures/profiles/<p>.json)',
    defaultNote: '"default"',
  },
  facts: {
    type: 'string',
    arg: 'dir',
    help: 'folder of fact files (*.json)',
    defaultNote: 'fixtures/fidelity',
  },
  json: { type: 'boolean', help: 'print every result as JSON instead of a table' },
} as const satisfies FlagSpecs;

export const fidelityCommand = defineCommand({
  name: 'fidelity',
  summary: "mock fidelity: run every public fact's probe against the Rovo v1 mock",
  description: [
    "Holds the built-in Rovo v1 mock to the public record: each fact of fixtures/fidelity (statement, sources, confidence, probe) is probed on a fresh fake cloud of the profile, and the table says which the mock reproduces, naming each miss with its sources. Confirmed facts are the default profile's behaviour; partial ones are profile switches, so a miss there is reported, not fatal.",
  ],
  flags: FLAGS,
  exits: {
    0: 'every confirmed fact reproduced',
    1: 'a confirmed fact not reproduced (named with its sources)',
    2: 'bad usage or input',
  },
});
