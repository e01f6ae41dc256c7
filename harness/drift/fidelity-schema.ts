import { z } from 'zod';

export const SurfaceChangeSchema = z.object({
  tool: z.string(),
  path: z.string(),
  kind: z.string(),
  breaking: z.boolean(),
  detail: z.string(),
});

/** How far the mock's own tool surface is from the committed snapshot it is meant to reproduce. */
export const MockFidelitySchema = z.object({
  endpoint: z.string(),
  /** Where the snapshot was recorded (`rovo-live`, or the documented surface it was seeded from). */
  baselineSource: z.string(),
  profile: z.string(),
  tools: z.number().int(),
  changes: z.array(SurfaceChangeSchema),
});
export type MockFidelity = z.infer<typeof MockFidelitySchema>;
