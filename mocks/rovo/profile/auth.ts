import { z } from 'zod';

/** The tenant in the authv2 issuer path, as captured (opencode#39332, pi-mcp-adapter#224, atlassian-mcp-server#148). */
export const CAPTURED_TENANT = 'VCeDsk8ZHncYF1g234fKtc4lNipbBhu3';

/**
 * How the mock authenticates and authorizes (rovo-surface.md 3d). Lifetimes are milliseconds so a
 * test can make tokens expire on purpose; every value that is a guess is listed in the profile's
 * `assumptions`.
 */
export const AuthProfileSchema = z
  .object({
    /**
     * The generation `/v1/mcp` speaks; `/v1/mcp/authv2` always speaks gen2. gen1: the Cloudflare-style
     * authorization server on mcp.atlassian.com (no protected-resource metadata); gen2: Atlassian
     * Identity on auth.atlassian.com/<tenant> (authv2).
     */
    generation: z.enum(['gen1', 'gen2']),
    /**
     * Reproduce the RFC 8414 3.3 issuer mismatch (atlassian-mcp-server#148, #205): gen1 metadata names
     * https://cf.mcp.atlassian.com, gen2 metadata drops the tenant path. Strict clients refuse both.
     */
    issuerMismatch: z.boolean().default(true),
    tenant: z
      .string()
      .regex(/^[A-Za-z0-9]+$/)
      .default(CAPTURED_TENANT),
    /** Access-token lifetime; default 3300 s on gen1 (captured), 1 h on gen2 (reported). */
    accessTtlMs: z.number().int().positive().optional(),
    /** A refresh token unused this long is dead (90 days at Atlassian). */
    refreshIdleTtlMs: z
      .number()
      .int()
      .positive()
      .default(90 * 24 * 3600_000),
    /** Replaying a rotated refresh token inside this window is tolerated; outside it the grant is revoked. */
    refreshReuseLeewayMs: z.number().int().nonnegative().default(0),
    /** The authorize endpoint's stand-in for Atlassian's login and consent pages. */
    consent: z
      .object({
        decision: z.enum(['allow', 'deny']),
        /** Who signs in when the request carries no `login_hint` (a handle of the site fixture). */
        user: z.string().regex(/^[a-z][a-z0-9-]*$/),
      })
      .strict()
      .default({ decision: 'allow', user: 'member' }),
    /** A tool outside an OAuth token's scopes: HTTP 403 insufficient_scope (MCP step-up), or an unknown tool. */
    insufficientScope: z.enum(['http-403', 'tool-not-found']).default('http-403'),
    apiToken: z
      .object({
        /** The org admin enabled API-token authentication for the Rovo MCP server. */
        enabled: z.boolean(),
        /** A classic (unscoped) token: a 403 asking for a modern token, or only the Teamwork Graph tools. */
        classic: z.enum(['refused', 'twg-only']),
        /**
         * A Basic credential that is no token of the site: 401, or an anonymous session that lists only
         * the Teamwork Graph tools (a live probe of 2026-07-27, rovo-v2-surface.md 5.4 T-ANON).
         */
        wrongToken: z.enum(['anonymous-graph', '401']).default('anonymous-graph'),
        /**
         * A service account's API key sent as `Authorization: Bearer <key>` (README; partial for v1 in
         * rovo-surface.md 3d): accepted as that account, or refused as any unknown Bearer value (401).
         */
        serviceAccountBearer: z.enum(['accepted', 'refused']).default('accepted'),
      })
      .strict()
      .default({
        enabled: true,
        classic: 'twg-only',
        wrongToken: 'anonymous-graph',
        serviceAccountBearer: 'accepted',
      }),
    /**
     * The org's IP allowlist (README "Domain controls"): `blocks-caller` answers every request 403 as for
     * a client outside it, with Rovo's documented sentence; the 403 status is assumed.
     */
    ipAllowlist: z.enum(['allows-caller', 'blocks-caller']).default('allows-caller'),
    /**
     * What a blocked caller is refused on /v1/mcp: `all-but-search` opens the session and refuses every
     * tool call with the sentence except the search tools (atlassian-mcp-server#121, one report);
     * `every-request` answers every request 403. /v2/mcp refuses every request (nothing says otherwise).
     */
    ipAllowlistScope: z.enum(['all-but-search', 'every-request']).default('all-but-search'),
  })
  .strict();
export type AuthProfile = z.infer<typeof AuthProfileSchema>;

export const DEFAULT_AUTH: AuthProfile = AuthProfileSchema.parse({ generation: 'gen2' });

/** gen1 tokens lived 55 minutes (`expires_in: 3300`); authv2 access tokens about an hour. */
export function accessTtlMs(auth: AuthProfile): number {
  return auth.accessTtlMs ?? (auth.generation === 'gen1' ? 3300_000 : 3600_000);
}
