import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { countingTokenRequests, harnessAuthFetch } from '../auth/refresh.ts';
import { signIn } from '../auth/sign-in.ts';
import { HarnessError } from '../errors.ts';
import { requestHeaders } from './headers.ts';
import { sessionFetch } from './session-fetch.ts';
import type { TransportFactory } from './transport.ts';

/**
 * Streamable HTTP to `options.url` (else the spec's url). With OAuth credentials the SDK attaches the
 * token and runs discovery; the harness client also answers expiry (single-flight refresh, one retry)
 * and missing scopes (step-up) in front of it.
 */
export const httpTransport: TransportFactory = async (target, options) => {
  const url = options.url ?? (target.url ? new URL(target.url) : undefined);
  if (!url) throw new HarnessError('TARGET_UNRESOLVED', `target ${target.name} has no MCP URL`);
  const requestInit = { headers: requestHeaders(target, options.credentials) };
  const base = sessionFetch(options.fetch);
  if (options.credentials.kind !== 'oauth')
    return new StreamableHTTPClientTransport(url, { requestInit, fetch: base });
  const { provider, client } = options.credentials;
  const counted = countingTokenRequests(provider.stats, base);
  if (!provider.tokens()) await signIn(provider, url, counted);
  return new StreamableHTTPClientTransport(url, {
    requestInit,
    authProvider: provider,
    fetch: client === 'harness' ? harnessAuthFetch(provider, url, counted) : counted,
  });
};
