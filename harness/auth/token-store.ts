import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  OAuthClientInformationFullSchema,
  OAuthMetadataSchema,
  OAuthProtectedResourceMetadataSchema,
  OAuthTokensSchema,
} from '@modelcontextprotocol/sdk/shared/auth.js';
import { z } from 'zod';
import { describeIssues } from '../../lib/errors.ts';
import { registerSecret } from '../redact.ts';
import { AuthError } from './errors.ts';

/** Where `login` keeps a sign-in unless told otherwise: one file per endpoint. */
export function defaultStorePath(url: URL, env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CONFIG_HOME ?? join(homedir(), '.config');
  const hash = createHash('sha256').update(url.href).digest('hex').slice(0, 8);
  return join(base, 'rovo-mcp-conformance', 'oauth', `${url.hostname}-${hash}.json`);
}

/**
 * What the harness keeps about one OAuth sign-in: the registered client, the tokens exactly as the
 * SDK handed them over (it stamps `issuer` and compares it on the way back), and where discovery led.
 */
export const StoredAuthSchema = z.object({
  version: z.literal(1),
  /** The MCP endpoint the sign-in is for. */
  serverUrl: z.url(),
  clientInformation: OAuthClientInformationFullSchema.optional(),
  tokens: OAuthTokensSchema.optional(),
  /** When the tokens were saved (ms since the epoch), to tell how old `expires_in` is. */
  savedAt: z.number().optional(),
  discovery: z
    .object({
      authorizationServerUrl: z.string(),
      authorizationServerMetadata: OAuthMetadataSchema.optional(),
      resourceMetadata: OAuthProtectedResourceMetadataSchema.optional(),
    })
    .optional(),
});
export type StoredAuth = z.infer<typeof StoredAuthSchema>;

export interface TokenStore {
  /** The file it lives in, for messages (never the content); none for a store in memory. */
  readonly path?: string;
  load(): StoredAuth | undefined;
  save(auth: StoredAuth): void;
}

/** Every secret in a stored sign-in is registered, so no report, log or attachment can show it. */
function guard(auth: StoredAuth | undefined): StoredAuth | undefined {
  registerSecret(auth?.tokens?.access_token);
  registerSecret(auth?.tokens?.refresh_token);
  registerSecret(auth?.clientInformation?.client_secret);
  return auth;
}

/** A sign-in that lives as long as the process (checks against the mock). */
export class MemoryTokenStore implements TokenStore {
  private value: StoredAuth | undefined;

  load(): StoredAuth | undefined {
    return this.value;
  }

  save(auth: StoredAuth): void {
    this.value = guard(structuredClone(auth));
  }
}

/**
 * A sign-in on disk for live runs: one JSON file, mode 0600, written whole through a temporary file
 * and a rename so a crash never leaves half a token behind. Reading validates every field.
 */
export class FileTokenStore implements TokenStore {
  /** What this process last read or wrote: the SDK asks for the tokens on every request. */
  private cached: StoredAuth | undefined;

  constructor(readonly path: string) {}

  load(): StoredAuth | undefined {
    this.cached ??= this.read();
    return this.cached;
  }

  private read(): StoredAuth | undefined {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new AuthError('TOKEN_STORE_INVALID', `cannot read the token store ${this.path}`, {
        cause: error,
      });
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (cause) {
      throw new AuthError(
        'TOKEN_STORE_INVALID',
        `the token store ${this.path} is not JSON; delete it and sign in again`,
        { cause },
      );
    }
    const parsed = StoredAuthSchema.safeParse(json);
    if (!parsed.success)
      throw new AuthError(
        'TOKEN_STORE_INVALID',
        `the token store ${this.path} is invalid; delete it and sign in again:\n${describeIssues(parsed.error.issues)}`,
      );
    return guard(parsed.data);
  }

  save(auth: StoredAuth): void {
    guard(auth);
    mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 });
    const temporary = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(auth, null, 2)}\n`, { mode: 0o600 });
    // The mode passed to writeFileSync is masked by the umask; the file must end up 0600 whatever it is.
    chmodSync(temporary, 0o600);
    renameSync(temporary, this.path);
    this.cached = auth;
  }
}
