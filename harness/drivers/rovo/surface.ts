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
