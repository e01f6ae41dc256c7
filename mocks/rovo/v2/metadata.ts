/** The 38 `scopes_supported` of the v2 resource, verbatim (rovo-v2-surface.md 5.2, T-SC; count by T-OA). */
export const V2_RESOURCE_SCOPES: readonly string[] = [
  'read:me',
  'read:account',
  'offline_access',
  'email',
  ...['read', 'write', 'search', 'delete', 'manage'].map((v) => `${v}:jira:agent-interface`),
  ...['read', 'write', 'search'].map((v) => `${v}:confluence:agent-interface`),
  'search:rovo:agent-interface',
  'search:code:agent-interface',
  'read:all:twg',
  'write:all:twg',
  ...[
    'goals',
    'projects',
    'bitbucket',
    'loom',
    'talent',
    'jira-align',
    'teams',
    'artifacts',
    'capacity-planning',
    'focus',
    'assets',
  ].flatMap((p) => [`read:${p}:agent-interface`, `write:${p}:agent-interface`]),
];

/** RFC 9728 metadata of /v2/mcp: its own resource, the authv2 path issuer, the 38 scopes (T-OA). */
export function v2ProtectedResourceMetadata(resource: string, authorizationServer: string) {
  return {
    resource,
    authorization_servers: [authorizationServer],
    bearer_methods_supported: ['header'],
    scopes_supported: V2_RESOURCE_SCOPES,
    resource_name: 'Atlassian Rovo MCP Server',
  };
}
