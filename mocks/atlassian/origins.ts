/**
 * The public origins of the fake cloud. On msw they are the real hosts; a loopback mount serves
 * everything from its own `http://127.0.0.1:<port>`, and every document the cloud writes (metadata,
 * challenges, redirects) names the origin it is actually reachable at.
 */
export interface CloudOrigins {
  /** The Rovo MCP server. */
  mcp: string;
  /** The REST gateway. */
  api: string;
  /** The site itself (`https://<site>.atlassian.net`). */
  site: string;
  /** Atlassian Identity: the authv2 (gen-2) authorization server and the 3LO token endpoint. */
  auth: string;
  /** Where the gen-1 authorization server's token and registration endpoints live. */
  gen1Auth: string;
}

export const REAL_ORIGINS = (site: string): CloudOrigins => ({
  mcp: 'https://mcp.atlassian.com',
  api: 'https://api.atlassian.com',
  site: `https://${site}`,
  auth: 'https://auth.atlassian.com',
  gen1Auth: 'https://cf.mcp.atlassian.com',
});

/** One loopback origin for every role: routing is by path, so nothing collides. */
export function loopbackOrigins(origin: string): CloudOrigins {
  return { mcp: origin, api: origin, site: origin, auth: origin, gen1Auth: origin };
}
