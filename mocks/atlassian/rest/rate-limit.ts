import type { RateLimiter } from '../rate-limiter.ts';
import type { RestInterceptor } from './router.ts';

/**
 * Jira's 429 (jira-semantics.md A12): Retry-After in seconds and a RateLimit-Reason. The body's wording
 * is the mock's own; Jira documents the headers, not the text.
 */
export function rateLimitInterceptor(limiter: () => RateLimiter): RestInterceptor {
  return (_request, actor) => {
    const admission = limiter().admit(actor.accountId ?? 'anonymous');
    if (admission.ok) return admission.release;
    return new Response(JSON.stringify({ errorMessages: ['Rate limit exceeded.'], errors: {} }), {
      status: 429,
      headers: {
        'content-type': 'application/json',
        'retry-after': String(admission.retryAfterSeconds),
        'ratelimit-reason':
          admission.reason === 'concurrency' ? 'jira-burst-based' : 'jira-quota-tenant-based',
      },
    });
  };
}
