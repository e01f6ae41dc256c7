import { spawn } from 'node:child_process';
import { loopbackCallback } from '../auth/authorizers.ts';
import { AuthError } from '../auth/errors.ts';
import { HEADLESS_REDIRECT } from '../auth/identity.ts';
import { importMcpRemoteCache } from '../auth/mcp-remote-cache.ts';
import { HarnessOAuthProvider } from '../auth/provider.ts';
import { signIn } from '../auth/sign-in.ts';
import { defaultStorePath, FileTokenStore } from '../auth/token-store.ts';
import { connect } from '../connect/session.ts';
import { HarnessError } from '../errors.ts';
import { parseFlags } from './args.ts';

export const LOGIN_USAGE = `Usage: rovo-mcp-conformance login --url <mcp-url> [options]

Signs in to an MCP server with OAuth for live runs: opens the authorization page in a browser,
receives the redirect on a loopback port, and keeps the tokens in a token store (a JSON file with
mode 0600; tokens are never printed). Runs then refresh them by themselves.

Options:
  --url <url>            the MCP endpoint, e.g. https://mcp.atlassian.com/v1/mcp/authv2
  --store <file>         token store (default: ~/.config/rovo-mcp-conformance/oauth/<host>-<hash>.json)
  --scope <scopes>       scopes to ask for, space-separated (default: what the server's metadata lists)
  --port <n>             loopback port for the redirect (default: a free one)
  --timeout <s>          how long to wait for the browser (default 300)
  --print-only           print the authorization URL, do not try to open a browser
  --import-mcp-remote    take the sign-in mcp-remote made for --url instead of a browser
  --mcp-remote-dir <d>   mcp-remote's cache folder (default: $MCP_REMOTE_CONFIG_DIR or ~/.mcp-auth)
  -h, --help             this text`;

function openBrowser(url: URL): void {
  const command =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const child = spawn(command, [url.href], { stdio: 'ignore', detached: true });
  child.on('error', () => undefined);
  child.unref();
}

function parseUrl(value: string | undefined): URL {
  if (value === undefined) throw new HarnessError('USAGE', `login needs --url <mcp-url>\n\n${LOGIN_USAGE}`);
  try {
    const url = new URL(value);
    if (url.protocol === 'https:' || url.protocol === 'http:') return url;
  } catch {
    // answered below
  }
  throw new HarnessError('USAGE', `--url must be an http(s) URL of an MCP endpoint, got "${value}"`);
}

function parseNumber(flag: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > max)
    throw new HarnessError('USAGE', `--${flag} must be a whole number from 0 to ${max}, got "${value}"`);
  return n;
}

export async function loginCommand(argv: string[]): Promise<number> {
  const { values } = parseFlags(
    argv,
    {
      url: { type: 'string' },
      store: { type: 'string' },
      scope: { type: 'string' },
      port: { type: 'string' },
      timeout: { type: 'string' },
      'print-only': { type: 'boolean' },
      'import-mcp-remote': { type: 'boolean' },
      'mcp-remote-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    LOGIN_USAGE,
  );
  if (values.help) {
    console.log(LOGIN_USAGE);
    return 0;
  }
  const url = parseUrl(values.url);
  const port = parseNumber('port', values.port, 0, 65535);
  const timeoutMs = parseNumber('timeout', values.timeout, 300, 3600) * 1000;
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
