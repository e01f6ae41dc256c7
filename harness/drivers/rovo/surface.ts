import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const SurfaceSchema = z.object({ tools: z.record(z.string(), z.unknown()) }).loose();

/** Rovo's documented v1 tool names (fixtures/surfaces), plus the later names of search and fetch. */
const ROVO_TOOLS: ReadonlySet<string> = new Set([
  ...Object.keys(
    SurfaceSchema.parse(
      JSON.parse(
        readFileSync(join(import.meta.dirname, '../../../fixtures/surfaces/rovo-v1-documented.json'), 'utf8'),
      ),
    ).tools,
  ),
  'searchAtlassian',
  'fetchAtlassian',
]);

export function isRovoTool(name: string): boolean {
  return ROVO_TOOLS.has(name);
}

/**
 * Tools only Rovo names and lists at any scope: a server listing one speaks Rovo's dialect, even when
 * its token's scopes hide the write tools.
 */
const ROVO_SIGNATURES = ['getAccessibleAtlassianResources', 'atlassianUserInfo', 'createJiraIssue'];

export function speaksRovo(listed: Iterable<string>): boolean {
  const names = [...listed];
  // v2 lists the same identity tools: its discover/execute pair makes it the rovo-v2 dialect instead.
  if (names.includes('discover') && names.some((n) => /^execute(Read)?$/.test(n))) return false;
  return names.some((name) => ROVO_SIGNATURES.includes(name));
}
