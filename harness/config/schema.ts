import { z } from 'zod';
import { TargetDefinitionSchema } from '../targets/spec.ts';

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
