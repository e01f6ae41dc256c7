import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { describeIssues } from '../../lib/errors.ts';
import { HarnessError } from '../errors.ts';
import { FrameSchema } from '../records/schema.ts';
import { TargetSpecSchema } from '../targets/spec.ts';

/** Everything a suite worker needs to know about the run; the CLI passes it in `CONFORMANCE_SETTINGS`. */
export const RunSettingsSchema = z.object({
  runId: z.string().regex(/^[a-z0-9-]+$/),
  targets: z.array(TargetSpecSchema).min(1),
  profile: z.string(),
  site: z.string(),
  areas: z.array(z.string()).optional(),
  readOnly: z.boolean(),
  checkTimeoutMs: z.number().int().positive(),
  requestTimeoutMs: z.number().int().positive(),
  reportsDir: z.string(),
  /** Where `expected-failures.<target>.json` files live (default fixtures/expected-failures). */
  baselinesDir: z.string().optional(),
  /** Live targets: where the run's ledger goes (default <reportsDir>/ledger). */
  ledgerDir: z.string().optional(),
  /** Live targets: the request budget (default 4 in flight, 120 a minute). */
  budget: z
    .object({ concurrency: z.number().int().positive(), perMinute: z.number().int().positive() })
    .optional(),
  /**
   * Targets by name that never answered initialize when the CLI tried them before any check: each of
   * their checks fails at once with this reason and exchange instead of waiting out its timeouts.
   */
  unreachable: z
    .record(z.string(), z.object({ reason: z.string(), exchange: z.array(FrameSchema) }))
    .optional(),
  /** Live targets by name: the site preflight found, so workers need not ask again. */
  live: z
    .record(
      z.string(),
      z.object({ cloudId: z.string(), host: z.string(), sandboxSpaceId: z.string().optional() }),
    )
    .optional(),
});
export type RunSettings = z.infer<typeof RunSettingsSchema>;

export const SETTINGS_ENV = 'CONFORMANCE_SETTINGS';

export function newRunId(now = new Date()): string {
  return `${now.toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(3).toString('hex')}`;
}

/** The settings the CLI passed to this worker, or undefined under plain vitest. */
export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): RunSettings | undefined {
  const raw = env[SETTINGS_ENV];
  if (raw === undefined) return undefined;
  const parsed = RunSettingsSchema.safeParse(JSON.parse(raw));
  if (!parsed.success)
    throw new HarnessError(
      'CONFIG_INVALID',
      `${SETTINGS_ENV} is invalid:\n${describeIssues(parsed.error.issues)}`,
    );
  return parsed.data;
}
