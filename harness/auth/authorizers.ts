import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthError } from './errors.ts';
import type { AuthorizationResponse, Authorizer } from './provider.ts';

/** Reads the authorization response from the URL the authorization server redirected to. */
export function readCallback(url: URL): AuthorizationResponse {
  const q = url.searchParams;
  const code = q.get('code');
  if (code) return { code, state: q.get('state') ?? undefined };
  return { error: q.get('error') ?? 'no_code', description: q.get('error_description') ?? undefined };
}

/**
 * The mock's stand-in for a person: asks the authorize page to sign in `loginHint` (an email or a
 * fixture handle) and reads the code from its redirect, without following it anywhere.
 */
export function headlessAuthorizer(loginHint: string, fetchFn: typeof fetch = fetch): Authorizer {
  return async (url) => {
    const request = new URL(url);
    request.searchParams.set('login_hint', loginHint);
    const res = await fetchFn(request, { redirect: 'manual' });
    const location = res.headers.get('location');
    if (res.status < 300 || res.status >= 400 || !location)
      return {
        error: 'no_redirect',
        description: `the authorize page answered ${res.status}: ${(await res.text()).slice(0, 200)}`,
      };
    return readCallback(new URL(location));
  };
}

export interface LoopbackCallback extends AsyncDisposable {
  /** The redirect URI to register: `http://127.0.0.1:<port>/callback`. */
  redirectUrl: string;
  /** An authorizer that hands the URL to `open` (print it, launch a browser) and waits for the redirect. */
  authorizer(open: (url: URL) => void | Promise<void>, timeoutMs: number): Authorizer;
  close(): Promise<void>;
}

/** A one-shot HTTP server on 127.0.0.1 that receives the browser's redirect (RFC 8252 loopback). */
export async function loopbackCallback(port = 0): Promise<LoopbackCallback> {
  let deliver: ((response: AuthorizationResponse) => void) | undefined;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/callback') {
      res.writeHead(404).end();
      return;
    }
    const response = readCallback(url);
    const ok = 'code' in response;
    res
      .writeHead(ok ? 200 : 400, { 'content-type': 'text/plain; charset=utf-8' })
      .end(
        ok
          ? 'Signed in. You can close this tab and return to the terminal.'
          : `Sign-in failed: ${response.error}. Return to the terminal.`,
      );
    deliver?.(response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const redirectUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/callback`;
  const close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return {
    redirectUrl,
    authorizer: (open, timeoutMs) => async (url) => {
      const arrived = new Promise<AuthorizationResponse>((resolve) => {
        deliver = resolve;
      });
      await open(url);
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new AuthError(
                'LOGIN_FAILED',
                `no browser came back to ${redirectUrl} within ${Math.round(timeoutMs / 1000)} s; run login again and finish the sign-in in the browser`,
              ),
            ),
          timeoutMs,
        );
      });
      try {
        return await Promise.race([arrived, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    close,
    [Symbol.asyncDispose]: close,
  };
}
