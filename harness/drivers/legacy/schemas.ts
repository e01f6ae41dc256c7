import { z } from 'zod';
import { FieldMetaPageSchema } from '../rovo/schemas.ts';

/** Loose parsers for the legacy dialect's answers: what the driver relies on, the rest let through. */

export const CreatedSchema = z.object({ id: z.string(), key: z.string() }).loose();

export const ConnectionSchema = z
  .object({
    user: z
      .object({ accountId: z.string(), displayName: z.string(), emailAddress: z.string().optional() })
      .loose(),
  })
  .loose();

export const LegacyIssueSchema = z
  .object({
    id: z.string().default(''),
    key: z.string(),
    summary: z.string().default(''),
    status: z.string().nullable().optional(),
    issuetype: z.string().nullable().optional(),
    priority: z.string().nullable().optional(),
    assignee: z.string().nullable().optional(),
    parent: z.string().nullable().optional(),
    labels: z.array(z.string()).default([]),
    description: z.unknown().optional(),
    customFields: z.record(z.string(), z.unknown()).default({}),
  })
  .loose();
export type LegacyIssue = z.infer<typeof LegacyIssueSchema>;

export const SearchResultSchema = z
  .object({ issues: z.array(LegacyIssueSchema), total: z.number().optional() })
  .loose();

export const ProjectSchema = z
  .object({
    id: z.string(),
    key: z.string(),
    name: z.string(),
    issueTypes: z.array(
      z.object({ id: z.string(), name: z.string(), subtask: z.boolean().default(false) }).loose(),
    ),
  })
  .loose();

/** jira_get_create_fields passes Jira's createmeta entries on, so they read as Rovo's do. */
export const CreateFieldsSchema = z
  .object({ fields: z.array(FieldMetaPageSchema.shape.fields.unwrap().element) })
  .loose();

/** Jira's `CreatedIssues` as jira_bulk_create_issues passes it on: successes, and failures by index. */
export const BulkResultSchema = z
  .object({
    issues: z.array(CreatedSchema),
    errors: z.array(
      z
        .object({
          status: z.number().optional(),
          elementErrors: z
            .object({
              errorMessages: z.array(z.string()).default([]),
              errors: z.record(z.string(), z.string()).default({}),
            })
            .loose()
            .default({ errorMessages: [], errors: {} }),
          failedElementNumber: z.number().int().min(0),
        })
        .loose(),
    ),
  })
  .loose();
