import { z } from 'zod';

/** Rows of the setup guide's Custom-vs-Rovo table that measured capabilities inform. */
export const ComparisonRowSchema = z.enum([
  'oauth',
  'token-management',
  'permissions',
  'bulk-operations',
  'custom-fields',
  'audit-logging',
  'api-precision',
  'maintenance',
  'setup-time',
]);
export type ComparisonRow = z.infer<typeof ComparisonRowSchema>;

/**
 * How binding a spec sentence is: a MUST breach is the target's `failed`; a SHOULD breach, or a
 * departure from behaviour the spec only describes (or allows, MAY), is `partial` with the sentence quoted.
 */
export const ClauseLevelSchema = z.enum(['MUST', 'SHOULD', 'MAY', 'described']);
export type ClauseLevel = z.infer<typeof ClauseLevelSchema>;

/** One sentence of the MCP specification a check tests, quoted exactly. */
export const ClauseSchema = z
  .object({
    /** What the check calls this clause by (unique within the capability). */
    key: z.string().regex(/^[a-z][a-z0-9-]*$/),
    level: ClauseLevelSchema,
    /** Where the sentence is: `<revision> <page>#<section>`, e.g. `2025-06-18 basic/transports#session-management`. */
    source: z.string().regex(/^\d{4}-\d{2}-\d{2} [a-z/-]+(#[a-z0-9-]+)?$/),
    /** The sentence, word for word. */
    text: z.string().min(10),
  })
  .strict();
export type Clause = z.infer<typeof ClauseSchema>;

export const CapabilitySchema = z
  .object({
    /** Namespaced, stable: `<area>.<subject>.<behaviour>`. Never reuse an id for a different behaviour. */
    id: z
      .string()
      .regex(/^[a-z][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)+$/, 'use lower-case dot.separated.kebab-case'),
    title: z.string().min(3),
    /** What the check establishes, in one or two sentences. */
    description: z.string().min(10),
    /** The Custom-vs-Rovo table row this capability is evidence for, if any. */
    row: ComparisonRowSchema.optional(),
    /** Rovo tools the check exercises (Allure story). */
    tools: z.array(z.string()).default([]),
    /** True when the check creates or changes data; read-only runs leave it out. */
    mutates: z.boolean(),
    /** The spec sentences the check tests (every protocol-area check names at least one). */
    clauses: z.array(ClauseSchema).optional(),
  })
  .strict();
export type Capability = z.infer<typeof CapabilitySchema> & { area: string };

export const CatalogueFileSchema = z
  .object({
    area: z.string().regex(/^[a-z][a-z0-9-]*$/),
    title: z.string(),
    capabilities: z.array(CapabilitySchema).min(1),
  })
  .strict();
