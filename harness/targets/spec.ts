import { z } from 'zod';

/** How the harness reaches a target; each kind has its row in the kinds table (harness/kinds/index.ts). */
export const TargetKindSchema = z.enum([
  'rovo-mock',
  'legacy-mock',
  'rovo-live',
  'http',
  'stdio',
  'container',
]);
export type TargetKind = z.infer<typeof TargetKindSchema>;

/** Which tool vocabulary a target speaks; each has its row in the dialects table (harness/drivers/index.ts). */
export const DialectSchema = z.enum(['rovo', 'legacy', 'rest-passthrough', 'mcp-atlassian', 'rovo-v2']);
export type Dialect = z.infer<typeof DialectSchema>;

/** What a kind cannot do without: an `http` target is nothing but its URL. */
const REQUIRED_FIELD: Partial<Record<TargetKind, 'url' | 'command' | 'image'>> = {
  http: 'url',
  stdio: 'command',
  container: 'image',
};

/** The fields of a target, as the config file writes them and as resolution fills them in. */
const TARGET_FIELDS = {
  kind: TargetKindSchema,
  /** `auto` is decided from `tools/list`. */
  dialect: z.enum([...DialectSchema.options, 'auto']).default('auto'),
  /** http/live: the MCP endpoint. */
  url: z
    .url({ message: 'give the MCP endpoint as an absolute URL, e.g. http://127.0.0.1:8080/mcp' })
    .optional(),
  /** stdio: the command line. */
  command: z.string().min(1).optional(),
  /** stdio: the server's working directory, relative to the harness's folder (default: the current one). */
  cwd: z.string().min(1).optional(),
  /** container: the image reference. */
  image: z.string().min(1).optional(),
  /** container: where the server answers MCP on its port (default /mcp; the mock image: /v1/mcp). */
  path: z
    .string()
    .regex(/^\/[^?#\s]*$/, { message: 'give the MCP endpoint path, starting with "/", e.g. /mcp' })
    .optional(),
  /** Extra environment for stdio/container targets. */
  env: z.record(z.string(), z.string()).optional(),
  /** Extra request headers for http targets (values may name env vars as ${VAR}). */
  headers: z.record(z.string(), z.string()).optional(),
  /**
   * `fixture` when the server fronts the harness's fixture site (npm run mock, or a server pointed at
   * its REST API): checks then know its cloudId, sandbox and identities. Otherwise nothing is known.
   */
  site: z.literal('fixture').optional(),
};

/** One target as `conformance.config.json` defines it under its name. */
export const TargetDefinitionSchema = z
  .object(TARGET_FIELDS)
  .strict()
  .superRefine((t, ctx) => {
    const field = REQUIRED_FIELD[t.kind];
    if (field && t[field] === undefined)
      ctx.addIssue({ code: 'custom', path: [field], message: `a "${t.kind}" target needs "${field}"` });
  });
export type TargetDefinition = z.infer<typeof TargetDefinitionSchema>;

/** A resolved target: the name records and reports use, its fields, and why resolution picked it. */
export const TargetSpecSchema = z.object({
  /** `rovo-mock`, `http:http://127.0.0.1:8080/mcp`, a config name... */
  name: z.string(),
  ...TARGET_FIELDS,
  /** Shown with `--explain`. */
  reason: z.string(),
});
export type TargetSpec = z.infer<typeof TargetSpecSchema>;
