import { LOOPBACK } from '../../mocks/mounts/loopback.ts';
import { defineCommand, type FlagSpecs } from './define-command.ts';

const FLAGS = {
  port: { type: 'string', arg: 'n', help: 'port to listen on; 0 picks a free one', default: '0' },
  host: {
    type: 'string',
    arg: 'ip',
    help: 'address to bind; 0.0.0.0 only inside a container image, whose port the runtime publishes: anywhere else it opens the mock to the network',
    default: LOOPBACK,
  },
  'public-url': {
    type: 'string',
    arg: 'url',
    help: 'the origin clients reach the mock at, named in its OAuth metadata and printed URLs',
    defaultNote: 'the bound address; http://127.0.0.1:<port> when bound to 0.0.0.0 or ::',
  },
  profile: {
    type: 'string',
    arg: 'p',
    help: 'behaviour profile (fixtures/profiles/<p>.json)',
    default: 'default',
  },
  'v2-profile': {
    type: 'string',
    arg: 'p',
    help: 'v2 behaviour profile (fixtures/rovo-v2/profiles/<p>.json); cutover makes /v1/mcp serve the v2 tools',
    default: 'default',
  },
  site: { type: 'string', arg: 's', help: 'site fixture (fixtures/sites/<s>.json)', default: 'default' },
  'compliant-issuer': {
    type: 'boolean',
    help: "name RFC 8414-compliant issuers in the OAuth metadata (turns the profile's issuer-mismatch quirk off, so strict clients such as mcp-remote can sign in)",
  },
  json: {
    type: 'boolean',
    help: 'print one JSON line {url, authv2Url, v2Url, v2NotModelled, listening, cloudId, site, identities} instead of text',
  },
} as const satisfies FlagSpecs;

export const mockCommand = defineCommand({
  name: 'mock',
  summary: 'serve the Rovo MCP mock on 127.0.0.1',
  description: [
    'Serves the Rovo MCP mock (and the fake Jira/Confluence REST API) on 127.0.0.1 until Ctrl-C.',
  ],
  flags: FLAGS,
  exits: { 0: 'stopped by Ctrl-C (SIGINT) or SIGTERM', 2: 'bad usage' },
});
