import { z } from 'zod';

/**
 * A requirement set (`fixtures/migration/*.json`): what a team's agents rely on today, each
 * requirement tied to the catalogue capabilities that must hold on the new target.
 */
export const RequirementSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'requirement ids are lower-case kebab-case'),
    title: z.string().min(3),
    /** Why the agents need it, in the team's words. */
    why: z.string().optional(),
    /** Catalogue capability ids; every one must be supported (or partial, with its workaround) for the requirement to be met. */
    capabilities: z.array(z.string()).min(1),
    /** A blocker when unmet; otherwise a warning. */
    critical: z.boolean().default(true),
    /** Tools of the old server that served this requirement (evidence for --derive-from). */
    legacyTools: z.array(z.string()).default([]),
  })
  .strict();
export type Requirement = z.infer<typeof RequirementSchema>;

export const RequirementSetSchema = z
  .object({
    $schema: z.string().optional(),
    name: z.string().regex(/^[a-z][a-z0-9-]*$/),
    description: z.string(),
    /** Where the set came from: a person, a server's tools/list, a document. */
    source: z.string(),
    requirements: z.array(RequirementSchema).min(1),
  })
  .strict()
  .superRefine((set, ctx) => {
    const seen = new Set<string>();
    set.requirements.forEach((r, i) => {
      if (seen.has(r.id))
        ctx.addIssue({
          code: 'custom',
          path: ['requirements', i, 'id'],
          message: `duplicate requirement id "${r.id}"`,
        });
      seen.add(r.id);
    });
  });
export type RequirementSet = z.infer<typeof RequirementSetSchema>;
