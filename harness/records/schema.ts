import { z } from 'zod';

/**
 * What a check concluded about one capability on one target.
 * - supported: works as the catalogue describes (natively or by emulation)
 * - partial: works only with a workaround or with limits the evidence names
 * - unsupported: the target has no way to do it (a finding, not a defect)
 * - failed: the target tried and misbehaved, or the check could not complete
 * - not-testable: a prerequisite is missing; the record names it
 */
export const VerdictSchema = z.enum(['supported', 'partial', 'unsupported', 'failed', 'not-testable']);
export type Verdict = z.infer<typeof VerdictSchema>;

/** How the target achieved a capability: one native tool, or several calls composed by the harness. */
export const ModeSchema = z.enum(['native', 'emulated']);
export type Mode = z.infer<typeof ModeSchema>;

const JsonValue: z.ZodType<unknown> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(JsonValue),
    z.record(z.string(), JsonValue),
  ]),
);

/** One JSON-RPC frame as seen by the harness client, already redacted. */
export const FrameSchema = z.object({
  direction: z.enum(['sent', 'received']),
  message: JsonValue,
});
export type Frame = z.infer<typeof FrameSchema>;

export const CheckRecordSchema = z.object({
  capabilityId: z.string(),
  target: z.string(),
  verdict: VerdictSchema,
  mode: ModeSchema.optional(),
  /** One sentence a person can act on: what was done and what was seen. */
  evidence: z.string(),
  /** What the target needed for `partial`, tested to work. */
  workaround: z.string().optional(),
  /** The missing prerequisite for `not-testable`. */
  prerequisite: z.string().optional(),
  /** Figures behind the evidence (calls, failures, wall time...). */
  details: z.record(z.string(), JsonValue).optional(),
  durationMs: z.number().nonnegative(),
  /** JSON-RPC requests the check sent to the target. */
  requests: z.number().int().nonnegative(),
  /** The redacted exchange; kept only for checks that did not pass. */
  exchange: z.array(FrameSchema).optional(),
});
export type CheckRecord = z.infer<typeof CheckRecordSchema>;

export function isPassing(verdict: Verdict): boolean {
  return verdict !== 'failed';
}
