import { z } from 'zod';
import { NOT_IMPLEMENTED, QUESTIONS, QUESTION_IDS, type Answers, type Question } from './questions.ts';

const answerSchema = (q: Question) =>
  z.enum(QUESTIONS[q].options as unknown as [string, ...string[]]).default(QUESTIONS[q].options[0]);

const AnswersSchema = z
  .object(Object.fromEntries(QUESTION_IDS.map((q) => [q, answerSchema(q)])))
  .strict()
  .superRefine((answers, ctx) => {
    for (const q of QUESTION_IDS) {
      const chosen = (answers as Record<string, string>)[q] ?? '';
      if (NOT_IMPLEMENTED[q]?.includes(chosen))
        ctx.addIssue({
          code: 'custom',
          path: [q],
          message: `option "${chosen}" of ${q} (${QUESTIONS[q].topic}) is not implemented by the mock yet; choose ${QUESTIONS[q].options[0]}`,
        });
    }
  });

/**
 * A v2 profile: the answers to rovo-v2-surface.md 6 (Q1-Q25, the reference's default when absent),
 * the admin's permission groups, `tools=all` paging and serverInfo. Every answer is listed with its
 * source in `assumptions`, which the profile test holds to one line per question.
 */
export const V2ProfileSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9-]+$/),
    description: z.string().min(1),
    /** Unknown on v2 (1.4): the registry's 2.0.0 is assumed. */
    serverInfo: z.object({ name: z.string(), version: z.string() }).strict(),
    answers: AnswersSchema,
    /** Permission groups the org admin enabled; delete_jira and manage_jira are off by default (RM). */
    disabledGroups: z.array(z.string().regex(/^(read|write|search|delete|manage)_[a-z_]+$/)),
    /** `?tools=all` page size (50 per the changelog, T-CONFV). */
    toolsAllPageSize: z.number().int().positive(),
    /** getJiraIssue's inline comments: at most this many (I230 saw 100 of 120; T-L0902 quotes 20); null = all. */
    inlineCommentCap: z.number().int().positive().nullable().default(100),
    /**
     * Whether the authorization server takes an https client_id as a client ID metadata document
     * (T-OA advertises it; T-CP #4901 saw it work: one source each, so switchable).
     */
    clientIdMetadataDocuments: z.enum(['supported', 'unsupported']).default('supported'),
    /** Q15 domain-patterns: the org admin's allowed redirect patterns (`*` = any port or host label, `**` any path). */
    redirectDomainPatterns: z.array(z.string().min(1)).default(['http://localhost:*/**']),
    assumptions: z.array(z.string().min(1)),
  })
  .strict()
  .superRefine((p, ctx) => {
    for (const q of QUESTION_IDS)
      if (p.assumptions.filter((a) => a.startsWith(`${q}:`)).length !== 1)
        ctx.addIssue({
          code: 'custom',
          path: ['assumptions'],
          message: `${q} needs exactly one assumption line "${q}: <answer> - <source>"`,
        });
  });

export type V2Profile = Omit<z.infer<typeof V2ProfileSchema>, 'answers'> & { answers: Answers };
