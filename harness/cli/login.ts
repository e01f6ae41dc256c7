import { defineCommand, type FlagSpecs } from './define-command.ts';

const FLAGS = {
  url: {
    type: 'string',
    arg: 'mcp-url',
    help: 'the MCP endpoint, e.g. https://mcp.atlassian.com/v1/mcp/authv2',
    required: true,
  },
  store: {
    type: 'string',
    arg: 'file',
    help: 'token store',
    defaultNote: '~/.config/rovo-mcp-conformance/oauth/<host>-<hash>.json',
  },
  scope: {
    type: 'string',
    arg: 'scopes',
    help: 'scopes to ask for, space-separated',
    defaultNote: "what the server's metadata lists",
  },
  port: {
    type: 'string',
    arg: 'n',
    help: 'loopback port for the redirect; 0 picks a free one',
    default: '0',
  },
  timeout: { type: 'string', arg: 's', help: 'how long to wait for the browser, in seconds', default: '300' },
  'print-only': { type: 'boolean', help: 'print the authorization URL, do not try to open a browser' },
  'import-mcp-remote': {
    type: 'boolean',
    help: 'take the sign-in mcp-remote made for --url instead of a browser',
  },
  'mcp-remote-dir': {
    type: 'string',
    arg: 'dir',
    help: "mcp-remote's cache folder",
    defaultNote: '$MCP_REMOTE_CONFIG_DIR or ~/.mcp-auth',
  },
} as const satisfies FlagSpecs;

export const loginCommand = defineCommand({
  name: 'login',
  summary: 'sign in with OAuth for live runs (browser, loopback redirect, 0600 token store)',
  description: [
    'Signs in to an MCP server with OAuth for live runs: opens the authorization page in a browser, receives the redirect on a loopback port, and keeps the tokens in a token store (a JSON file with mode 0600; tokens are never printed). Runs then refresh them by themselves.',
  ],
  flags: FLAGS,
  exits: { 0: 'signed in (the tools visible are counted)', 1: 'the sign-in failed', 2: 'bad usage' },
});
