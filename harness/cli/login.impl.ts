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
import type { ParsedOf } from './define-command.ts';
import type { loginCommand } from './login.ts';

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

/** `login`: an OAuth sign-in kept in a token store, proven by listing the tools. */
export async function run({ values }: ParsedOf<typeof loginCommand>): Promise<number> {
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
