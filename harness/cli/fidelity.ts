import { defineCommand, type FlagSpecs } from './define-command.ts';
import { CONFIG_FLAG } from './flags.ts';

const FLAGS = {
  target: {
    type: 'string',
    arg: 't',
    help: 'where to probe: rovo-mock, rovo-live, http:<url>, a config name... (probes that set a mock up, or write, are not-testable on a target the harness does not own)',
    defaultNote: 'rovo-mock',
    repeat: 'once',
  },
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
  config: CONFIG_FLAG,
  json: { type: 'boolean', help: 'print every result as JSON instead of a table' },
} as const satisfies FlagSpecs;

export const fidelityCommand = defineCommand({
  name: 'fidelity',
  summary: "fidelity: run every public fact's probe against the Rovo mock or any target",
  description: [
    "Holds a target to the public record about Rovo: each fact of fixtures/fidelity (statement, sources, confidence, probe) is probed, and the table says which the target reproduces, naming each miss with its sources. On the built-in mock (the default) every probe gets a fresh fake cloud of the profile, v1 facts at /v1/mcp and v2 facts at /v2/mcp; confirmed facts are the default profile's behaviour and partial ones profile switches, so a partial miss is reported, not fatal.",
    'Against rovo-live the same probes measure the real server (a nightly run notices a stale mock). A probe that sets a mock up (admin switches, faults) or writes is not-testable there, as is a fact of the other endpoint generation, each with the reason; they are not misses.',
  ],
  flags: FLAGS,
  exits: {
    0: 'every confirmed fact the target could be probed for was reproduced',
    1: 'a confirmed fact not reproduced (named with its sources)',
    2: 'bad usage or input (the message names the flag or field)',
  },
});
