import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { fileTokenStore, type OAuthClient, type TokenStore } from '../oauth.ts';

/**
 * Where the second reference server finds its credentials: fixed paths under its base folder (its
 * working directory when run as a process), as real custom servers keep a token file and an app file
 * next to themselves instead of reading environment variables.
 */
export const ALT_TOKEN_FILE = '.jira-mcp/token.json';
export const ALT_APP_FILE = '.jira-mcp/oauth-app.json';

/** The 3LO token response as Atlassian gives it, with the site list the server picks its site from. */
const SitesSchema = z
  .object({
    resources: z
      .array(z.object({ id: z.string().min(1), url: z.url() }).loose())
      .min(1, 'lists no site; re-run the consent so the token file names its site'),
  })
  .loose();

const AppSchema = z.object({ client_id: z.string().min(1), client_secret: z.string().min(1) });

export class AltCredentialsError extends Error {
  override readonly name = 'AltCredentialsError';
  readonly code = 'ALT_CREDENTIALS';
}

function readJson<S extends z.ZodType>(path: string, schema: S): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new AltCredentialsError(`cannot read ${path}: ${(cause as Error).message}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw new AltCredentialsError(
      `${path} is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  return parsed.data;
}

export interface AltCredentials {
  cloudId: string;
  siteUrl: string;
  client: OAuthClient;
  tokens: TokenStore;
}

/** Reads both files under `dir`; the site is the token file's first resource. */
export function readAltCredentials(dir: string): AltCredentials {
  const tokenPath = join(dir, ALT_TOKEN_FILE);
  const [site] = readJson(tokenPath, SitesSchema).resources;
  const app = readJson(join(dir, ALT_APP_FILE), AppSchema);
  if (!site) throw new AltCredentialsError(`${tokenPath} lists no site`);
  return {
    cloudId: site.id,
    siteUrl: site.url,
    client: { id: app.client_id, secret: app.client_secret },
    tokens: fileTokenStore(tokenPath),
  };
}
