import { defineCommand, type FlagSpecs } from './define-command.ts';
import { CONFIG_FLAG, LIVE_FLAGS } from './flags.ts';

const FLAGS = {
  'older-than': {
    type: 'string',
    arg: 'age',
    help: 'only what is older than this: 30m, 6h, 2d, or 0 for everything',
    default: '6h',
  },
  ledger: { ...LIVE_FLAGS.ledger, help: 'where run ledgers are' },
  target: { type: 'string', arg: 't', help: 'the live target', default: 'rovo-live' },
  config: CONFIG_FLAG,
} as const satisfies FlagSpecs;

export const janitorCommand = defineCommand({
  name: 'janitor',
  summary: 'delete what live runs left in the sandbox (ledgers, then labelled artifacts)',
  description: [
    'Deletes what live runs left in the sandbox: every ledger older than --older-than (runs killed before their teardown, including creates whose answer never came), then every issue and page of the sandbox that still carries a run label (rovo-mcp-conformance-<runId>) and is older than --older-than. What may not be deleted is moved to done and labelled rovo-mcp-conformance-closed instead, and said so.',
    'Reads the same environment as a live run (ATLASSIAN_SITE, credentials, sandbox; see README "Live mode").',
  ],
  flags: FLAGS,
  exits: {
    0: 'nothing left behind (closed artifacts are listed)',
    1: 'an artifact could be neither deleted nor closed',
    2: 'bad usage, configuration or preflight',
  },
});
