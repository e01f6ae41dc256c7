import { z } from 'zod';
import type { RateLimits } from '../../atlassian/rate-limiter.ts';

/**
 * The mock's rate limiter. Atlassian publishes no thresholds for Rovo (atlassian-mcp-server#171);
 * every number here is an assumption and the profile says so. null = no limit.
 */
export const RateLimitsSchema = z
  .object({
    /** Tool calls in flight at once per account before 429. */
    concurrency: z.number().int().positive().nullable(),
    /** Tool calls per rolling minute per account before 429. */
    perMinute: z.number().int().positive().nullable(),
    /** Seconds sent in Retry-After. */
    retryAfterSeconds: z.number().nonnegative(),
  })
  .strict() satisfies z.ZodType<RateLimits>;

export const NO_RATE_LIMITS: RateLimits = { concurrency: null, perMinute: null, retryAfterSeconds: 1 };
