import { z } from 'zod';

/** Which authorization behaviour the mock reproduces (rovo-surface.md 3d). */
export const AuthProfileSchema = z
  .object({
    /** gen1: Cloudflare-style AS on mcp.atlassian.com; gen2: Atlassian Identity (authv2). */
    generation: z.enum(['gen1', 'gen2']),
  })
  .strict();
export type AuthProfile = z.infer<typeof AuthProfileSchema>;

export const DEFAULT_AUTH: AuthProfile = { generation: 'gen1' };
