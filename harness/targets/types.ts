/** How the harness reaches a target. */
export type TargetKind = 'rovo-mock' | 'legacy-mock' | 'rovo-live' | 'http' | 'stdio' | 'container';

/** Which tool vocabulary the target speaks; `auto` is decided from `tools/list`. */
export type Dialect = 'rovo' | 'legacy';

export interface TargetSpec {
  /** The name records and reports use: `rovo-mock`, `http:http://127.0.0.1:8080/mcp`, a config name... */
  name: string;
  kind: TargetKind;
  dialect: Dialect | 'auto';
  /** http/live: the MCP endpoint. */
  url?: string;
  /** stdio: the command line. */
  command?: string;
  /** container: the image reference. */
  image?: string;
  /** container: the path of the MCP endpoint on the server's port (default /mcp). */
  path?: string;
  /** Extra environment for stdio/container targets. */
  env?: Record<string, string>;
  /** Extra request headers for http targets (values may name env vars as ${VAR}). */
  headers?: Record<string, string>;
  /** `fixture`: the server fronts the harness's fixture site, so its facts and identities are the seed's. */
  site?: 'fixture';
  /** Why resolution picked this target (shown with `--explain`). */
  reason: string;
}

export function isMockKind(kind: TargetKind): boolean {
  return kind === 'rovo-mock' || kind === 'legacy-mock';
}
