import { z } from 'zod';

const TargetDefinitionSchema = z
  .object({
    kind: z.enum(['rovo-mock', 'legacy-mock', 'rovo-live', 'http', 'stdio', 'container']),
    dialect: z.enum(['rovo', 'legacy', 'auto']).default('auto'),
    url: z
      .url({ message: 'give the MCP endpoint as an absolute URL, e.g. http://127.0.0.1:8080/mcp' })
      .optional(),
    command: z.string().min(1).optional(),
    image: z.string().min(1).optional(),
    /** container: where the server answers MCP on its port (default /mcp; the mock image: /v1/mcp). */
    path: z
      .string()
      .regex(/^\/[^?#\s]*$/, { message: 'give the MCP endpoint path, starting with "/", e.g. /mcp' })
      .optional(),
    env: z.record(z.string(), z.string()).optional(),
    headers: z.record(z.string(), z.string()).optional(),
    /**
     * `fixture` when the server fronts the harness's fixture site (npm run mock, or a server pointed at
     * its REST API): checks then know its cloudId, sandbox and identities. Otherwise nothing is known.
     */
    site: z.literal('fixture').optional(),
  })
  .strict()
  .superRefine((t, ctx) => {
    const need = { http: 'url', stdio: 'command', container: 'image' } as const;
    const field = need[t.kind as keyof typeof need];
    if (field && t[field] === undefined)
      ctx.addIssue({ code: 'custom', path: [field], message: `a "${t.kind}" target needs "${field}"` });
  });
export type TargetDefinition = z.infer<typeof TargetDefinitionSchema>;

/** `conformance.config.json`: every field optional; CLI flags and env override it. */
export const ConfigSchema = z
  .object({
    $schema: z.string().optional(),
    /** Targets a run uses when none is named on the command line. */
    defaultTargets: z.array(z.string().min(1)).min(1).default(['rovo-mock']),
    /** Named target definitions, usable as `--target <name>`. */
    targets: z
      .record(
        z.string().regex(/^[a-z][a-z0-9-]*$/, 'target names are lower-case kebab-case'),
        TargetDefinitionSchema,
      )
      .default({}),
    /** Mock behaviour profile: fixtures/profiles/<name>.json. */
    profile: z.string().default('default'),
    /** Fake site seed: fixtures/sites/<name>.json. */
    site: z.string().default('default'),
    reportsDir: z.string().default('reports'),
    /** One check's budget; a lost request fails that check, not the run. */
    checkTimeoutMs: z.number().int().positive().max(600_000).default(15_000),
    /** One JSON-RPC request's budget. */
    requestTimeoutMs: z.number().int().positive().max(300_000).default(10_000),
  })
  .strict();
export type Config = z.infer<typeof ConfigSchema>;
