import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { V2Profile } from '../profile/schema.ts';

/** The generic upstream text every product failure shows on v2 (I241, T-ERR; Q17 generic). */
export const UPSTREAM_ERROR = 'We are having trouble completing this action. Please try again shortly.';

const STRUCTURED_CLIENTS = new Set(['claude-code', 'cursor']);

/**
 * A v2 success: one JSON text item (Q10 may wrap it in `{data}`), and `structuredContent` with the
 * same object as Q9 says (never for a payload that is not an object, which MCP does not allow).
 */
export function v2Success(
  profile: V2Profile,
  payload: unknown,
  clientName: string | undefined,
): CallToolResult {
  const body = profile.answers.Q10 === 'data' ? { data: payload } : payload;
  const q9 = profile.answers.Q9;
  const structured =
    q9 === 'always' ||
    (q9 === 'known-clients' && clientName !== undefined && STRUCTURED_CLIENTS.has(clientName));
  const isObject = typeof body === 'object' && body !== null && !Array.isArray(body);
  return {
    content: [{ type: 'text', text: JSON.stringify(body) }],
    ...(structured && isObject ? { structuredContent: body as Record<string, unknown> } : {}),
  };
}

/** A v2 error: `isError` and `{"error":true,"message":...}` as text (I241's envelope). */
export function v2Error(message: string): CallToolResult {
  return { content: [{ type: 'text', text: JSON.stringify({ error: true, message }) }], isError: true };
}
