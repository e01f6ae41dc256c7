import { z } from 'zod';

/**
 * A dialect as data: for each capability verb, which tool it calls, how the arguments are built and
 * where the answer's fields are read from. The code that runs it is harness/drivers/mapped/driver.ts;
 * what each verb offers its templates and reads from its answer is listed in docs/dialects.md.
 */

/** A JSON value whose strings may hold `{name}` placeholders, filled from the verb's variables. */
const TemplateSchema = z.json();

/**
 * A dotted path into an answer, or several: servers of one dialect name the same field differently,
 * so the first path that holds a value wins (`["user.accountId", "accountId"]`).
 */
const PathSchema = z.union([z.string(), z.array(z.string()).min(1)]);
export type Path = z.infer<typeof PathSchema>;

/** Where one output field is read from: a path (or alternatives) into the answer, optionally converted. */
const ReadSchema = z.union([
  PathSchema,
  z
    .object({
      path: PathSchema,
      /**
       * `markdown`: ADF or a string, as Markdown; `string`: a number or string, as a string; `text`: a
       * string as it is, anything else as its JSON text (a body the server did not render is shown, not hidden).
       */
      as: z.enum(['markdown', 'string', 'text']).optional(),
      /** An object read: keys left out of it (ids and links the other outputs already carry). */
      omit: z.array(z.string()).optional(),
      /** An object read: objects at these paths merged over it (custom fields a server nests apart). */
      merge: z.array(z.string()).optional(),
      /** An object read: keys renamed (the server's name → Jira's field id, `title` → `summary`). */
      rename: z.record(z.string(), z.string()).optional(),
    })
    .strict(),
]);
export type Read = z.infer<typeof ReadSchema>;

const HttpMethodSchema = z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
export type HttpMethod = z.infer<typeof HttpMethodSchema>;

const AnswerSchema = z
  .object({
    /** Path to the array of items for verbs that answer a list ('' for the answer itself). */
    list: PathSchema.optional(),
    /** Output field → where it is read (per item for list verbs). */
    fields: z.record(z.string(), ReadSchema).default({}),
    /** Page token and total, for searches. */
    nextPageToken: PathSchema.optional(),
    total: PathSchema.optional(),
    /** Native bulk: the list of Jira's per-item failures (`failedElementNumber`, `elementErrors`). */
    failures: PathSchema.optional(),
    /**
     * Known wrong shapes, publicly recorded: a path only such an answer holds → the defect it shows.
     * An answer holding one is the server's failure (with that reason), not a shape the harness lacks.
     */
    defects: z.record(z.string(), z.string().min(1)).optional(),
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
    /**
     * A search tool that answers one list of at most `{maxResults}` and no page token: the driver asks
     * for one more than the check wants, and a search that needs a second page is `unsupported`.
     */
    singlePage: z.object({ defaultMaxResults: z.number().int().positive() }).strict().optional(),
    /**
     * A native bulk tool (bulkCreate): `{items}` in `args` is the list of items, each built by the
     * `args` of the verb `each` names; at most `chunk` items per call. The answer lists the created
     * issues in request order (`answer.list`, `answer.fields`) and Jira's failures (`answer.failures`).
     */
    bulk: z.object({ each: z.string(), chunk: z.number().int().positive() }).strict().optional(),
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
        /** Tool sets that, all listed, mean another dialect (v2's discover with an execute tool): the score is 0. */
        excludedBy: z.array(z.array(z.string()).min(1)).default([]),
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
