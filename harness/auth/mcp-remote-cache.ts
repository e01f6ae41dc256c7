import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import {
  OAuthClientInformationFullSchema,
  OAuthTokensSchema,
} from '@modelcontextprotocol/sdk/shared/auth.js';
import type { z } from 'zod';
import { describeIssues } from '../../lib/errors.ts';
import { AuthError } from './errors.ts';
import type { StoredAuth, TokenStore } from './token-store.ts';

/** mcp-remote's cache root: `$MCP_REMOTE_CONFIG_DIR`, else `~/.mcp-auth` (mcp-remote src/lib/mcp-auth-config.ts). */
export function mcpRemoteConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.MCP_REMOTE_CONFIG_DIR ?? join(homedir(), '.mcp-auth');
}

/** mcp-remote keys its files by md5 of the server URL (plus options the harness does not use). */
export function mcpRemoteKey(serverUrl: string): string {
  return createHash('md5').update(serverUrl).digest('hex');
}

function readJson<S extends z.ZodType>(path: string, schema: S): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new AuthError('TOKEN_STORE_INVALID', `${path} is not readable JSON`, { cause });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw new AuthError(
      'TOKEN_STORE_INVALID',
      `${path} is not an mcp-remote cache file:\n${describeIssues(parsed.error.issues)}`,
    );
  return parsed.data;
}

/**
 * Imports the sign-in mcp-remote made for `serverUrl` (its `_client_info.json` and `_tokens.json`
 * under `mcp-remote-v<N>/`, newest layout first) into a harness token store, so a run can reuse it
 * and refresh it. The tokens are taken exactly as mcp-remote saved them.
 */
export function importMcpRemoteCache(options: { serverUrl: string; into: TokenStore; configDir?: string }): {
  tokensFile: string;
  clientFile: string;
} {
  const root = options.configDir ?? mcpRemoteConfigDir();
  const key = mcpRemoteKey(options.serverUrl);
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((d) => /^mcp-remote-v?\d/.test(d))
        .sort((a, b) => b.localeCompare(a, 'en', { numeric: true }))
    : [];
  for (const version of versions) {
    const tokensFile = join(root, version, `${key}_tokens.json`);
    const clientFile = join(root, version, `${key}_client_info.json`);
    if (!existsSync(tokensFile) || !existsSync(clientFile)) continue;
    const auth: StoredAuth = {
      version: 1,
      serverUrl: options.serverUrl,
      clientInformation: readJson(clientFile, OAuthClientInformationFullSchema),
      tokens: readJson(tokensFile, OAuthTokensSchema),
      savedAt: Date.now(),
    };
    options.into.save(auth);
    return { tokensFile, clientFile };
  }
  throw new AuthError(
    'CACHE_NOT_FOUND',
    `no mcp-remote sign-in for ${options.serverUrl} under ${root} (looked for mcp-remote-v*/${key}_tokens.json); run "npx mcp-remote ${options.serverUrl}" once and sign in, or name the cache folder with --mcp-remote-dir`,
  );
}
