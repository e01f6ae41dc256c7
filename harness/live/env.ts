import { existsSync } from 'node:fs';
import { providerFor } from '../auth/identity.ts';
import { defaultStorePath } from '../auth/token-store.ts';
import type { Credentials, IdentityName } from '../targets/identities.ts';
import { registerSecret } from '../redact.ts';
import { LiveError } from './errors.ts';

/** Rovo's endpoint unless `ROVO_MCP_URL` relocates it (`/v1/mcp/authv2`, or a loopback mock in tests). */
export const DEFAULT_MCP_URL = 'https://mcp.atlassian.com/v1/mcp';
/** Atlassian's REST gateway: `/ex/jira/<cloudId>/rest/api/3`, `/ex/confluence/<cloudId>/wiki/...`. */
export const DEFAULT_API_URL = 'https://api.atlassian.com';

export type LiveAuth =
  { kind: 'basic'; email: string; apiToken: string } | { kind: 'oauth'; store: string; source: string };

/** Everything live mode reads from the environment, checked once with a message per variable. */
export interface LiveConfig {
  mcpUrl: URL;
  apiUrl: URL;
  /** `ATLASSIAN_SITE` as given: a cloudId or a host (preflight finds the other). */
  site: { cloudId: string } | { host: string };
  sandboxProject: string | undefined;
  sandboxSpace: string | undefined;
  auth: LiveAuth;
  /** Further API-token identities by role (the restricted one plays `viewer` and `outsider`). */
  identities: Partial<Record<IdentityName, { email: string; apiToken: string }>>;
}

/** Every variable live mode reads, for the README and for messages. */
export const LIVE_VARIABLES = {
  ROVO_MCP_URL: `the MCP endpoint (default ${DEFAULT_MCP_URL}; ${DEFAULT_MCP_URL}/authv2 for the new authorization server)`,
  ATLASSIAN_API_URL: `the REST gateway for teardown and the janitor (default ${DEFAULT_API_URL})`,
  ATLASSIAN_SITE: 'the site: its cloudId or its host, e.g. acme.atlassian.net',
  ATLASSIAN_EMAIL: 'with ATLASSIAN_API_TOKEN: API-token (Basic) authentication',
  ATLASSIAN_API_TOKEN: 'a scoped API token of ATLASSIAN_EMAIL',
  ATLASSIAN_OAUTH_STORE:
    'or: a token store written by `rovo-mcp-conformance login` (or `login --import-mcp-remote`)',
  ATLASSIAN_SANDBOX_PROJECT: 'the Jira project key checks may write in',
  ATLASSIAN_SANDBOX_SPACE: 'the Confluence space key checks may write in',
  ATLASSIAN_RESTRICTED_EMAIL:
    'with ATLASSIAN_RESTRICTED_API_TOKEN: a second identity that may browse the sandbox but not change it (permission checks)',
  ATLASSIAN_RESTRICTED_API_TOKEN: 'its API token',
  ATLASSIAN_ADMIN_EMAIL:
    'with ATLASSIAN_ADMIN_API_TOKEN: an administrator, for checks that verify through one',
  ATLASSIAN_ADMIN_API_TOKEN: 'its API token',
} as const;

type Env = Record<string, string | undefined>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KEY = /^[A-Z][A-Z0-9_]*$/;

function bad(variable: keyof typeof LIVE_VARIABLES, problem: string): LiveError {
  return new LiveError(
    'LIVE_ENV_INVALID',
    `${variable} ${problem} (${variable}: ${LIVE_VARIABLES[variable]})`,
  );
}

function url(env: Env, variable: 'ATLASSIAN_API_URL', fallback: string): URL {
  const value = env[variable]?.trim() || fallback;
  try {
    const parsed = new URL(value);
    if (parsed.protocol === 'https:' || parsed.protocol === 'http:') return parsed;
  } catch {
    // answered below
  }
  throw bad(variable, `is not an http(s) URL: "${value}"`);
}

/** `acme.atlassian.net`, `https://acme.atlassian.net/jira` or a cloudId. */
function site(env: Env): LiveConfig['site'] {
  const value = env.ATLASSIAN_SITE?.trim();
  if (!value) throw bad('ATLASSIAN_SITE', 'is not set');
  if (UUID.test(value)) return { cloudId: value.toLowerCase() };
  try {
    return { host: new URL(value.includes('://') ? value : `https://${value}`).host };
  } catch {
    throw bad('ATLASSIAN_SITE', `is neither a cloudId nor a host: "${value}"`);
  }
}

function key(
  env: Env,
  variable: 'ATLASSIAN_SANDBOX_PROJECT' | 'ATLASSIAN_SANDBOX_SPACE',
): string | undefined {
  const value = env[variable]?.trim();
  if (!value) return undefined;
  if (!KEY.test(value)) throw bad(variable, `must be a key in capitals, e.g. SBX, not "${value}"`);
  return value;
}

/** A pair of variables that must come together. */
function pair(env: Env, email: keyof typeof LIVE_VARIABLES, token: keyof typeof LIVE_VARIABLES) {
  const [e, t] = [env[email]?.trim(), env[token]?.trim()];
  if (!e && !t) return undefined;
  if (!e) throw bad(email, `is not set, but ${token} is`);
  if (!t) throw bad(token, `is not set, but ${email} is`);
  registerSecret(t);
  return { email: e, apiToken: t };
}

function auth(env: Env, mcpUrl: URL): LiveAuth {
  const basic = pair(env, 'ATLASSIAN_EMAIL', 'ATLASSIAN_API_TOKEN');
  const store = env.ATLASSIAN_OAUTH_STORE?.trim();
  if (basic && store)
    throw bad(
      'ATLASSIAN_OAUTH_STORE',
      'is set together with ATLASSIAN_EMAIL/ATLASSIAN_API_TOKEN: choose one',
    );
  if (basic) return { kind: 'basic', ...basic };
  if (store) {
    if (!existsSync(store))
      throw bad(
        'ATLASSIAN_OAUTH_STORE',
        `names ${store}, which does not exist: sign in with \`npx rovo-mcp-conformance login --url ${mcpUrl.href} --store ${store}\``,
      );
    return { kind: 'oauth', store, source: 'ATLASSIAN_OAUTH_STORE' };
  }
  const signedIn = defaultStorePath(mcpUrl, env);
  if (existsSync(signedIn))
    return { kind: 'oauth', store: signedIn, source: `the login token store ${signedIn}` };
  throw new LiveError(
    'LIVE_ENV_INVALID',
    `no credentials for ${mcpUrl.href}: set ATLASSIAN_EMAIL and ATLASSIAN_API_TOKEN (a scoped API token), or sign in with \`npx rovo-mcp-conformance login --url ${mcpUrl.href}\` (add --import-mcp-remote to reuse an mcp-remote sign-in), or point ATLASSIAN_OAUTH_STORE at a token store`,
  );
}

/**
 * Reads live mode's variables for the endpoint `mcpUrl` (the target's URL, which `ROVO_MCP_URL` already
 * set); the first problem is an error naming the variable and what it is for.
 */
export function liveConfig(mcpUrl: string, env: Env = process.env): LiveConfig {
  const mcp = new URL(mcpUrl);
  const restricted = pair(env, 'ATLASSIAN_RESTRICTED_EMAIL', 'ATLASSIAN_RESTRICTED_API_TOKEN');
  const admin = pair(env, 'ATLASSIAN_ADMIN_EMAIL', 'ATLASSIAN_ADMIN_API_TOKEN');
  return {
    mcpUrl: mcp,
    apiUrl: url(env, 'ATLASSIAN_API_URL', DEFAULT_API_URL),
    site: site(env),
    sandboxProject: key(env, 'ATLASSIAN_SANDBOX_PROJECT'),
    sandboxSpace: key(env, 'ATLASSIAN_SANDBOX_SPACE'),
    auth: auth(env, mcp),
    identities: {
      ...(restricted ? { viewer: restricted, outsider: restricted } : {}),
      ...(admin ? { admin } : {}),
    },
  };
}

/** Which variables give an identity, for not-testable messages. */
export function identityHint(as: IdentityName): string {
  if (as === 'viewer' || as === 'outsider')
    return 'set ATLASSIAN_RESTRICTED_EMAIL and ATLASSIAN_RESTRICTED_API_TOKEN (a second identity that may browse the sandbox but not change it)';
  if (as === 'admin') return 'set ATLASSIAN_ADMIN_EMAIL and ATLASSIAN_ADMIN_API_TOKEN';
  return `live mode has no "${as}" identity (a scoped read-only or a classic API token is only known to the mock)`;
}

/** The run's own identity: Basic with the API token, or OAuth from the token store. */
export function mainCredentials(config: LiveConfig): Credentials {
  if (config.auth.kind === 'basic')
    return { kind: 'basic', email: config.auth.email, apiToken: config.auth.apiToken };
  return {
    kind: 'oauth',
    provider: providerFor({ kind: 'store', path: config.auth.store }, config.mcpUrl.href),
    client: 'harness',
  };
}
