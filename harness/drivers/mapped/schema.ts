import { z } from 'zod';

/**
 * A dialect as data: for each capability verb, which tool it calls, how the arguments are built and
 * where the answer's fields are read from. The code that runs it is harness/drivers/mapped/driver.ts;
 * what each verb offers its templates and reads from its answer is listed in docs/dialects.md.
 */

/** A JSON value whose strings may hold `{name}` placeholders, filled from the verb's variables. */
const TemplateSchema = z.json();

/** Where one output field is read from: a dotted path into the answer, optionally converted. */
const ReadSchema = z.union([
  z.string(),
  z
    .object({
      path: z.string(),
      /** `markdown`: ADF or a string, as Markdown; `string`: a number or string, as a string. */
      as: z.enum(['markdown', 'string']).optional(),
    })
    .strict(),
]);
export type Read = z.infer<typeof ReadSchema>;

const HttpMethodSchema = z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
export type HttpMethod = z.infer<typeof HttpMethodSchema>;

const AnswerSchema = z
  .object({
    /** Path to the array of items for verbs that answer a list ('' for the answer itself). */
    list: z.string().optional(),
    /** Output field → where it is read (per item for list verbs). */
    fields: z.record(z.string(), ReadSchema).default({}),
    /** Page token and total, for searches. */
    nextPageToken: z.string().optional(),
    total: z.string().optional(),
  })
  .strict();
export type Answer = z.infer<typeof AnswerSchema>;

const VerbMappingSchema = z
  .object({
    /** The tool to call (tool dialects). */
    tool: z.string().optional(),
    args: z.record(z.string(), TemplateSchema).optional(),
    /** The REST call to make through the passthrough tools (REST-passthrough dialects). */
    rest: z
      .object({
        method: HttpMethodSchema,
        path: z.string().startsWith('/'),
        query: z.record(z.string(), TemplateSchema).optional(),
        body: TemplateSchema.optional(),
      })
      .strict()
      .optional(),
    answer: AnswerSchema.optional(),
  })
  .strict()
  .refine((v) => (v.tool === undefined) !== (v.rest === undefined), {
    message: 'give either "tool" (with "args") or "rest", not both',
  });
export type VerbMapping = z.infer<typeof VerbMappingSchema>;

const TierSchema = z.enum(['read', 'write', 'destructive']);
export type Tier = z.infer<typeof TierSchema>;

/**
 * Discovery dialects (Rovo v2): a verb's `tool` may name an operation that is no tool of its own. The
 * driver asks the `discover` tool for it (with the catalogue's goal) and runs it through the execute
 * tool of its tier; the catalogue's tier is the fallback when a target has no `discover`.
 */
const OperationsSchema = z
  .object({
    discover: z.string(),
    /** The execute tool per tier, and the single tool some clients see instead (Q1). */
    execute: z.record(TierSchema, z.string()),
    single: z.string(),
    catalogue: z.record(z.string(), z.object({ tier: TierSchema, goal: z.string().min(1) }).strict()),
  })
  .strict();
export type Operations = z.infer<typeof OperationsSchema>;

export const DialectFileSchema = z
  .object({
    name: z.string().min(1),
    description: z.string(),
    /** What gives the dialect away in tools/list: tool names, and input properties some of them take. */
    detect: z
      .object({
        tools: z.array(z.string()).min(1),
        properties: z.record(z.string(), z.array(z.string())).default({}),
      })
      .strict(),
    /** REST-passthrough: the tool per HTTP method and how its arguments carry `{path}`, `{query}`, `{body}`. */
    passthrough: z
      .object({
        tools: z.partialRecord(HttpMethodSchema, z.string()),
        args: z.record(z.string(), TemplateSchema),
      })
      .strict()
      .optional(),
    /** How the server's errors look when it does not set `isError`: answer text starting with this. */
    errors: z
      .object({ textStartsWith: z.string().min(1) })
      .strict()
      .optional(),
    operations: OperationsSchema.optional(),
    verbs: z.record(z.string(), VerbMappingSchema),
    /** Verbs the dialect cannot express, each with the reason (the verdict becomes `unsupported`). */
    unsupported: z.record(z.string(), z.string()).default({}),
    /** Verbs the server has but the harness cannot test yet, each naming the missing prerequisite. */
    notTestable: z.record(z.string(), z.string()).default({}),
  })
  .strict();
export type DialectFile = z.infer<typeof DialectFileSchema>;
