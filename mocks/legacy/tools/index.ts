import type { LegacyTool } from './define.ts';
import { ISSUE_TOOLS } from './issues.ts';
import { LOOKUP_TOOLS } from './lookup.ts';

export type { LegacyContext, LegacyTool } from './define.ts';

/** The reference server's tools, in the order tools/list returns them. */
export const LEGACY_TOOLS: readonly LegacyTool[] = [...LOOKUP_TOOLS, ...ISSUE_TOOLS];
