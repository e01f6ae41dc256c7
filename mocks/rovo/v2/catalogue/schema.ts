import { z } from 'zod';

/**
 * The Rovo v2 operation catalogue (fixtures/rovo-v2/operations.json) as plain data: one entry per
 * operation of rovo-v2-surface.md 3.1-3.3 and per primary tool of 2.2. `inputSchema` is what
 * `discover` returns: for a primary tool its whole parameter list, for any other operation the flat
 * `inputs` of execute* (cloudId never belongs there: it travels beside `name`).
 */

export const PRODUCTS = [
  'platform',
  'rovo-search',
  'teamwork-graph',
  'jira',
  'confluence',
  'jsm',
  'bitbucket',
  'code',
  'loom',
  'goals',
  'projects',
  'teams',
  'focus',
  'talent',
  'compass',
] as const;
export type Product = (typeof PRODUCTS)[number];

export const TIERS = ['read', 'write', 'destructive'] as const;
export type Tier = (typeof TIERS)[number];

export interface JsonSchemaNode {
  type: 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array';
  description?: string | undefined;
  enum?: string[] | undefined;
  items?: JsonSchemaNode | undefined;
  properties?: Record<string, JsonSchemaNode> | undefined;
  required?: string[] | undefined;
  minimum?: number | undefined;
  maximum?: number | undefined;
  minItems?: number | undefined;
  maxItems?: number | undefined;
  maxLength?: number | undefined;
}

/** The JSON Schema subset the catalogue uses; each keyword only where it means something. */
export const JsonSchemaNodeSchema: z.ZodType<JsonSchemaNode> = z.lazy(() =>
  z
    .object({
      type: z.enum(['string', 'integer', 'number', 'boolean', 'object', 'array']),
      description: z.string().min(1).optional(),
      enum: z.array(z.string()).min(1).optional(),
      items: JsonSchemaNodeSchema.optional(),
      properties: z.record(z.string(), JsonSchemaNodeSchema).optional(),
      required: z.array(z.string()).optional(),
      minimum: z.number().optional(),
      maximum: z.number().optional(),
      minItems: z.number().int().min(0).optional(),
      maxItems: z.number().int().min(1).optional(),
      maxLength: z.number().int().min(1).optional(),
    })
    .strict()
    .superRefine((node, ctx) => {
      const misplaced = (key: string, on: string) =>
        ctx.addIssue({ code: 'custom', path: [key], message: `"${key}" belongs on ${on} schemas only` });
      if (node.enum && node.type !== 'string') misplaced('enum', 'string');
      if (node.items && node.type !== 'array') misplaced('items', 'array');
      if (node.type === 'array' && !node.items)
        ctx.addIssue({ code: 'custom', path: ['items'], message: 'an array schema names its items' });
      if ((node.properties || node.required) && node.type !== 'object') misplaced('properties', 'object');
      for (const name of node.required ?? [])
        if (!node.properties?.[name])
          ctx.addIssue({
            code: 'custom',
            path: ['required'],
            message: `"${name}" is required but not a property`,
          });
    }),
);

const ConflictSchema = z
  .object({
    /** The open question of rovo-v2-surface.md 6 that decides between the options. */
    question: z.string().regex(/^Q\d{1,2}$/, 'an open question such as Q13'),
    /** What differs: the operation's name, one parameter, a result shape, or whether it is listed. */
    kind: z.enum(['name', 'parameter', 'shape', 'listing']),
    /** a = the reference's default. */
    option: z.enum(['a', 'b', 'c']),
    /** The other option(s): operation names for `name` conflicts, otherwise a short description. */
    alternatives: z.array(z.string().min(1)).min(1),
    note: z.string().min(1).optional(),
  })
  .strict();

const camelName = z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'operation names are camelCase');

export const OperationSchema = z
  .object({
    name: camelName,
    product: z.enum(PRODUCTS),
    tier: z.enum(TIERS),
    /** The admin permission group (rovo-v2-surface.md 5.2); `none` for identity and the meta-tools. */
    permissionGroup: z.string().regex(/^(none|(read|write|search|delete|manage)_[a-z_]+)$/),
    description: z.string().min(10).max(300),
    primary: z.boolean(),
    omitCloudId: z.boolean(),
    inputSchema: JsonSchemaNodeSchema.refine(
      (s) => s.type === 'object',
      'the input schema is an object schema',
    ),
    /** Plain-language phrases an agent might type for this operation (search recall). */
    synonyms: z.array(z.string().min(3)),
    /** The v1 (and preview) names this operation replaced: search recall only, not callable (Q4). */
    v1Names: z.array(camelName),
    /** Source tags of rovo-v2-surface.md 0. */
    sources: z.array(z.string().regex(/^[A-Z][A-Za-z0-9-]*$/)).min(1),
    confidence: z.enum(['C', 'P', 'I']),
    /** Whether the fake site backs it; an operation it does not back is never answered with made-up data. */
    modelled: z.boolean(),
    notModelledReason: z.string().min(10).optional(),
    conflicts: z.array(ConflictSchema).optional(),
    notes: z.string().min(10).optional(),
  })
  .strict()
  .superRefine((op, ctx) => {
    if (op.modelled === (op.notModelledReason !== undefined))
      ctx.addIssue({
        code: 'custom',
        path: ['notModelledReason'],
        message: 'an operation the site does not model says why, and only such an operation',
      });
    if (!op.primary && op.inputSchema.properties?.cloudId)
      ctx.addIssue({
        code: 'custom',
        path: ['inputSchema', 'properties', 'cloudId'],
        message: 'cloudId is not an input of a non-primary operation: execute* takes it beside name',
      });
    const [verb = '', suffix = ''] = op.permissionGroup.split(/_(.*)/s);
    if (verb === 'delete' && op.tier !== 'destructive')
      ctx.addIssue({ code: 'custom', path: ['tier'], message: 'delete groups run at the destructive tier' });
    if ((verb === 'read' || verb === 'search') && op.tier !== 'read')
      ctx.addIssue({ code: 'custom', path: ['tier'], message: `${verb} groups run at the read tier` });
    const productOf: Record<string, Product> = { teamwork_graph: 'teamwork-graph', atlassian: 'rovo-search' };
    if (verb !== 'none' && (productOf[suffix] ?? suffix) !== op.product)
      ctx.addIssue({
        code: 'custom',
        path: ['permissionGroup'],
        message: `${op.permissionGroup} is not a group of ${op.product}`,
      });
  });

export type Operation = z.infer<typeof OperationSchema>;

export const CatalogueSchema = z
  .object({
    source: z.string().min(1),
    operations: z.array(OperationSchema).min(1),
  })
  .strict()
  .superRefine((doc, ctx) => {
    const names = new Map<string, number>();
    doc.operations.forEach((op, i) => {
      if (names.has(op.name))
        ctx.addIssue({
          code: 'custom',
          path: ['operations', i, 'name'],
          message: `duplicate operation "${op.name}"`,
        });
      names.set(op.name, i);
    });
    doc.operations.forEach((op, i) => {
      op.v1Names.forEach((v1, vi) => {
        if (names.has(v1))
          ctx.addIssue({
            code: 'custom',
            path: ['operations', i, 'v1Names', vi],
            message: `"${v1}" is an operation of the catalogue, not a retired v1 name`,
          });
      });
      op.conflicts?.forEach((c, ci) => {
        if (c.kind !== 'name') return;
        for (const alt of c.alternatives) {
          const other = names.has(alt) ? doc.operations[names.get(alt) ?? -1] : undefined;
          const pairs = other?.conflicts?.some((o) => o.question === c.question && o.option !== c.option);
          if (!pairs)
            ctx.addIssue({
              code: 'custom',
              path: ['operations', i, 'conflicts', ci, 'alternatives'],
              message: `"${alt}" must be in the catalogue as the other option of ${c.question}`,
            });
        }
      });
    });
  });

export type Catalogue = z.infer<typeof CatalogueSchema>;
