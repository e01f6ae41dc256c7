import { z } from 'zod';
import type { Profile } from '../profile/schema.ts';
import { CONFLUENCE_TOOLS } from './confluence.ts';
import type { RovoTool } from './define.ts';
import { IDENTITY_TOOLS } from './identity.ts';
import { JIRA_READ_TOOLS } from './jira-read.ts';
import { JIRA_WRITE_TOOLS } from './jira-write.ts';
import { SEARCH_TOOLS } from './search.ts';
import { TEAMWORK_GRAPH_TOOLS } from './teamwork-graph.ts';

/** The v1 tool surface, in the order tools/list returns it. */
const TOOL_SETS: readonly RovoTool[][] = [
  IDENTITY_TOOLS,
  JIRA_READ_TOOLS,
  JIRA_WRITE_TOOLS,
  CONFLUENCE_TOOLS,
  SEARCH_TOOLS,
  TEAMWORK_GRAPH_TOOLS,
];

/** Every v1 tool with the name the profile gives it (only search/fetch are renamed). */
export function rovoTools(profile: Profile): RovoTool[] {
  const rename: Record<string, string> = {
    search: profile.searchToolNames.search,
    fetch: profile.searchToolNames.fetch,
  };
  return TOOL_SETS.flat().map((t) => {
    const name = rename[t.name];
    return name ? { ...t, name } : t;
  });
}

export interface ListedTool {
  name: string;
  description: string;
  inputSchema: { type: 'object'; [k: string]: unknown };
  annotations: RovoTool['annotations'];
}

const schemaCache = new WeakMap<z.ZodObject, ListedTool['inputSchema']>();

/**
 * The JSON Schema a tool advertises: draft-07 with `additionalProperties: false`, as captured from Rovo.
 * zod's integer bounds (±2^53) are dropped because real schemas carry none.
 */
export function inputSchemaOf(tool: RovoTool): ListedTool['inputSchema'] {
  let schema = schemaCache.get(tool.input);
  if (!schema) {
    const json = z.toJSONSchema(tool.input, { target: 'draft-7', io: 'input' });
    schema = stripSafeIntegerBounds(json) as ListedTool['inputSchema'];
    schemaCache.set(tool.input, schema);
  }
  return schema;
}

function stripSafeIntegerBounds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripSafeIntegerBounds);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (
      (k === 'minimum' && v === Number.MIN_SAFE_INTEGER) ||
      (k === 'maximum' && v === Number.MAX_SAFE_INTEGER)
    )
      continue;
    out[k] = stripSafeIntegerBounds(v);
  }
  return out;
}

export function listedTool(tool: RovoTool): ListedTool {
  return {
    name: tool.name,
    description: tool.description,
    inputSchema: inputSchemaOf(tool),
    annotations: tool.annotations,
  };
}
