import { StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { RateLimitedError } from '../../connect/rate-limited.ts';
import { HarnessError, NotTestableError, UnsupportedVerbError } from '../../errors.ts';
import { TargetError } from '../tool-call.ts';

/**
 * What a failed call means for a bulk item:
 * - `rate-limited`: wait as asked, then try again;
 * - `unknown`: the call may have taken effect (timeout, transport failure, 5xx, unreadable answer);
 * - `refused`: the target said no and meant it (Jira's field errors, a bad argument): do not retry;
 * - `fatal`: not about this item (a missing prerequisite, an aborted check): stop the whole bulk.
 */
export type Failure =
  { kind: 'rate-limited'; waitMs: number } | { kind: 'unknown' } | { kind: 'refused' } | { kind: 'fatal' };

/** When a 429 names no Retry-After, or it arrives inside a tool result (both were reported, #171). */
export const DEFAULT_RATE_LIMIT_WAIT_MS = 1_000;

const RATE_LIMIT_TEXT = /\b429\b|too many requests|rate.?limit/i;
const TRANSIENT_TEXT = /try again|temporar|timed? ?out|unavailable|\b50[0-4]\b/i;

export function classify(error: unknown): Failure {
  if (error instanceof NotTestableError || error instanceof UnsupportedVerbError) return { kind: 'fatal' };
  if (error instanceof Error && error.name === 'AbortError') return { kind: 'fatal' };
  if (error instanceof RateLimitedError)
    return { kind: 'rate-limited', waitMs: error.retryAfterMs ?? DEFAULT_RATE_LIMIT_WAIT_MS };
  if (error instanceof TargetError) {
    if (RATE_LIMIT_TEXT.test(error.targetMessage))
      return { kind: 'rate-limited', waitMs: DEFAULT_RATE_LIMIT_WAIT_MS };
    if (error.jiraErrors()) return { kind: 'refused' };
    return TRANSIENT_TEXT.test(error.targetMessage) ? { kind: 'unknown' } : { kind: 'refused' };
  }
  if (error instanceof McpError)
    return error.code === Number(ErrorCode.RequestTimeout) ? { kind: 'unknown' } : { kind: 'refused' };
  if (error instanceof StreamableHTTPError)
    return (error.code ?? 0) >= 500 || (error.code ?? 0) < 0 ? { kind: 'unknown' } : { kind: 'refused' };
  if (error instanceof HarnessError)
    return error.code === 'TOOL_RESULT_INVALID' ? { kind: 'unknown' } : { kind: 'fatal' };
  return { kind: 'unknown' };
}

/** An item's failure in the target's words: Jira's field errors as `field: message`, and those fields. */
export function describeFailure(error: unknown): { error: string; fields?: string[] } {
  if (error instanceof TargetError) {
    const jira = error.jiraErrors();
    const fields = Object.keys(jira?.errors ?? {});
    if (jira && (fields.length > 0 || jira.errorMessages.length > 0))
      return {
        error: [...jira.errorMessages, ...fields.map((f) => `${f}: ${jira.errors[f]}`)].join('; '),
        ...(fields.length > 0 ? { fields } : {}),
      };
    return { error: error.targetMessage };
  }
  return { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
}
