import { z } from 'zod';

export const BaselineEntrySchema = z
  .object({
    /** The catalogue id of a capability expected to fail on this target. */
    capability: z.string().min(1),
    /** Why it fails and what would end it; shown beside the failure in every run. */
    reason: z.string().min(15, 'say why it fails and what would fix it (at least 15 characters)'),
    /** Where the defect is tracked (an issue thread), if anywhere. */
    link: z.url().optional(),
  })
  .strict();
export type BaselineEntry = z.infer<typeof BaselineEntrySchema>;

/** `fixtures/expected-failures/expected-failures.<target>.json`: the known failures of one target. */
export const BaselineFileSchema = z
  .object({
    $comment: z.string().optional(),
    /** The target name the file is for, as runs name it (rovo-live, http:..., a config name). */
    target: z.string().min(1),
    entries: z.array(BaselineEntrySchema),
  })
  .strict();
