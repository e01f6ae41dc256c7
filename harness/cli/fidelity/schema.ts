import { z } from 'zod';

/**
 * One public fact about Rovo as data, with the probe that shows whether a target reproduces it.
 * Confidence follows the reference files (rovo-surface.md, rovo-v2-surface.md): confirmed facts are
 * the mock's default behaviour, partial ones are profile switches (`profileSwitch` names it).
 */

/** Who the probe's requests come from; every credential is one the site fixture defines. */
export const CredentialSchema = z.enum([
  /** Basic email:token with the member's scoped API token. */
  'api-token',
  /** Basic email:token with the member's classic (unscoped) token. */
  'classic-token',
  /** Basic with the member's email and a token that does not exist. */
  'wrong-token',
  /** No Authorization header. */
  'none',
  /** Bearer with the service account's API key (README: service-account keys go as Bearer). */
  'service-account-key',
]);
export type Credential = z.infer<typeof CredentialSchema>;

/** A step's answer is a JSON object; a path walks it with `.` (`*` maps over an array or object). */
const PathSchema = z
  .string()
  .regex(/^[A-Za-z0-9_*$-]+(\.[A-Za-z0-9_*$-]+)*$/, 'a dot path such as payload.fields.summary');

export const ExpectationSchema = z
  .object({
    path: PathSchema,
    equals: z.unknown().optional(),
    /** A regular expression the value (a string, or each string of an array with `*`) must match. */
    matches: z.string().optional(),
    present: z.literal(true).optional(),
    absent: z.literal(true).optional(),
    /** The value is an object with these keys, or an array with these members. */
    has: z.array(z.string()).min(1).optional(),
    /** The value is an array with none of these members. */
    lacks: z.array(z.string()).min(1).optional(),
    /** No member of the array matches this regular expression. */
    noneMatch: z.string().optional(),
    /** An array's length or a number is at most / at least this. */
    atMost: z.number().optional(),
    atLeast: z.number().optional(),
  })
  .strict()
  .refine((e) => Object.keys(e).filter((k) => k !== 'path').length === 1, {
    message:
      'an expectation has a path and exactly one test (equals, matches, present, absent, has, lacks, noneMatch, atMost or atLeast)',
  });
export type Expectation = z.infer<typeof ExpectationSchema>;

const ArgsSchema = z.record(z.string(), z.unknown());

export const StepSchema = z.discriminatedUnion('do', [
  z.object({ do: z.literal('initialize'), protocolVersion: z.string().optional() }).strict(),
  z.object({ do: z.literal('list-tools') }).strict(),
  /** A plain GET at the endpoint's origin (discovery documents): `payload` is the body read as JSON. */
  z
    .object({ do: z.literal('get'), path: z.string().regex(/^\/[^/]/, 'a path such as /.well-known/...') })
    .strict(),
  z
    .object({
      do: z.literal('call'),
      tool: z.string(),
      /** `${name}` in a string is replaced by a built-in (cloudId, siteHost, project) or a saved value. */
      args: ArgsSchema.default({}),
      /** Calls the tool this many times (a setup that needs many comments, say). */
      repeat: z.number().int().min(1).max(150).default(1),
      /** Saves values of the answer by path for later steps: `{"issue": "payload.key"}`. */
      save: z.record(z.string(), PathSchema).default({}),
    })
    .strict(),
]);
export type Step = z.infer<typeof StepSchema>;

/** What a probe changes on a mock before it runs; a target the harness does not own cannot be probed so. */
export const MockSetupSchema = z
  .object({
    ipAllowlist: z.literal('blocks-caller').optional(),
    apiTokens: z.literal('disabled').optional(),
    /** Every tool call fails upstream (Jira or Confluence unreachable). */
    upstream: z.literal('failing').optional(),
  })
  .strict();

export const ProbeSchema = z
  .object({
    credential: CredentialSchema.default('api-token'),
    /** `clientInfo.name` sent on initialize; default the harness's own. */
    clientName: z.string().optional(),
    /** The query string of the MCP URL, e.g. `capabilities=READ_JIRA`. */
    query: z.string().optional(),
    mockSetup: MockSetupSchema.optional(),
    /** Steps run first; their answers are only read by `save`. */
    setup: z.array(StepSchema).default([]),
    /** The step whose answer the expectations read. */
    check: StepSchema,
    expect: z.array(ExpectationSchema).min(1),
  })
  .strict();
export type Probe = z.infer<typeof ProbeSchema>;

export const ConfidenceSchema = z.enum(['confirmed', 'partial', 'inferred']);
export type Confidence = z.infer<typeof ConfidenceSchema>;

export const FactSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(\.[a-z0-9-]+)+$/, 'a dotted id such as jira.fields-filter'),
    statement: z.string().min(10),
    /** Where the fact was observed: issue threads, docs, captures (as the reference files cite them). */
    sources: z.array(z.string().min(2)).min(1),
    confidence: ConfidenceSchema,
    /** When it was last observed: YYYY-MM or YYYY-MM-DD. */
    observed: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/),
    generation: z.enum(['v1', 'v2', 'both']),
    /** For a partial fact: the profile switch that reproduces it (and its other settings). */
    profileSwitch: z.string().optional(),
    probe: ProbeSchema.optional(),
  })
  .strict()
  .refine((f) => f.confidence !== 'confirmed' || f.probe !== undefined, {
    message: 'a confirmed fact needs a probe: the mock is held to every confirmed fact',
    path: ['probe'],
  })
  .refine((f) => f.confidence !== 'partial' || f.profileSwitch !== undefined, {
    message: 'a partial fact names the profile switch that reproduces it (profileSwitch)',
    path: ['profileSwitch'],
  });
export type Fact = z.infer<typeof FactSchema>;

export const FactsFileSchema = z
  .object({
    /** What the file's facts cover, and what of the public record they leave out and why. */
    scope: z.string().optional(),
    facts: z.array(FactSchema).min(1),
  })
  .strict();
