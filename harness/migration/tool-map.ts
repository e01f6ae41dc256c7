import { join } from 'node:path';
import { z } from 'zod';
import { readJsonFile } from '../read-json.ts';
import { RequirementSchema } from './schema.ts';

export const TOOL_MAP_FILE = join(import.meta.dirname, '../../fixtures/migration/legacy-tool-map.json');

/** Requirements keyed by the legacy tools that served them; a tool belongs to one requirement at most. */
export const LegacyToolMapSchema = z
  .object({
    description: z.string(),
    source: z.string(),
    requirements: z.array(RequirementSchema.extend({ legacyTools: z.array(z.string()).min(1) })).min(1),
  })
  .strict()
  .superRefine((map, ctx) => {
    const owner = new Map<string, string>();
    map.requirements.forEach((r, i) =>
      r.legacyTools.forEach((tool, j) => {
        const first = owner.get(tool);
        if (first)
          ctx.addIssue({
            code: 'custom',
            path: ['requirements', i, 'legacyTools', j],
            message: `"${tool}" already belongs to requirement "${first}"`,
          });
        owner.set(tool, r.id);
      }),
    );
  });
export type LegacyToolMap = z.infer<typeof LegacyToolMapSchema>;

export function loadToolMap(path = TOOL_MAP_FILE): LegacyToolMap {
  return readJsonFile(path, LegacyToolMapSchema, {
    flag: 'legacy tool map',
    fix: 'Each requirement lists the legacy tools it covers; see harness/migration/tool-map.ts.',
  });
}
