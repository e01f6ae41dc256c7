import { STATUS_CODES } from 'node:http';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { z } from 'zod';
import { AtlassianError } from '../atlassian/errors.ts';
import type { Profile } from './profile/schema.ts';
import { RovoToolError } from './tools/define.ts';

/** What Rovo answers for any failure upstream of it (atlassian-mcp-server#241, three clients). */
export const UPSTREAM_FAILURE = 'We are having trouble completing this action. Please try again shortly.';

/**
 * Success: one text item holding the JSON payload; `structured` adds the payload as structuredContent
 * too when it is an object (MCP allows no other), as Rovo does for the clients it recognises (#213).
 */
export function successResult(payload: unknown, structured = false): CallToolResult {
  const object = typeof payload === 'object' && payload !== null && !Array.isArray(payload);
  return {
    content: [{ type: 'text', text: JSON.stringify(payload) }],
    ...(structured && object ? { structuredContent: payload as Record<string, unknown> } : {}),
  };
}

/** Whether this client gets structuredContent (#213: withheld unless clientInfo.name is recognised). */
export function sendsStructured(profile: Profile, clientName: string | undefined): boolean {
  const { mode, clients } = profile.structuredContent;
  return mode === 'always' || (mode === 'recognised-clients' && clients.includes(clientName ?? ''));
}

/** Business errors: `{"error":true,"message":...}` as text; Jira's own error JSON embedded as a string. */
export function errorResult(profile: Profile, message: string): CallToolResult {
  return {
    content: [{ type: 'text', text: JSON.stringify({ error: true, message }) }],
    ...(profile.isErrorOnErrors ? { isError: true } : {}),
  };
}

/** "create issue" for createJiraIssue: the tool's verb and object, without the product. */
function actionOf(tool: string): string {
  return tool
    .replace(/Jira|Confluence/g, '')
    .replace(/([A-Z])/g, ' $1')
    .trim()
    .toLowerCase();
}

/**
 * The message of a failed call. A Jira or Confluence refusal is its JSON body, as most captures show;
 * the `status-prefixed` wording adds what atlassian-mcp-server#95 shows for createJiraIssue
 * (`Failed to create issue: Bad Request. {...}`), extended to every tool by name.
 */
export function errorMessageOf(error: unknown, profile?: Profile, tool?: string): string {
  if (error instanceof AtlassianError) {
    const body = JSON.stringify(error.body);
    if (profile?.toolErrorWording !== 'status-prefixed' || tool === undefined) return body;
    return `Failed to ${actionOf(tool)}: ${STATUS_CODES[error.status] ?? `HTTP ${error.status}`}. ${body}`;
  }
  if (error instanceof RovoToolError) return error.message;
  // Rovo's one sentence for any upstream failure (#241): clients see nothing of the cause.
  return UPSTREAM_FAILURE;
}

/**
 * Arguments that fail the input schema, answered as the SDK's McpServer does (an isError result),
 * naming every argument at fault and what to do about it.
 */
export function invalidArgumentsResult(
  tool: string,
  issues: readonly z.core.$ZodIssue[],
  allowed: readonly string[],
): CallToolResult {
  const lines = issues.map((i) => {
    if (i.code === 'unrecognized_keys') {
      return i.keys
        .map((k) => {
          const near = closest(k, allowed);
          return `unknown argument "${k}"${near ? ` (did you mean "${near}"?)` : ''}; allowed: ${allowed.join(', ')}`;
        })
        .join('; ');
    }
    const path = i.path.length ? i.path.map(String).join('.') : '(arguments)';
    return `"${path}": ${i.message}`;
  });
  return {
    content: [
      {
        type: 'text',
        text: `Input validation error: Invalid arguments for tool ${tool}: ${lines.join('; ')}`,
      },
    ],
    isError: true,
  };
}

function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: { c: string; d: number } | undefined;
  for (const c of candidates) {
    const d = distance(word.toLowerCase(), c.toLowerCase());
    if (d <= Math.max(2, Math.floor(c.length / 3)) && (!best || d < best.d)) best = { c, d };
  }
  return best?.c;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length] ?? 0;
}
