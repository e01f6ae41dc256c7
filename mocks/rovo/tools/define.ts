import type { z } from 'zod';
import type { Actor } from '../../atlassian/jira/access.ts';
import type { SiteStore } from '../../atlassian/store.ts';
import type { User } from '../../atlassian/entities/people.ts';
import type { Profile } from '../profile/schema.ts';

/** Rovo's admin permission groups (rovo-surface.md 2); `shared` tools belong to none and are always listed. */
export type PermissionGroup =
  | 'shared'
  | 'read_jira'
  | 'write_jira'
  | 'search_jira'
  | 'read_confluence'
  | 'write_confluence'
  | 'search_confluence'
  | 'search_atlassian'
  | 'read_teamwork_graph';

export interface ToolContext {
  store: SiteStore;
  actor: Actor;
  user: User;
  profile: Profile;
}

export interface ToolAnnotations {
  title?: string;
  readOnlyHint?: boolean;
  destructiveHint?: boolean;
  idempotentHint?: boolean;
  openWorldHint?: boolean;
}

export interface RovoTool<S extends z.ZodObject = z.ZodObject> {
  /** The v1 name; a profile may rename search/fetch. */
  name: string;
  group: PermissionGroup;
  description: string;
  input: S;
  annotations: ToolAnnotations;
  run(args: z.output<S>, ctx: ToolContext): unknown;
}

export function defineTool<S extends z.ZodObject>(tool: RovoTool<S>): RovoTool {
  return tool;
}

/** A failure Rovo words itself (not a wrapped Jira/Confluence HTTP error). */
export class RovoToolError extends Error {
  override readonly name = 'RovoToolError';
  readonly code = 'ROVO_TOOL_ERROR';
}

export const READ: ToolAnnotations = { readOnlyHint: true, destructiveHint: false, openWorldHint: true };
export const WRITE: ToolAnnotations = { readOnlyHint: false, destructiveHint: false, openWorldHint: true };
