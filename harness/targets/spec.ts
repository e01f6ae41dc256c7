import { z } from 'zod';

/** How the harness reaches a target; each kind has its row in the kinds table (harness/kinds/index.ts). */
export const TargetKindSchema = z.enum([
  'rovo-mock',
  'legacy-mock',
  'legacy-alt',
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
  /**
   * A dialect file of the user's own (JSON, harness/drivers/mapped/schema.ts), relative to the config
   * file: how this server's tools perform the capability verbs. Replaces `dialect`.
   */
  dialectFile: z.string().min(1).optional(),
  /** http/live: the MCP endpoint. */
  url: z
    .url({ message: 'give the MCP endpoint as an absolute URL, e.g. http://127.0.0.1:8080/mcp' })
    .optional(),
  /** stdio: the command line. */
  command: z.string().min(1).optional(),
  /** stdio: the server's working directory, relative to the harness's folder (default: the current one). */
  cwd: z.string().min(1).optional(),
  /**
   * stdio: run each session's server in a fresh temporary copy of `cwd` (the harness's folder when
   * `cwd` is not given), so that files it writes there (logs, rotated tokens) go away with the session.
   */
  cwdCopy: z.boolean().optional(),
  /**
   * stdio: files written before the server starts, path → text in which `${CONFORMANCE_...}` names a
   * variable (`${CONFORMANCE_TOKEN_JSON}`: a 3LO token with its `resources`). `~/...` lands in the
   * session's HOME, a relative path in the copied working directory (needs `cwdCopy`).
   */
  files: z.record(z.string(), z.string()).optional(),
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
    if (t.dialectFile !== undefined && t.dialect !== 'auto')
      ctx.addIssue({
        code: 'custom',
        path: ['dialectFile'],
        message: `give "dialect" or "dialectFile", not both (the file says how the tools are used)`,
      });
    for (const path of Object.keys(t.files ?? {})) {
      const problem = filePathProblem(path, t.cwdCopy === true);
      if (problem) ctx.addIssue({ code: 'custom', path: ['files', path], message: problem });
    }
  });

/** Why a stdio target's `files` key cannot be written safely, or undefined when it can. */
export function filePathProblem(path: string, cwdCopy: boolean): string | undefined {
  const relative = path.startsWith('~/') ? path.slice(2) : path;
  if (relative === '' || relative.startsWith('/') || /^[A-Za-z]:/.test(relative))
    return 'give a path relative to the server\'s working directory, or "~/..." for its HOME';
  if (relative.split(/[\\/]/).includes('..')) return 'a path may not leave its folder with ".."';
  if (!path.startsWith('~/') && !cwdCopy)
    return 'a relative path is written into the server\'s working directory: set "cwdCopy": true so that it goes into a temporary copy';
  return undefined;
}
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
