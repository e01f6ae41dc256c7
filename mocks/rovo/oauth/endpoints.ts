import type { CloudOrigins } from '../../atlassian/origins.ts';
import type { AuthProfile } from '../profile/auth.ts';

export type Generation = 'gen1' | 'gen2';

/** The gen-1 issuer the metadata names while the mismatch quirk is on (atlassian-mcp-server#205). */
export const GEN1_QUIRK_ISSUER = 'https://cf.mcp.atlassian.com';

/** Who tokens of each generation are for; an MCP endpoint takes only its own generation's tokens. */
export const AUDIENCE: Record<Generation, string> = {
  gen1: 'https://mcp.atlassian.com',
  gen2: 'api.atlassian.com',
};

export const PRM_PREFIX = '/.well-known/oauth-protected-resource';

/** `/v1/mcp/authv2` is always authv2; `/v1/mcp` speaks the profile's generation. */
export function generationOf(mcpPath: string, auth: AuthProfile): Generation {
  return mcpPath === '/v1/mcp/authv2' ? 'gen2' : auth.generation;
}

/** The URL of an MCP endpoint's protected-resource metadata (RFC 9728 path-suffixed form). */
export function prmUrl(origins: CloudOrigins, mcpPath: string): string {
  return `${origins.mcp}${PRM_PREFIX}${mcpPath}`;
}

export interface AuthorizationServer {
  generation: Generation;
  /** What discovery starts from: the PRM's authorization server URL (gen2) or the MCP origin (gen1). */
  url: string;
  issuer: string;
  authorize: string;
  token: string;
  register: string;
  revoke?: string;
  pkceMethods: readonly string[];
}

/** The two authorization servers as the cloud's origins and the profile place them. */
export function authorizationServers(
  origins: CloudOrigins,
  auth: AuthProfile,
): Record<Generation, AuthorizationServer> {
  const tenantUrl = `${origins.auth}/${auth.tenant}`;
  const gen1Host = auth.issuerMismatch ? origins.gen1Auth : origins.mcp;
  return {
    gen1: {
      generation: 'gen1',
      url: origins.mcp,
      issuer: auth.issuerMismatch ? GEN1_QUIRK_ISSUER : origins.mcp,
      authorize: `${origins.mcp}/v1/authorize`,
      token: `${gen1Host}/v1/token`,
      register: `${gen1Host}/v1/register`,
      pkceMethods: ['plain', 'S256'],
    },
    gen2: {
      generation: 'gen2',
      url: tenantUrl,
      issuer: auth.issuerMismatch ? origins.auth : tenantUrl,
      authorize: `${origins.auth}/authorize`,
      token: `${origins.auth}/oauth/token`,
      register: `${tenantUrl}/dcr/register`,
      revoke: `${origins.auth}/oauth/revoke`,
      pkceMethods: ['S256'],
    },
  };
}
