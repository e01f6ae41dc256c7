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
