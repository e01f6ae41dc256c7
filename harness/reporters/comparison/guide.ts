import { join } from 'node:path';
import { z } from 'zod';
import { ComparisonRowSchema } from '../../catalogue/schema.ts';
import { readJsonFile } from '../../read-json.ts';

export const GUIDE_FILE = join(import.meta.dirname, '../../../fixtures/comparison/setup-guide.json');

/** The setup guide's Custom-vs-Rovo table as published: documentation claims, one row per aspect. */
export const SetupGuideSchema = z
  .object({
    source: z.object({ title: z.string(), url: z.url(), date: z.string() }).strict(),
    rows: z
      .array(
        z
          .object({
            row: ComparisonRowSchema,
            aspect: z.string(),
            custom: z.string(),
            rovo: z.string(),
            /** Why no check can measure this row; shown when the catalogue has no capability for it. */
            unmeasurable: z.string().optional(),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();
export type SetupGuide = z.infer<typeof SetupGuideSchema>;

let cached: SetupGuide | undefined;
export function setupGuide(): SetupGuide {
  cached ??= readJsonFile(GUIDE_FILE, SetupGuideSchema, {
    flag: 'setup guide table',
    fix: 'See harness/reporters/comparison/guide.ts for the format.',
  });
  return cached;
}
