import { z } from 'zod';

/** One page of getVisibleJiraProjects (offset-paged, `isLast` on the last). */
export const ProjectPageSchema = z
  .object({
    values: z.array(z.object({ id: z.string(), key: z.string(), name: z.string() }).loose()),
    isLast: z.boolean().optional(),
    total: z.number().optional(),
  })
  .loose();
