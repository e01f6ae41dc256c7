import type { User } from '../../../atlassian/entities/people.ts';

/** Who a v2 request comes from, as the HTTP front decided, in `authInfo.extra`. */
export interface V2Caller {
  /** Undefined for the anonymous Teamwork-Graph-only session of a bad credential (Q16 anonymous-twg). */
  user: User | undefined;
  /** Permission groups the credential's scopes grant; null = every group (a full scoped API token). */
  granted: ReadonlySet<string> | null;
  /** Only the three Teamwork Graph tools (a classic token or a bad credential, Q16 anonymous-twg). */
  twgOnly: boolean;
  /** How the endpoint was asked for: `?tools=all` and `?capabilities=`. */
  toolsAll: boolean;
  capabilities: ReadonlySet<string> | null;
}

const SCOPE = /^(read|write|search|delete|manage):([a-z-]+):agent-interface$/;
const OTHER_SCOPES: Record<string, string> = {
  'read:all:twg': 'read_teamwork_graph',
  'write:all:twg': 'write_teamwork_graph',
  'search:rovo:agent-interface': 'search_atlassian',
  // The v1 vocabulary, for v1 tokens on the cutover paths and when Q18 accepts them.
  'read:jira-work': 'read_jira',
  'write:jira-work': 'write_jira',
  'search:jira-work': 'search_jira',
  'read:page:confluence': 'read_confluence',
  'write:page:confluence': 'write_confluence',
  'search:confluence': 'search_confluence',
  'search:rovo:mcp': 'search_atlassian',
};

/**
 * The permission groups a token's scopes grant: `<verb>:<product>:agent-interface` -> `<verb>_<product>`
 * (the mapping is inferred from the names, rovo-v2-surface.md 5.2); null scopes grant every group.
 */
export function groupsOf(scopes: readonly string[] | null): ReadonlySet<string> | null {
  if (scopes === null) return null;
  const groups = new Set<string>();
  for (const scope of scopes) {
    const m = SCOPE.exec(scope);
    const group = m ? `${m[1]}_${(m[2] ?? '').replace(/-/g, '_')}` : OTHER_SCOPES[scope];
    if (group) groups.add(group);
  }
  return groups;
}

/** `?tools=all` and `?capabilities=READ_JIRA,...` (capability names lower-cased are group names). */
export function endpointMode(url: URL): Pick<V2Caller, 'toolsAll' | 'capabilities'> {
  const caps = url.searchParams.get('capabilities');
  return {
    toolsAll: url.searchParams.get('tools') === 'all',
    capabilities: caps
      ? new Set(
          caps
            .split(',')
            .map((c) => c.trim().toLowerCase())
            .filter(Boolean),
        )
      : null,
  };
}
