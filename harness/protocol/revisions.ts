/**
 * The MCP revisions whose rules the protocol checks know (mcp-conformance-anchors.md section 3),
 * oldest first. Revisions are dates, so they order as strings.
 */
export const REVISIONS = ['2025-03-26', '2025-06-18', '2025-11-25'] as const;
export type Revision = (typeof REVISIONS)[number];

export function isRevision(version: string | undefined): version is Revision {
  return (REVISIONS as readonly string[]).includes(version ?? '');
}

export function atLeast(version: string, revision: Revision): boolean {
  return version >= revision;
}

/**
 * Where a tool's invalid arguments belong: 2025-11-25 (SEP-1303) says a tool execution error
 * (`isError` result) so the model can correct itself; earlier revisions also list them as protocol
 * errors (-32602), so either layer conforms there.
 */
export function inputErrorLayer(version: string): 'tool-result' | 'either' {
  return atLeast(version, '2025-11-25') ? 'tool-result' : 'either';
}

/** `MCP-Protocol-Version` on every request after initialize exists from 2025-06-18. */
export function hasVersionHeader(version: string): boolean {
  return atLeast(version, '2025-06-18');
}

/**
 * The JSON Schema dialect of an `inputSchema` without `$schema`: 2025-11-25 makes it 2020-12;
 * earlier revisions name none, and draft-07 is what their SDKs emitted.
 */
export function defaultSchemaDialect(version: string): '2020-12' | 'draft-07' {
  return atLeast(version, '2025-11-25') ? '2020-12' : 'draft-07';
}

/** Tool names from 2025-11-25: 1-128 characters of A-Z a-z 0-9 _ - . (SHOULD). */
export const TOOL_NAME = /^[A-Za-z0-9_.-]{1,128}$/;
