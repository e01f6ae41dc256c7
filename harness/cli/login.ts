import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { loopbackCallback } from '../auth/authorizers.ts';
import { AuthError } from '../auth/errors.ts';
import { HEADLESS_REDIRECT } from '../auth/identity.ts';
import { importMcpRemoteCache } from '../auth/mcp-remote-cache.ts';
import { HarnessOAuthProvider } from '../auth/provider.ts';
import { signIn } from '../auth/sign-in.ts';
import { FileTokenStore } from '../auth/token-store.ts';
import { connect } from '../connect/session.ts';
import { HarnessError } from '../errors.ts';
import { defineCommand, type FlagSpecs, type FlagValues } from './define-command.ts';

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
  run: ({ values }) => signInCommand(values),
});

/** Where `login` keeps a sign-in unless told otherwise: one file per endpoint. */
export function defaultStorePath(url: URL, env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CONFIG_HOME ?? join(homedir(), '.config');
  const hash = createHash('sha256').update(url.href).digest('hex').slice(0, 8);
  return join(base, 'rovo-mcp-conformance', 'oauth', `${url.hostname}-${hash}.json`);
}

function openBrowser(url: URL): void {
  const command =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const child = spawn(command, [url.href], { stdio: 'ignore', detached: true });
  child.on('error', () => undefined);
  child.unref();
}

function parseUrl(value: string): URL {
  try {
    const url = new URL(value);
    if (url.protocol === 'https:' || url.protocol === 'http:') return url;
  } catch {
    // answered below
  }
  throw new HarnessError('USAGE', `--url must be an http(s) URL of an MCP endpoint, got "${value}"`);
}

function parseNumber(flag: string, value: string, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > max)
    throw new HarnessError('USAGE', `--${flag} must be a whole number from 0 to ${max}, got "${value}"`);
  return n;
}

async function signInCommand(values: FlagValues<typeof FLAGS>): Promise<number> {
  const url = parseUrl(values.url);
  const port = parseNumber('port', values.port, 65535);
  const timeoutMs = parseNumber('timeout', values.timeout, 3600) * 1000;
  const store = new FileTokenStore(values.store ?? defaultStorePath(url));

  try {
    let provider: HarnessOAuthProvider;
    if (values['import-mcp-remote']) {
      const from = importMcpRemoteCache({
        serverUrl: url.href,
        into: store,
        ...(values['mcp-remote-dir'] ? { configDir: values['mcp-remote-dir'] } : {}),
      });
      console.log(`Imported mcp-remote's sign-in from ${from.tokensFile}`);
      provider = new HarnessOAuthProvider({ store, serverUrl: url.href, redirectUrl: HEADLESS_REDIRECT });
    } else {
      await using callback = await loopbackCallback(port);
      const open = (authorizeUrl: URL) => {
        console.log(
          `Open this URL to sign in (waiting ${timeoutMs / 1000} s for the redirect):\n${authorizeUrl.href}`,
        );
        if (!values['print-only']) openBrowser(authorizeUrl);
      };
      provider = new HarnessOAuthProvider({
        store,
        serverUrl: url.href,
        redirectUrl: callback.redirectUrl,
        authorizer: callback.authorizer(open, timeoutMs),
        ...(values.scope ? { scope: values.scope } : {}),
      });
      // A new loopback port is a new redirect URI: register afresh rather than reuse an old client.
      provider.invalidateCredentials('all');
      await signIn(provider, url, fetch);
    }
    // Prove the stored sign-in works, and say who it is for.
    const session = await connect(
      { name: url.href, kind: 'http', dialect: 'auto', url: url.href, reason: 'login' },
      { credentials: { kind: 'oauth', provider, client: 'harness' }, requestTimeoutMs: 30_000 },
    );
    const tools = await session.listToolNames();
    await session.close();
    console.log(
      `Signed in: ${tools.length} tools visible at ${url.href}; tokens stored in ${store.path} (mode 0600)`,
    );
    return 0;
  } catch (error) {
    if (error instanceof AuthError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}
