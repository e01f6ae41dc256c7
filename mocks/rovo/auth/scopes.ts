import type { PermissionGroup, RovoTool } from '../tools/define.ts';
import type { CallerKind } from './api-token.ts';

/**
 * Which scopes unlock which tools. Two vocabularies exist: the v1 one of scoped API tokens and gen-1
 * OAuth (supported-tools page, 2026-05, per group and for Confluence reads per tool), and the authv2
 * one (`*:jira:agent-interface`...; the mapping of each to a group is inferred from its name).
 * A tool is visible when either vocabulary's scopes are all granted; shared tools always are.
 */
const V1_GROUP_SCOPES: Record<Exclude<PermissionGroup, 'shared'>, readonly string[]> = {
  read_jira: ['read:jira-work'],
  write_jira: ['write:jira-work'],
  search_jira: ['search:jira-work'],
  read_confluence: ['read:page:confluence'],
  write_confluence: ['write:page:confluence'],
  search_confluence: ['search:confluence'],
  search_atlassian: ['search:rovo:mcp'],
  read_teamwork_graph: [
    'read:jira-work',
    'read:page:confluence',
    'read:comment:confluence',
    'read:space:confluence',
    'read:account',
    'read:3p-data:mcp',
    'read:home:mcp',
    'read:whiteboard:confluence',
    'read:confluence:mcp',
    'read:focus:mcp',
    'read:loom:mcp',
    'read:talent:mcp',
  ],
};

/** Confluence readers that name their own scope on the supported-tools page. */
const V1_TOOL_SCOPES: Record<string, readonly string[]> = {
  getConfluenceSpaces: ['read:space:confluence'],
  getConfluencePageDescendants: ['read:hierarchical-content:confluence'],
  getConfluencePageFooterComments: ['read:comment:confluence'],
  getConfluencePageInlineComments: ['read:comment:confluence'],
  getConfluenceCommentChildren: ['read:comment:confluence'],
};

const V2_GROUP_SCOPES: Record<Exclude<PermissionGroup, 'shared'>, readonly string[]> = {
  read_jira: ['read:jira:agent-interface'],
  write_jira: ['write:jira:agent-interface'],
  search_jira: ['search:jira:agent-interface'],
  read_confluence: ['read:confluence:agent-interface'],
  write_confluence: ['write:confluence:agent-interface'],
  search_confluence: ['search:confluence:agent-interface'],
  search_atlassian: ['search:rovo:agent-interface'],
  read_teamwork_graph: ['read:all:twg'],
};

const unique = (scopes: Iterable<string>) => [...new Set(scopes)];

/** Every v1 scope (gen-1 `scopes_supported`, and what a full scoped API token holds). */
export const V1_SCOPES: readonly string[] = unique([
  'read:me',
  'read:account',
  'read:jira-user',
  ...Object.values(V1_GROUP_SCOPES).flat(),
  ...Object.values(V1_TOOL_SCOPES).flat(),
  'offline_access',
]);

/** The authv2 scopes (rovo-surface.md 3d: read:me, read:account, offline_access, email, agent-interface, twg). */
export const V2_SCOPES: readonly string[] = unique([
  'read:me',
  'read:account',
  'email',
  ...Object.values(V2_GROUP_SCOPES).flat(),
  'offline_access',
]);

/** The scopes a tool needs in the given vocabulary ([] for shared tools). */
export function scopesFor(tool: RovoTool, vocabulary: 'v1' | 'v2'): readonly string[] {
  if (tool.group === 'shared') return [];
  if (vocabulary === 'v2') return V2_GROUP_SCOPES[tool.group];
  return V1_TOOL_SCOPES[tool.name] ?? V1_GROUP_SCOPES[tool.group];
}

function grantsTool(granted: ReadonlySet<string>, tool: RovoTool): boolean {
  return (['v1', 'v2'] as const).some((v) => scopesFor(tool, v).every((s) => granted.has(s)));
}

export interface ToolCaller {
  accountId: string;
  /** null: a full scoped API token, every tool. */
  scopes: readonly string[] | null;
  via: CallerKind;
}

/** The tools a caller sees: a classic token only Teamwork Graph's, everyone else what its scopes unlock. */
export function visibleTools(caller: ToolCaller, all: readonly RovoTool[]): RovoTool[] {
  if (caller.via === 'classic-token')
    return all.filter((t) => t.group === 'shared' || t.group === 'read_teamwork_graph');
  // The anonymous set of the 2026-07-27 probe: the Teamwork Graph tools and nothing else.
  if (caller.via === 'anonymous') return all.filter((t) => t.group === 'read_teamwork_graph');
  if (caller.scopes === null) return [...all];
  const granted = new Set(caller.scopes);
  return all.filter((t) => grantsTool(granted, t));
}
